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

  static List<String> args(String conf, File out, String... sets) {
    List<String> a = new ArrayList<>(List.of(conf, "--out", out.getPath()));
    for (String s : sets) {
      a.add("--set");
      a.add(s);
    }
    return a;
  }
}
