package org.gfn.spark.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gfn.model.cli.Cli;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.SettingsException;
import org.gfn.spark.Sessions;
import org.gfn.spark.runlog.RunDirectory;
import org.gfn.spark.train.TrainRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Sweeps: {@code SweepJob SPEC [--out SWEEP_DIR] [--master URL]} runs every trial of a sweep spec
 * and writes a ranked results table. {@code packed} mode runs each trial as one Spark task with
 * the Spark-free loop (hundreds at once on a cluster); {@code distributed} mode runs trials one
 * after another as full distributed trainings. Rerunning with the same SWEEP_DIR skips finished
 * trials and reruns failed ones up to {@code max-attempts}. Exit 0 when every trial has a result
 * (failed ones included), 2 for a bad spec, 1 for other failures.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Runs every trial of a sweep spec and writes a ranked results table (docs/sweeps.md).")
public final class SweepJob implements Callable<Integer> {
  @Parameters(paramLabel = "SPEC", description = "sweep spec (HOCON)")
  File specFile;

  @Option(names = "--out", paramLabel = "SWEEP_DIR", description = "results folder; rerun with the same one to resume")
  File outDir;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[2])")
  String master;

  private final SparkSession given;
  private final PrintStream out;

  private SweepJob(SparkSession given, PrintStream out) {
    this.given = given;
    this.out = out;
  }

  public static void main(String[] args) {
    Cli.exit(run(args, null, System.out, System.err));
  }

  /** Runs a sweep; uses {@code given} when not null (tests share one session), else creates one. */
  public static int run(String[] args, SparkSession given, PrintStream out, PrintStream err) {
    return Cli.run(new SweepJob(given, out), args, out, err, List.of(SettingsException.class));
  }

  @Override
  public Integer call() throws Exception {
    SweepSpec spec = SweepSpec.parse(specFile);
    File dir = outDir;
    if (dir == null) {
      String name = specFile.getName().replaceAll("\\.conf$", "");
      dir = new File("sweeps", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
    if (!dir.isDirectory() && !dir.mkdirs()) throw new SettingsException("cannot create sweep directory " + dir);
    File saved = new File(dir, "spec.conf");
    if (saved.isFile()) {
      List<String> changed = SweepSpec.differences(saved, specFile);
      if (!changed.isEmpty()) {
        throw new SettingsException("sweep directory " + dir + " holds results of a different spec (" + String.join("; ", changed)
            + "); rerun with the spec it was started with, or choose another --out");
      }
    }
    Files.copy(specFile.toPath(), saved.toPath(), StandardCopyOption.REPLACE_EXISTING);
    File results = dir;
    return Sessions.with(given, master, "local[2]", "", Sessions.DEFAULT_EXECUTOR_WAIT_S, spark -> {
      sweep(spec, results, spark, out);
      return 0;
    });
  }

  static void sweep(SweepSpec spec, File dir, SparkSession spark, PrintStream out) throws IOException {
    SweepResults files = new SweepResults(dir);
    Map<String, TrialResult> done = files.load();
    List<SweepSpec.Trial> trials = spec.trials();
    List<SweepSpec.Trial> todo = new ArrayList<>();
    int skipped = 0;
    for (SweepSpec.Trial t : trials) {
      TrialResult prev = done.get(t.id());
      if (prev != null && (prev.ok() || prev.attempts() >= spec.maxAttempts())) {
        skipped++;
      } else {
        todo.add(t);
      }
    }
    out.printf("sweep: %d trials (%s mode), %d already finished, %d to run; results in %s%n",
        trials.size(), spec.mode(), skipped, todo.size(), dir.getAbsolutePath());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, TrialResult> results = new LinkedHashMap<>(done);
    int finished = 0;
    if (spec.mode().equals("packed")) {
      Map<TrialFunction.Input, JavaFutureAction<List<TrialResult>>> running = new LinkedHashMap<>();
      for (SweepSpec.Trial t : todo) {
        int attempt = done.containsKey(t.id()) ? done.get(t.id()).attempts() + 1 : 1;
        TrialFunction.Input in;
        try {
          in = new TrialFunction.Input(t, trialConfig(spec, t).root().render(ConfigRenderOptions.concise()),
              spec.metric(), spec.minimise(), spec.seconds(), attempt);
        } catch (RuntimeException e) {
          TrialResult r = TrialResult.failed(t, attempt, 0, e);
          files.save(r);
          results.put(t.id(), r);
          report(out, ++finished, todo.size(), r);
          continue;
        }
        jsc.setJobDescription("sweep trial " + t.id() + " " + t.params() + " seed " + t.seed());
        running.put(in, jsc.parallelize(List.of(in), 1).map(new TrialFunction()).collectAsync());
      }
      while (!running.isEmpty()) {
        var it = running.entrySet().iterator();
        boolean any = false;
        while (it.hasNext()) {
          var e = it.next();
          if (!e.getValue().isDone()) continue;
          any = true;
          it.remove();
          TrialResult r;
          try {
            r = e.getValue().get().get(0);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
          } catch (ExecutionException ex) {
            r = TrialResult.failed(e.getKey().trial(), e.getKey().attempt(), 0, ex);
          }
          files.save(r);
          results.put(r.id(), r);
          report(out, ++finished, todo.size(), r);
        }
        if (!any) sleep(100);
      }
    } else {
      for (SweepSpec.Trial t : todo) {
        int attempt = done.containsKey(t.id()) ? done.get(t.id()).attempts() + 1 : 1;
        TrialResult r = distributedTrial(spec, t, dir, spark, attempt);
        files.save(r);
        results.put(t.id(), r);
        report(out, ++finished, todo.size(), r);
      }
    }
    List<TrialResult> ranked = SweepResults.ranked(new ArrayList<>(results.values()), spec.minimise());
    files.writeTables(ranked, spec.axes(), spec.metric());
    File png = files.writeSummaryPlot(ranked, spec.axes(), spec.metric());
    long failed = ranked.stream().filter(r -> !r.ok()).count();
    out.printf("sweep done: %d ok, %d failed; best %s:%n", ranked.size() - failed, failed, spec.metric());
    ranked.stream().filter(TrialResult::ok).limit(5).forEach(r ->
        out.printf("  %.4f  %s seed %d  (%s)%n", r.finalMetric(), r.params(), r.seed(), r.id()));
    out.println("results: " + new File(dir, "results.csv").getPath() + ", " + new File(dir, "results.parquet").getPath()
        + (png == null ? "" : ", " + png.getPath()));
  }

  /** The trial's configuration: base preset, the spec's fixed settings, the trial's values, seed and budget. */
  static Config trialConfig(SweepSpec spec, SweepSpec.Trial t) {
    List<String> sets = new ArrayList<>();
    spec.fixed().forEach((k, v) -> sets.add(k + "=" + v));
    t.params().forEach((k, v) -> sets.add(k + "=" + v));
    sets.add("run.seed=" + t.seed());
    sets.add("train.trajectories=" + (spec.trajectories() > 0 ? spec.trajectories() : Long.MAX_VALUE / 4));
    return ConfigLoader.load(spec.base(), sets);
  }

  private static TrialResult distributedTrial(SweepSpec spec, SweepSpec.Trial t, File dir, SparkSession spark, int attempt) {
    long t0 = System.nanoTime();
    try {
      File trialDir = new File(dir, "trials/" + t.id());
      File conf = new File(trialDir, "trial.conf");
      if (!trialDir.isDirectory() && !trialDir.mkdirs()) throw new IOException("cannot create " + trialDir);
      RunDirectory.writeAtomically(conf, trialConfig(spec, t).root().render(ConfigRenderOptions.defaults().setOriginComments(false)));
      File run = new File(trialDir, "run-" + attempt);
      // A sweep killed mid-trial left this attempt's run: continue it from its checkpoint, or start
      // it again when it stopped before the first one (the attempt is not counted twice).
      Map<String, Object> s = (TrainRun.hasCheckpoint(run) ? new TrainRun(null, null, List.of(), null, run, false)
          : new TrainRun(conf, run, List.of(), null, null, true)).stopAfter(spec.seconds()).execute(spark, line -> { });
      double metric = s.containsKey(spec.metric()) ? ((Number) s.get(spec.metric())).doubleValue() : Double.NaN;
      if (Double.isNaN(metric)) throw new IllegalStateException("metric " + spec.metric() + " not reported by the run");
      return new TrialResult(t.id(), t.params(), t.seed(), "ok", attempt, metric, metric,
          ((Number) s.get("learner_steps")).longValue(), ((Number) s.get("trajectories_trained")).longValue(),
          (System.nanoTime() - t0) / 1e9, "");
    } catch (Exception e) {
      return TrialResult.failed(t, attempt, (System.nanoTime() - t0) / 1e9, e);
    }
  }

  private static void report(PrintStream out, int i, int n, TrialResult r) {
    out.printf("trial %d/%d %s %s seed %d: %s%n", i, n, r.id(), r.params(), r.seed(),
        r.ok() ? String.format("%.4f in %.1fs", r.finalMetric(), r.seconds()) : "FAILED (" + r.error() + ")");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

}
