package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stochastic DB through the distributed job on the HyperGrid whose moves are randomised with
 * probability 0.5: executors apply the environment's dynamics while sampling, the learner trains
 * the policy and its dynamics model, and the exact metrics measure policy + dynamics.
 */
class StochasticJobTest {
  @TempDir File dir;

  @Test
  void stochasticDbTrainsOnTheExecutorsRandomMoves() {
    File run = new File(dir, "sdb");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=4096",
        "spark.trajectories-per-task=128", "spark.plots=false", "objective.name=SDB", "env.random-action=0.5")
        .toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getLong("trajectories_trained") >= 4096);
    double l1 = s.getDouble("exact_sum_l1");
    double untrained = Runs.untrainedSumL1(run);
    assertTrue(l1 < 0.6 * untrained, "SDB exact sum-L1 (policy + dynamics) after 4,096 trajectories: " + l1 + ", untrained " + untrained);
  }
}
