package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gfn.spark.train.SampleJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temperature-conditional policy (Logit-GFN) trained by the distributed job: executors draw β per
 * trajectory, the replay log and checkpoints keep it, exact metrics are reported per β, and
 * {@code sample --beta} samples the trained run at a chosen β.
 */
class TemperatureJobTest {
  @TempDir File dir;

  @Test
  void executorsSampleAtTheirOwnBetaAndTheRunSamplesAtAChosenOne() throws Exception {
    File run = new File(dir, "logit");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=2048",
        "spark.trajectories-per-task=128", "spark.plots=false", "conditioning.temperature.enabled=true",
        "conditioning.temperature.eval-betas=[1,2.5]").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    assertTrue(o.out().contains("TV at beta 1 "), o.out());
    Config s = Runs.summary(run);
    double tv = s.getDouble("\"exact_tv_beta_2.5\""); // a key with a dot: quoted in a HOCON path
    assertTrue(tv > 0 && tv < 1, "exact TV at beta 2.5: " + tv);
    assertTrue(s.getDouble("log_z_error_beta_1") >= 0);
    Dataset<Row> log = Runs.replayLog(run);
    Row r = log.selectExpr("min(beta)", "max(beta)", "count(distinct beta)", "sum(case when worker = 'driver' then 1 else 0 end)")
        .first();
    assertTrue(r.getDouble(0) >= 1 && r.getDouble(0) < 1.1 && r.getDouble(1) <= 3 && r.getDouble(1) > 2.9,
        "beta drawn over [1, 3]: " + r);
    assertTrue(r.getLong(2) > 1000, "one beta per trajectory: " + r);
    assertEquals(0L, r.getLong(3), "sampled on the executors");

    File csv = new File(dir, "beta2.csv");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, SampleJob.run(new String[] {run.getPath(), "--n", "300", "--beta", "2", "--out", csv.getPath()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("beta 2.0"), out.toString());
    List<String> rows = Files.readAllLines(csv.toPath());
    assertEquals("terminal,log_reward,log_prob,length,beta", rows.get(0));
    assertEquals(301, rows.size());
    for (String row : rows.subList(1, rows.size())) assertTrue(row.endsWith(",2.0"), row);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SampleJob.run(new String[] {run.getPath(), "--beta", "0"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--beta must be in (0, 1e4)"), err.toString());
  }
}
