package org.gfn.spark.train;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gfn.envs.InstanceConditioned;
import org.gfn.model.Contracts;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.ConfigReader;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.model.learn.Backend;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.Discovery;
import org.gfn.model.metrics.IsingComparison;
import org.gfn.model.metrics.LogEvidence;
import org.gfn.model.metrics.ParsimonyTracker;
import org.gfn.model.train.Components;
import org.gfn.model.train.RunStats;
import org.gfn.model.train.Task;
import org.gfn.model.train.TrainingLoop;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.Trajectory;
import org.gfn.spark.Sessions;
import org.gfn.spark.SparkSettings;
import org.gfn.spark.runlog.Plots;
import org.gfn.spark.runlog.ReplayLogWriter;
import org.gfn.spark.runlog.RunDirectory;

/**
 * One distributed training run: resolves the configuration (a preset, or a run's own for
 * {@code --resume}), prepares the run directory, restores a checkpoint, wires the learner, the
 * replay buffer, the replay log and {@link SparkRollouts} into the {@link TrainingLoop}, and
 * writes the summary and plots. EB-GFN configurations go to {@link EnergyBasedJob}.
 */
public final class TrainRun {
  private final File conf;
  private final File out;
  private final List<String> sets;
  private final String master;
  private final File resume;
  private final boolean overwrite;
  private double maxSeconds;

  /**
   * @param resume a run directory to continue (then {@code conf} and {@code out} are null)
   * @param overwrite whether an earlier run in {@code out} is removed instead of refused
   */
  public TrainRun(File conf, File out, List<String> sets, String master, File resume, boolean overwrite) {
    this.conf = conf;
    this.out = out;
    this.sets = sets;
    this.master = master;
    this.resume = resume;
    this.overwrite = overwrite;
  }

  /**
   * Also stops training (after the next evaluation) once it has run {@code seconds} of wall time,
   * as a sweep's {@code budget.seconds} asks; 0 = only the trajectory budget.
   */
  public TrainRun stopAfter(double seconds) {
    this.maxSeconds = seconds;
    return this;
  }

  /** Whether {@code runDir} holds a checkpoint that {@code --resume} can continue from. */
  public static boolean hasCheckpoint(File runDir) {
    return !Checkpoint.list(new File(runDir, "checkpoints")).isEmpty();
  }

  public Map<String, Object> execute(SparkSession given, Consumer<String> progress) throws Exception {
    Settings settings = Settings.load(resume != null ? resumedConfig() : ConfigLoader.load(conf, sets));
    SparkSettings spark = SparkSettings.read(new ConfigReader(settings.config()));
    Settings.requireWholeGroups(spark.trajectoriesPerTask(), "gfn.spark.trajectories-per-task", settings.train().localSearch());
    EnergyBasedSettings eb = EnergyBasedSettings.read(settings);
    RunDirectory run = runDirectory(settings);
    if (eb.enabled()) {
      if (resume != null) throw new SettingsException("EB-GFN runs (gfn.ebgfn.enabled) write no checkpoints and cannot be resumed");
      claim(run, progress);
      return EnergyBasedJob.run(run, settings, spark, eb, given, master, progress);
    }
    Task task = Components.task(settings); // data, memory, exact-metrics budget: bad input fails before any write
    Learner learner = Components.learner(settings, task.env());
    ReplayBuffer replay = Components.replay(settings);
    if (resume == null) claim(run, progress);
    run.create();
    List<String> leftovers = run.removeLeftovers();
    if (!leftovers.isEmpty()) progress.accept("removed what an interrupted write left behind: " + leftovers);
    Checkpoint.Counters start = resume != null ? restore(run, learner, replay, progress) : fresh(run, settings);
    if (resume != null && start.trained() >= settings.train().trajectories()) {
      progress.accept("run " + run.root + " is complete: " + start.trained() + " of " + settings.train().trajectories()
          + " trajectories trained; raise the budget to continue (--set train.trajectories=N)");
      Map<String, Object> done = run.readSummary();
      Map<String, Object> summary = done != null ? done : new java.util.LinkedHashMap<>();
      summary.put("already_complete", true);
      summary.put("run_dir", run.root.getPath());
      return summary;
    }

    return Sessions.with(given, master, spark.master(), spark.driverHost(), spark.executorWaitSeconds(), session -> {
      ToIntFunction<int[]> instanceOf = task.env().unwrap() instanceof InstanceConditioned family ? family::instanceOf : null;
      try (ReplayLogWriter log = new ReplayLogWriter(run.root, start.runId(), spark.replayLogRows(), instanceOf)) {
        return train(session, settings, spark, run, task, learner, replay, log, start, progress, maxSeconds);
      }
    });
  }

  private static Map<String, Object> train(SparkSession session, Settings settings, SparkSettings spark,
      RunDirectory run, Task task, Learner learner, ReplayBuffer replay, ReplayLogWriter log,
      Checkpoint.Counters start, Consumer<String> progress, double maxSeconds) throws IOException {
    progress.accept(Backend.describe());
    progress.accept("training " + learner.objective().name() + " on " + task.env().name() + " with master "
        + session.sparkContext().master() + (spark.sync() ? " (sync)" : " (async, " + spark.jobsInFlight() + " jobs in flight)")
        + "; run directory " + run.root);
    Discovery discovery = task.discoveryTracker();
    Contracts.TrajectorySink sink = Contracts.TrajectorySink.all(
        (b, round) -> replay.addAll(b.trajectories()),
        discovery == null ? null : (b, round) -> b.trajectories().forEach(discovery::observe),
        (b, round) -> b.trajectories().forEach(t -> log.append(t, round, b.worker(), b.partition(), learner.version())));
    RolloutFunction.Plan plan = new RolloutFunction.Plan(settings.env(), settings.exploration(),
        settings.train().localSearch(), spark.trajectoriesPerTask(), settings.seed());
    SparkRollouts rollouts = new SparkRollouts(JavaSparkContext.fromSparkContext(session.sparkContext()), spark, plan,
        learner, sink, start.rollouts());
    CheckpointWriter checkpoints = new CheckpointWriter(run.checkpoints(), spark.checkpointsKept());
    // the cut is taken here, on the learner's thread; the files are written in the background
    TrainingLoop.Checkpointer checkpointer = stats -> checkpoints.submit(log.commit(),
        new Checkpoint.Counters(start.runId(), learner.steps(), rollouts.position(), stats.trained(), stats.wall()),
        Checkpoint.learnerState(learner), new Checkpoint.Replay(replay.contents(), replay.samplerState()));
    TrainingLoop loop = new TrainingLoop(learner, rollouts, replay, task.space(), discovery,
        new TrainingLoop.Options(settings.train().batchSize(), settings.train().replaySamples(),
            settings.train().trajectories(), settings.train().evalEvery(),
            spark.sync() ? 1.0 : spark.samplesPerInsert(), spark.checkpointEvery(), spark.checkpointMinSeconds(), true),
        new RunStats(start.trained(), start.wallSeconds(), start.rollouts().inserted()), checkpointer,
        e -> {
          run.appendMetrics(e.metrics());
          progress.accept(e.progressLine());
        });
    long t0 = System.nanoTime();
    try (checkpoints) {
      loop.run(() -> maxSeconds > 0 && (System.nanoTime() - t0) / 1e9 > maxSeconds);
      checkpoints.await(); // the final checkpoint is on disk before the summary says the run is done
    }
    Map<String, Object> summary = loop.summary();
    summary.put("checkpoint_wait_s", checkpoints.waitSeconds());
    summary.put("run_id", start.runId());
    summary.put("objective", learner.objective().name());
    summary.put("environment", task.env().name());
    if (settings.train().evidenceSamples() > 0) {
      LogEvidence.Estimate e = LogEvidence.estimate(task.env(), learner.snapshot().evaluator(),
          settings.train().evidenceSamples(), settings.train().evidenceRepeats(), settings.seed());
      progress.accept(e.line());
      summary.putAll(e.toMap());
    }
    if (settings.env().type().equals("ising")) {
      IsingComparison ising = IsingComparison.of(EnvironmentFactory.isingModel(settings.env()), task.env(),
          learner.snapshot().forwardEvaluator(), settings.seed(), learner.steps());
      progress.accept(ising.line());
      summary.putAll(ising.toMap());
    }
    if (discovery instanceof ParsimonyTracker trees) {
      RunDirectory.writeAtomically(new java.io.File(run.root, "best_trees.tsv"),
          "parsimony\tnewick\n" + String.join("\n", trees.bestTrees()) + "\n");
    }
    summary.put("run_dir", run.root.getPath());
    run.writeSummary(summary);
    if (spark.plots()) {
      List<Trajectory> all = replay.contents();
      Plots.write(run, task.space(), learner.snapshot().forwardEvaluator(),
          all.subList(Math.max(0, all.size() - 10_000), all.size()));
    }
    return summary;
  }

  /** Makes sure {@code run} holds no earlier run: refused, or removed with --overwrite. */
  private void claim(RunDirectory run, Consumer<String> progress) throws IOException {
    List<String> used = run.runFiles();
    if (used.isEmpty()) return;
    if (!overwrite) {
      throw new SettingsException("run directory " + run.root + " already holds a run (" + String.join(", ", used)
          + "); continue it with --resume " + run.root + ", replace it with --overwrite, or choose another --out");
    }
    run.clear();
    progress.accept("--overwrite: removed the earlier run in " + run.root + " (" + String.join(", ", used) + ")");
  }

  private Checkpoint.Counters fresh(RunDirectory run, Settings settings) {
    run.writeConfig(settings.config());
    return new Checkpoint.Counters(UUID.randomUUID().toString(), 0, SparkRollouts.Position.START, 0, 0);
  }

  private static Checkpoint.Counters restore(RunDirectory run, Learner learner, ReplayBuffer replay,
      Consumer<String> progress) throws IOException {
    List<File> ckpts = Checkpoint.list(run.checkpoints());
    if (ckpts.isEmpty()) {
      throw new SettingsException("no checkpoint in " + run.checkpoints() + " to resume from (the run stopped before"
          + " its first checkpoint); start it again with --out " + run.root + " --overwrite");
    }
    Checkpoint.Restored r;
    try {
      r = Checkpoint.read(ckpts.get(0), learner);
    } catch (IOException e) {
      throw new SettingsException(e.getMessage() + "; the run was not resumed (delete that file to resume from an older checkpoint)");
    }
    replay.addAll(r.replay().contents());
    if (r.hasSamplerState()) replay.restoreSamplerState(r.replay().samplerState());
    int discarded = ReplayLogWriter.discardUncommitted(run.root, r.logFiles());
    Checkpoint.Counters start = r.counters();
    int rows = run.truncateMetricsAfter(start.steps());
    progress.accept("resuming " + run.root + " from learner step " + start.steps() + " ("
        + start.trained() + " trajectories trained; " + discarded + " uncommitted replay-log files discarded; " + rows
        + " metrics rows written after the checkpoint discarded)");
    return start;
  }

  private RunDirectory runDirectory(Settings s) {
    if (resume != null) return new RunDirectory(resume);
    if (out != null) return new RunDirectory(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return new RunDirectory(new File("runs", stamp + "-" + s.objective() + "-" + s.env().type()));
  }

  private Config resumedConfig() {
    File saved = new File(resume, "config.conf");
    if (!saved.isFile()) throw new SettingsException(resume + " is not a run directory: it has no config.conf");
    return ConfigLoader.load(null, sets).withFallback(ConfigFactory.parseFile(saved));
  }
}
