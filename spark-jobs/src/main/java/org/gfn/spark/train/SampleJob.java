package org.gfn.spark.train;

import com.typesafe.config.ConfigFactory;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gfn.envs.Environment;
import org.gfn.model.cli.Cli;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.learn.Learner;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.train.Components;
import org.gfn.replay.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sample RUN_DIR [--n N] [--out FILE] [--seed S] [--temperature T] [--beta B]}: draws N
 * objects from the policy of a distributed run's newest checkpoint (on-policy P_F unless a
 * temperature is given; a temperature-conditioned policy at β = B, default 1) and writes them as
 * CSV: {@code terminal} (the object's ints, space-separated), {@code log_reward} (log R(x), not
 * tempered), {@code log_prob} (Σ log P_F of its path), {@code length} and {@code beta}. No Spark:
 * it runs in this JVM.
 * Exit status 0, 2 for a bad argument or a folder without config.conf or checkpoint, 1 otherwise.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Samples objects from a trained run's newest checkpoint and writes them as CSV.")
public final class SampleJob implements Callable<Integer> {
  /** Trajectories sampled per batched call. */
  private static final int CHUNK = 1024;

  @Parameters(paramLabel = "RUN_DIR", description = "a run directory of deploy/gfn train (config.conf, checkpoints/)")
  File runDir;

  @Option(names = "--n", paramLabel = "N", description = "objects to sample (default 1000)")
  int n = 1000;

  @Option(names = "--out", paramLabel = "FILE", description = "CSV file (default RUN_DIR/samples-<learner step>.csv)")
  File outFile;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default 1)")
  long seed = 1;

  @Option(names = "--temperature", paramLabel = "T", description = "divide the logits by T (default 1: the policy itself)")
  double temperature = 1;

  @Option(names = "--beta", paramLabel = "B", description = "inverse temperature of a temperature-conditioned "
      + "policy (gfn.conditioning.temperature): sample R(x)^B (default 1)")
  Double beta;

  private final PrintStream out;

  private SampleJob(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    Cli.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.run(new SampleJob(out), args, out, err, List.of(SettingsException.class, IllegalArgumentException.class));
  }

  @Override
  public Integer call() throws IOException {
    if (n < 1) throw new IllegalArgumentException("--n must be >= 1, got " + n);
    File conf = new File(runDir, "config.conf");
    if (!conf.isFile()) throw new SettingsException(runDir + " is not a run directory: it has no config.conf");
    List<File> ckpts = Checkpoint.list(new File(runDir, "checkpoints"));
    if (ckpts.isEmpty()) throw new SettingsException(runDir + " has no checkpoint yet (checkpoints/ckpt-*.bin)");
    Settings settings = Settings.load(ConfigFactory.parseFile(conf));
    Environment env = Components.task(settings.env()).env();
    Learner learner = Components.learner(settings, env);
    Checkpoint.read(ckpts.get(0), learner);
    if (beta != null && !(beta > 0 && beta < 1e4)) throw new IllegalArgumentException("--beta must be in (0, 1e4), got " + beta);
    if (beta != null && !learner.temperatureConditioned()) {
      throw new IllegalArgumentException("--beta needs a temperature-conditioned run (gfn.conditioning.temperature.enabled); "
          + runDir + " trained one policy for beta = 1");
    }
    double b = beta != null ? beta : learner.temperatureConditioned() ? 1.0 : Double.NaN;
    RolloutSampler sampler = new RolloutSampler(env, learner.snapshot().forwardEvaluator());
    File target = outFile != null ? outFile : new File(runDir, "samples-" + learner.steps() + ".csv");
    Exploration exploration = new Exploration(0, temperature);
    Set<String> distinct = new HashSet<>();
    double sumLogR = 0;
    double maxLogR = Double.NEGATIVE_INFINITY;
    File tmp = new File(target.getAbsoluteFile().getParentFile(), "." + target.getName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp.toPath(), StandardCharsets.UTF_8)) {
      w.write("terminal,log_reward,log_prob,length,beta\n");
      for (int done = 0; done < n; done += CHUNK) {
        int k = Math.min(CHUNK, n - done);
        for (Trajectory t : sampler.sample(k, exploration, seed + done, done, learner.steps(), b)) {
          String x = IntStream.of(t.terminal()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
          w.write(x + "," + t.logReward() + "," + t.behaviourLogProb() + "," + (t.length() - 1) + "," + t.beta() + "\n");
          distinct.add(x);
          sumLogR += t.logReward();
          maxLogR = Math.max(maxLogR, t.logReward());
        }
      }
    }
    Files.move(tmp.toPath(), target.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    out.printf("sampled %d objects from %s (learner step %d%s): %d distinct, mean log R %.4f, max log R %.4f%n",
        n, ckpts.get(0).getName(), learner.steps(), Double.isNaN(b) ? "" : ", beta " + b, distinct.size(), sumLogR / n, maxLogR);
    out.println("wrote " + target.getAbsolutePath());
    return 0;
  }
}
