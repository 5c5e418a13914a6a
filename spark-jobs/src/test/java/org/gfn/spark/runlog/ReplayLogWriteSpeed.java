package org.gfn.spark.runlog;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn.replay.Trajectory;

/**
 * Benchmark (not a test): rows/s of one replay-log file write, {@code ReplayLogWriteSpeed ROWS
 * LENGTH STATE_SIZE REPEATS}: ROWS trajectories of LENGTH actions over states of STATE_SIZE ints
 * (HyperGrid 8^4: about 16 and 4), written REPEATS times after two warm-up writes; prints each
 * write's rows/s and the median. The replay-log writer thread does this on the driver while the
 * learner trains, so on a small driver its CPU is taken from the learner and the rollouts.
 */
public class ReplayLogWriteSpeed {
  public static void main(String[] a) throws Exception {
    int rows = Integer.parseInt(a[0]);
    int length = Integer.parseInt(a[1]);
    int stateSize = Integer.parseInt(a[2]);
    int repeats = Integer.parseInt(a[3]);
    Random rng = new Random(1);
    List<ParquetFiles.Row> batch = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int[] states = new int[length * stateSize];
      int[] actions = new int[length];
      for (int k = 0; k < states.length; k++) states[k] = rng.nextInt(8);
      for (int k = 0; k < length; k++) actions[k] = rng.nextInt(5);
      Trajectory t = new Trajectory(i, rng.nextLong(), i / 64, stateSize, states, actions, -rng.nextDouble() * 5, -10,
          Trajectory.Origin.SAMPLED, 1.0);
      batch.add(new ParquetFiles.Row("0123456789abcdef", t, i / 256, "driver", i % 2, System.currentTimeMillis(), i / 16, -1));
    }
    File dir = Files.createTempDirectory("log-speed").toFile();
    double[] rates = new double[repeats];
    for (int r = -2; r < repeats; r++) {
      File f = new File(dir, "part-" + (r + 2) + ".parquet");
      long t0 = System.nanoTime();
      ParquetFiles.write(f, batch);
      double s = (System.nanoTime() - t0) / 1e9;
      if (r >= 0) {
        rates[r] = rows / s;
        System.out.printf("write %d: %.0f rows/s (%d bytes)%n", r + 1, rates[r], f.length());
      }
    }
    Arrays.sort(rates);
    System.out.printf("median: %.0f rows/s, %.1f us per row%n", rates[repeats / 2], 1e6 / rates[repeats / 2]);
  }
}
