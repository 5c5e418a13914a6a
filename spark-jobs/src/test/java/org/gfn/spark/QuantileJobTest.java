package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quantile matching through the distributed job: the executors sample with the snapshot's quantile
 * flows (n outputs per action, acted on through their distorted expectation), and the learner
 * trains on their trajectories; the run ends with the importance-sampled log Z in summary.json.
 */
class QuantileJobTest {
  @TempDir File dir;

  @Test
  void quantileMatchingTrainsFromTheExecutors() {
    File run = new File(dir, "qm");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=8192",
        "spark.trajectories-per-task=128", "spark.plots=false", "objective.name=QM", "objective.qm.quantiles=4",
        "train.log-evidence.samples=1000", "train.log-evidence.repeats=5")
        .toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getLong("trajectories_trained") >= 8192);
    double l1 = s.getDouble("exact_sum_l1");
    double untrained = Runs.untrainedSumL1(run);
    assertTrue(l1 < 0.6 * untrained, "QM exact sum-L1 after 8,192 trajectories: " + l1 + ", untrained " + untrained);
    // the run's final importance-sampled log Z (uniform P_B, the sampler's P_F) estimates the exact one
    double is = s.getDouble("log_z_is");
    assertEquals(s.getDouble("exact_log_z"), is, 0.3 + 4 * s.getDouble("log_z_is_stderr"), "log_z_is " + is);
    assertTrue(s.getDouble("log_z_elbo") < is);
  }
}
