package org.gfn.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.IsingComparison;
import org.gfn.model.train.ConfigLoader;
import org.gfn.model.train.ConfigReader;
import org.gfn.model.train.Components;
import org.gfn.model.train.EnergyBasedSettings;
import org.gfn.model.train.Settings;
import org.gfn.model.train.SettingsException;
import org.gfn.model.train.Task;
import org.gfn.replay.ReplayBuffer;

/**
 * The main job: distributed GFlowNet training. Executors roll out trajectories into the driver's
 * replay buffer while the DL4J learner on the driver trains and broadcasts snapshots. Runs on an
 * embedded local master by default, or under spark-submit on any cluster.
 *
 * <p>{@code TrainJob CONF [--out RUN_DIR] [--set key=value ...] [--master URL] [--resume RUN_DIR]}
 * — exit status 0 on success, 2 for bad input (configuration, arguments, files), 1 for failures.
 */
public final class TrainJob {
  private TrainJob() {}

  public static void main(String[] args) {
    int rc = run(args, null, System.out, System.err);
    if (rc != 0) System.exit(rc);
  }

  /** Runs the job; uses {@code session} when given (tests share one), else creates one. */
  static int run(String[] args, SparkSession session, PrintStream out, PrintStream err) {
    try {
      Map<String, Object> summary = execute(TrainArgs.parse(args), session, out::println);
      if ("ebgfn".equals(summary.get("mode"))) {
        out.printf("done: EB-GFN, %s iterations, log-RMSE(J) %.3f (J = 0) -> %.3f%n", summary.get("iterations"),
            (double) summary.get("initial_log_rmse_j"), (double) summary.get("final_log_rmse_j"));
        out.println("outputs in " + summary.get("run_dir") + " (summary.json, metrics.jsonl)");
        return 0;
      }
      out.println("done: " + summary.get("trajectories_trained") + " trajectories, "
          + summary.get("learner_steps") + " learner steps"
          + (summary.containsKey("exact_sum_l1") ? ", exact sum-L1 " + summary.get("exact_sum_l1") : ""));
      out.println("outputs in " + summary.get("run_dir") + " (summary.json, metrics.jsonl, replay/, checkpoints/, plots/)");
      return 0;
    } catch (SettingsException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("error: " + e.getMessage());
      if (System.getenv("GFN_DEBUG") != null) e.printStackTrace(err);
      return 1;
    }
  }

  static Map<String, Object> execute(TrainArgs args, SparkSession given,
      java.util.function.Consumer<String> progress) throws IOException {
    Config config = args.resume() != null ? resumedConfig(args) : ConfigLoader.load(args.conf(), args.sets());
    Settings settings = Settings.load(config);
    SparkSettings spark = SparkSettings.read(new ConfigReader(settings.config()));
    EnergyBasedSettings eb = EnergyBasedSettings.read(settings);
    if (eb.enabled()) {
      if (args.resume() != null) throw new SettingsException("EB-GFN runs (gfn.ebgfn.enabled) write no checkpoints and cannot be resumed");
      return energyBased(args, settings, spark, eb, given, progress);
    }

    RunDirectory run = new RunDirectory(args.resume() != null ? args.resume()
        : args.out() != null ? args.out() : defaultRunDir(settings));
    if (args.resume() == null && !Checkpoint.list(run.checkpoints()).isEmpty()) {
      throw new SettingsException("run directory " + run.root + " already holds a run; continue it with --resume "
          + run.root + " or choose another --out");
    }
    run.create();

    Task task = Components.task(settings.env());
    Learner learner = Components.learner(settings, task.env());
    ReplayBuffer replay = Components.replay(settings);
    Checkpoint.Counters start;
    if (args.resume() != null) {
      List<File> ckpts = Checkpoint.list(run.checkpoints());
      if (ckpts.isEmpty()) throw new SettingsException("no checkpoint in " + run.checkpoints() + " to resume from");
      Checkpoint.Restored r;
      try {
        r = Checkpoint.read(ckpts.get(0), learner);
      } catch (IOException e) {
        throw new SettingsException(e.getMessage() + "; the run was not resumed (delete that file to resume from an older checkpoint)");
      }
      replay.addAll(r.replay());
      int discarded = ReplayLogWriter.discardUncommitted(run.root, r.logFiles());
      start = r.counters();
      progress.accept("resuming " + run.root + " from learner step " + start.steps() + " ("
          + start.trained() + " trajectories trained; " + discarded + " uncommitted replay-log files discarded)");
    } else {
      run.writeConfig(settings.config());
      start = DistributedTrainer.startCounters(UUID.randomUUID().toString());
    }

    SparkSession session = given != null ? given : Sessions.create(args.master(), spark.master());
    try (ReplayLogWriter log = new ReplayLogWriter(run.root, start.runId(), spark.replayLogRows())) {
      progress.accept(org.gfn.model.learn.Backend.describe());
      progress.accept("training " + learner.objective().name() + " on " + task.env().name() + " with master "
          + session.sparkContext().master() + (spark.sync() ? " (sync)" : " (async, " + spark.jobsInFlight() + " jobs in flight)")
          + "; run directory " + run.root);
      DistributedTrainer trainer = new DistributedTrainer(JavaSparkContext.fromSparkContext(session.sparkContext()),
          settings, spark, task, learner, replay, log, run, start, progress);
      Map<String, Object> summary = trainer.run();
      if (settings.env().type().equals("ising")) {
        IsingComparison ising = IsingComparison.of(Components.isingModel(settings.env()), task.env(),
            learner.snapshot().forwardEvaluator(), settings.seed(), learner.steps());
        progress.accept(ising.line());
        summary.putAll(ising.toMap());
      }
      summary.put("run_dir", run.root.getPath());
      run.writeSummary(summary);
      if (spark.plots()) {
        List<org.gfn.replay.Trajectory> all = replay.contents();
        Plots.write(run, task.space(), learner.snapshot().forwardEvaluator(),
            all.subList(Math.max(0, all.size() - 10_000), all.size()));
      }
      return summary;
    } finally {
      if (given == null) session.stop();
    }
  }

  private static Map<String, Object> energyBased(TrainArgs args, Settings settings, SparkSettings spark,
      EnergyBasedSettings eb, SparkSession given, java.util.function.Consumer<String> progress) {
    RunDirectory run = new RunDirectory(args.out() != null ? args.out() : defaultRunDir(settings));
    if (new File(run.root, "summary.json").exists() || new File(run.root, "metrics.jsonl").exists()) {
      throw new SettingsException("run directory " + run.root + " already holds a run; choose another --out");
    }
    run.create();
    run.writeConfig(settings.config());
    SparkSession session = given != null ? given : Sessions.create(args.master(), spark.master());
    try {
      progress.accept(org.gfn.model.learn.Backend.describe());
      Map<String, Object> summary = EnergyBasedJob.execute(settings, eb, run,
          JavaSparkContext.fromSparkContext(session.sparkContext()), progress);
      summary.put("run_dir", run.root.getPath());
      run.writeSummary(summary);
      return summary;
    } finally {
      if (given == null) session.stop();
    }
  }

  private static Config resumedConfig(TrainArgs args) {
    File saved = new File(args.resume(), "config.conf");
    if (!saved.isFile()) {
      throw new SettingsException(args.resume() + " is not a run directory: it has no config.conf");
    }
    if (args.conf() != null) throw new SettingsException("--resume uses the run's own config.conf; drop " + args.conf());
    Config overrides = ConfigLoader.load(null, args.sets());
    return overrides.withFallback(ConfigFactory.parseFile(saved));
  }

  private static File defaultRunDir(Settings s) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return new File("runs", stamp + "-" + s.objective() + "-" + s.env().type());
  }
}
