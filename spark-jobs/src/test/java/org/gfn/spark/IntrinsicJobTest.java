package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GAFlowNet's intrinsic rewards through the distributed job: executors roll out as usual, the
 * learner scores and trains the random network distillation on every minibatch, and the sparse
 * grid's modes are found.
 */
class IntrinsicJobTest {
  @TempDir File dir;

  @Test
  void theLearnerAddsIntrinsicRewardsToTrajectoriesFromTheExecutors() {
    File run = new File(dir, "gafn");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=3072",
        "spark.trajectories-per-task=128", "spark.plots=false", "env.hypergrid.dim=2", "env.hypergrid.reward=sparse",
        "explore.intrinsic.enabled=true", "explore.intrinsic.decay=0.998").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertEquals(3, s.getInt("modes_total"));
    assertEquals(3, s.getInt("modes_found"), "every mode of the sparse 8 x 8 grid found");
    assertTrue(s.getDouble("exact_tv") < 0.9, "trained past the untrained policy's TV of about 1: " + s.getDouble("exact_tv"));
    assertTrue(o.out().contains("modes found 3/3"), o.out());
  }
}
