package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.gfn.spark.sweep.SweepJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packed sweeps on the two-executor cluster: ranking, restart after a kill, failed trials. */
class SweepTest {
  @TempDir File dir;

  static File spec(File dir, String grid, String budget) throws Exception {
    File f = new File(dir, "sweep.conf");
    Files.writeString(f.toPath(), String.join("\n",
        "sweep {",
        "  base = \"" + new File("../conf/hypergrid-8x4-tb.conf").getAbsolutePath() + "\"",
        "  mode = packed",
        "  grid { " + grid + " }",
        "  seeds = [1, 2, 3]",
        "  budget { trajectories = " + budget + " }",
        "  metric = exact_sum_l1",
        "  set { \"env.hypergrid.dim\" = 2, \"policy.width\" = 32, \"train.eval-every\" = 20 }",
        "}"));
    return f;
  }

  static String sweep(File spec, File out) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int rc = SweepJob.run(new String[] {spec.getPath(), "--out", out.getPath()}, SharedSpark.cluster(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    String text = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertEquals(0, rc, text);
    return text;
  }

  static List<String[]> csv(File out) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(new File(out, "results.csv").toPath())) rows.add(line.split(",", -1));
    return rows;
  }

  @Test
  void packedSweepRanksTrialsAndResumesAfterAKill() throws Exception {
    File spec = spec(dir, "\"objective.name\" = [TB, DB], \"learner.learning-rate\" = [1e-3, 3e-3]", "1600");
    File out = new File(dir, "sweep");
    // First run in its own JVM, killed once three trials have finished.
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    cmd.addAll(List.of(System.getProperty("spark.java.opens", "").split(" ")));
    cmd.removeIf(String::isBlank);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gfn.spark.sweep.SweepJob",
        spec.getPath(), "--out", out.getPath(), "--master", "local[2]"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir, "first.log"));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process first = pb.start();
    File trials = new File(out, "trials");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (count(trials) < 3) {
      assertTrue(first.isAlive() || count(trials) >= 3, "first sweep ended early: " + Files.readString(new File(dir, "first.log").toPath()));
      assertTrue(System.nanoTime() < deadline, "no trial finished in time");
      Thread.sleep(100);
    }
    first.destroyForcibly().waitFor();
    Map<String, Long> before = new HashMap<>();
    for (File f : trials.listFiles()) before.put(f.getName(), f.lastModified());
    assertTrue(before.size() >= 3 && before.size() < 12, "killed midway: " + before.size() + " of 12 finished");

    String text = sweep(spec, out);
    assertTrue(text.contains("12 trials (packed mode), " + before.size() + " already finished, " + (12 - before.size()) + " to run"), text);
    for (var e : before.entrySet()) {
      assertEquals(e.getValue(), new File(trials, e.getKey()).lastModified(), "finished trial " + e.getKey() + " was not rerun");
    }
    List<String[]> rows = csv(out);
    assertEquals(13, rows.size(), "header + one row per trial");
    double prev = -1;
    for (int i = 1; i < rows.size(); i++) {
      assertEquals(String.valueOf(i), rows.get(i)[0], "ranked");
      assertEquals("ok", rows.get(i)[2]);
      double metric = Double.parseDouble(rows.get(i)[9]);
      assertTrue(metric >= prev, "sorted by exact_sum_l1");
      prev = metric;
    }
    List<Row> parquet = SharedSpark.cluster().read().parquet(new File(out, "results.parquet").getPath()).collectAsList();
    assertEquals(12, parquet.size());
    assertTrue(new File(out, "summary.png").length() > 1000);
  }

  @Test
  void aTrialThatThrowsIsRecordedAndTheOthersComplete() throws Exception {
    File spec = spec(dir, "\"learner.learning-rate\" = [1e-3, -1]", "320");
    File out = new File(dir, "failing");
    String text = sweep(spec, out);
    assertTrue(text.contains("3 ok, 3 failed"), text);
    int failed = 0;
    for (String[] r : csv(out).subList(1, 7)) {
      if (r[2].equals("failed")) {
        failed++;
        assertEquals("-1", r[4]);
        assertTrue(String.join(",", r).contains("gfn.learner.learning-rate"), String.join(",", r));
      } else {
        assertEquals("ok", r[2]);
      }
    }
    assertEquals(3, failed);
    // a rerun retries failed trials up to max-attempts (2), then leaves them recorded as failed
    String again = sweep(spec, out);
    assertTrue(again.contains("3 already finished, 3 to run"), again);
    assertTrue(sweep(spec, out).contains("6 already finished, 0 to run"));
  }

  @Test
  void distributedModeRunsFullTrainingsOneAfterAnother() throws Exception {
    File f = new File(dir, "dist.conf");
    Files.writeString(f.toPath(), String.join("\n",
        "sweep {",
        "  base = \"" + new File("../conf/hypergrid-8x4-tb.conf").getAbsolutePath() + "\"",
        "  mode = distributed",
        "  grid { \"objective.name\" = [TB, DB] }",
        "  budget { trajectories = 100000000, seconds = 3 }",
        "  set { \"policy.width\" = 32, \"train.eval-every\" = 16, \"spark.trajectories-per-task\" = 64, \"spark.plots\" = false }",
        "}"));
    File out = new File(dir, "dist");
    String text = sweep(f, out);
    assertTrue(text.contains("2 trials (distributed mode)") && text.contains("sweep done: 2 ok, 0 failed"), text);
    for (File t : new File(out, "trials").listFiles(File::isDirectory)) {
      assertTrue(new File(t, "run-1/summary.json").isFile(), "a full run directory per trial: " + t);
      assertTrue(new File(t, "run-1/replay").isDirectory());
    }
    List<String[]> rows = csv(out);
    assertEquals(3, rows.size());
    int col = List.of(rows.get(0)).indexOf("trajectories");
    for (String[] r : rows.subList(1, rows.size())) {
      long trained = Long.parseLong(r[col]);
      assertTrue(trained > 0 && trained < 100_000_000, "budget.seconds stopped the trial after " + trained + " trajectories");
    }
  }

  private static int count(File trials) {
    String[] names = trials.list((d, n) -> n.endsWith(".json"));
    return names == null ? 0 : names.length;
  }
}
