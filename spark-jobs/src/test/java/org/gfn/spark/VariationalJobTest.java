package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variational baseline RKL trains through the asynchronous distributed job, where executors
 * sample with stale snapshots: its importance weights correct for them.
 */
class VariationalJobTest {
  @TempDir File dir;

  @Test
  void reverseKlTrainsOnStaleTrajectoriesFromTheExecutors() {
    File run = new File(dir, "rkl");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=4096",
        "spark.trajectories-per-task=128", "spark.plots=false", "objective.name=RKL").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getDouble("staleness_max") >= 1, "asynchronous: some trajectories were stale");
    double l1 = s.getDouble("exact_sum_l1");
    double untrained = Runs.untrainedSumL1(run);
    assertTrue(l1 < 0.6 * untrained, "RKL exact sum-L1 after 4,096 trajectories: " + l1 + ", untrained " + untrained);
  }
}
