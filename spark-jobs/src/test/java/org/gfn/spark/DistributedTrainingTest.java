package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed training on a real multi-JVM cluster (local-cluster, two executor JVMs): quality,
 * provenance, executor loss, and resume.
 */
class DistributedTrainingTest {
  static final String CONF = "../conf/hypergrid-8x4-tb.conf";
  @TempDir File dir;

  @Test
  void trainsToTheQualityBarWithRolloutsFromTwoExecutorJvms() {
    File run = new File(dir, "run");
    Runs.Outcome o = Runs.train(true, Runs.args(CONF, run, "train.eval-every=500").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getDouble("exact_sum_l1") <= 0.3, "exact sum-L1 " + s.getDouble("exact_sum_l1"));
    assertEquals(32000, s.getLong("trajectories_trained"));
    List<String> workers = Runs.replayLog(run).select("worker").distinct().as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertTrue(workers.size() >= 2 && !workers.contains("driver"), "rollouts from two executor JVMs: " + workers);
    Runs.assertLogMatches(run, s.getLong("trajectories_logged"));
    for (String f : List.of("config.conf", "metrics.jsonl", "summary.json", "plots/exact_sum_l1.png",
        "plots/sample_distribution.png", "plots/loss.png")) {
      assertTrue(new File(run, f).isFile(), f + " exists");
    }
    assertTrue(new File(run, "checkpoints").list().length >= 1);
    assertTrue(o.out().contains("outputs in " + run.getAbsolutePath()), "prints where the outputs are");
  }

  @Test
  void syncModeRollsOutEveryRoundWithTheNewestPolicy() {
    File run = new File(dir, "sync");
    Runs.Outcome o = Runs.train(true, Runs.args(CONF, run, "train.trajectories=3072", "spark.mode=sync",
        "spark.trajectories-per-task=128", "spark.plots=false").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertEquals("sync", s.getString("mode"));
    assertEquals(0, s.getLong("dropped_stale"));
    Dataset<Row> log = Runs.replayLog(run);
    long rounds = log.select("round").distinct().count();
    assertEquals(s.getLong("rounds"), rounds);
    assertEquals(rounds, log.select("round", "policy_version").distinct().count(), "one policy version per round");
    assertEquals(rounds, log.select("policy_version").distinct().count(), "a new snapshot for every round");
  }

  @Test
  void samplesPerInsertAboveOneTrainsOnReplayInsteadOfWaiting() {
    File run = new File(dir, "spi");
    // one small job at a time: the learner finishes each job's data long before the next arrives
    Runs.Outcome o = Runs.train(true, Runs.args(CONF, run, "train.trajectories=3200",
        "spark.samples-per-insert=4", "spark.jobs-in-flight=1", "spark.trajectories-per-task=16",
        "spark.plots=false").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    long freshSteps = 3200 / 16;
    assertTrue(s.getLong("learner_steps") > freshSteps, "replay steps happen: " + s.getLong("learner_steps"));
    assertTrue(s.getLong("learner_steps") * 16 <= 4 * s.getLong("trajectories_logged"), "bounded by the ratio");
  }

  @Test
  void survivesTheLossOfAnExecutorJvm() throws Exception {
    File run = new File(dir, "killed");
    Runs.Outcome o = Runs.trainKillingAnExecutor(run, Runs.args(CONF, run, "train.trajectories=12000", "train.eval-every=100"));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertEquals(12000, s.getLong("trajectories_trained"));
    Runs.assertLogMatches(run, s.getLong("trajectories_logged"));
  }

  @Test
  void resumesFromTheLastCheckpointAndReachesTheSameBar() throws Exception {
    File run = new File(dir, "resumed");
    Runs.Outcome first = Runs.train(true, Runs.args(CONF, run, "train.trajectories=16000",
        "spark.checkpoint-every=200").toArray(String[]::new));
    assertEquals(0, first.rc(), first.err());
    long savedStep = Runs.summary(run).getLong("learner_steps");
    // what a killed run leaves behind: a log file written after its last checkpoint
    java.nio.file.Files.writeString(new File(run, "replay/part-999999-deadbeef.parquet").toPath(), "junk");

    Runs.Outcome second = Runs.train(true, "--resume", run.getPath(), "--set", "train.trajectories=32000");
    assertEquals(0, second.rc(), second.err());
    assertTrue(second.out().contains("resuming " + run.getAbsolutePath() + " from learner step " + savedStep), second.out());
    assertTrue(second.out().contains("1 uncommitted replay-log files discarded"), second.out());
    Config s = Runs.summary(run);
    assertEquals(32000, s.getLong("trajectories_trained"));
    assertTrue(s.getLong("learner_steps") > savedStep);
    assertTrue(s.getDouble("exact_sum_l1") <= 0.3, "exact sum-L1 after resume " + s.getDouble("exact_sum_l1"));
    Runs.assertLogMatches(run, s.getLong("trajectories_logged"));
    long lines = java.nio.file.Files.readAllLines(new File(run, "metrics.jsonl").toPath()).size();
    assertTrue(lines > 2, "metrics continue in the same file");
    Row steps = Runs.replayLog(run).agg(functions.max("policy_version")).first();
    assertTrue(steps.getLong(0) > savedStep, "the resumed part rolled out with policies newer than the checkpoint: "
        + steps.getLong(0) + " vs step " + savedStep);
  }
}
