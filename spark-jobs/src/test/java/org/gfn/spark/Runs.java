package org.gfn.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gfn.spark.train.TrainJob;

/** Helpers for tests that run the train job and read what it wrote. */
final class Runs {
  private Runs() {}

  /** The outcome of one {@link TrainJob#run}. */
  record Outcome(int rc, String out, String err) {}

  static Outcome train(boolean withSpark, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int rc = TrainJob.run(args, withSpark ? SharedSpark.cluster() : null, teeTo(o), teeTo(e));
    String outText = out.toString(StandardCharsets.UTF_8);
    String errText = err.toString(StandardCharsets.UTF_8);
    return new Outcome(rc, outText, errText);
  }

  /** Echoes to the console too, so a failing test shows its progress lines. */
  private static PrintStream teeTo(PrintStream captured) {
    return new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        captured.write(b);
        System.out.write(b);
      }
    }, true, StandardCharsets.UTF_8);
  }

  /** The exact sum-L1 of the untrained policy of a run's configuration (what training must beat). */
  static double untrainedSumL1(File runDir) {
    org.gfn.model.config.Settings s = org.gfn.model.config.Settings.load(
        com.typesafe.config.ConfigFactory.parseFile(new File(runDir, "config.conf")));
    org.gfn.model.train.Task task = org.gfn.model.train.Components.task(s);
    return org.gfn.model.metrics.ExactMetrics.evaluate(task.space(),
        org.gfn.model.train.Components.learner(s, task.env()).snapshot().forwardEvaluator(), 0).sumL1();
  }

  static Config summary(File runDir) {
    return ConfigFactory.parseFile(new File(runDir, "summary.json"));
  }

  static Dataset<Row> replayLog(File runDir) {
    return SharedSpark.cluster().read().parquet(new File(runDir, "replay").getPath());
  }

  /**
   * Runs the job on the shared cluster and, once its metrics have two lines, kills one executor JVM
   * (SIGKILL); returns when the job ends.
   */
  static Outcome trainKillingAnExecutor(File run, List<String> args) throws Exception {
    java.util.concurrent.CompletableFuture<Outcome> job =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> train(true, args.toArray(String[]::new)));
    File metrics = new File(run, "metrics.jsonl");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (!(metrics.isFile() && java.nio.file.Files.readAllLines(metrics.toPath()).size() >= 2)) {
      if (System.nanoTime() > deadline || job.isDone()) throw new AssertionError("training made no progress to kill");
      Thread.sleep(200);
    }
    java.util.Optional<ProcessHandle> executor = ProcessHandle.current().descendants()
        .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend"))
        .findFirst();
    if (executor.isEmpty()) throw new AssertionError("no executor JVM to kill");
    executor.get().destroyForcibly();
    return job.get(10, java.util.concurrent.TimeUnit.MINUTES);
  }

  private static String commandLine(ProcessHandle p) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "cmdline"));
    } catch (java.io.IOException e) {
      return p.info().commandLine().orElse("");
    }
  }

  /** The replay log holds exactly the trajectories the run reports, each id once. */
  static void assertLogMatches(File run, long reported) {
    Dataset<Row> log = replayLog(run);
    long rows = log.count();
    long ids = log.select("trajectory_id").distinct().count();
    org.junit.jupiter.api.Assertions.assertEquals(reported, rows, "replay log rows = trajectories the run reports");
    org.junit.jupiter.api.Assertions.assertEquals(rows, ids, "every trajectory id in the log is unique");
  }

  static List<String> args(String conf, File out, String... sets) {
    List<String> a = new ArrayList<>(List.of(conf, "--out", out.getPath()));
    for (String s : sets) {
      a.add("--set");
      a.add(s);
    }
    return a;
  }
}
