package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maximum independent set through the distributed job: executors rebuild the graph from its
 * settings (a generated instance from its seed), roll out on it, and the learner trains.
 */
class GraphJobTest {
  @TempDir File dir;

  @Test
  void independentSetsTrainOnTheExecutors() {
    File run = new File(dir, "mis");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "env.type=mis",
        "env.graph.instance=er", "env.graph.nodes=10", "env.graph.edge-probability=0.35", "env.graph.seed=4",
        "env.graph.temperature=0.5", "train.trajectories=4096", "spark.trajectories-per-task=128", "spark.plots=false")
        .toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getString("environment").startsWith("mis(graph(10 nodes"), s.getString("environment"));
    double l1 = s.getDouble("exact_sum_l1");
    double untrained = Runs.untrainedSumL1(run);
    assertTrue(l1 < 0.7 * untrained, "MIS exact sum-L1 after 4,096 trajectories: " + l1 + ", untrained " + untrained);
    // solution metrics: after 4,096 samples on 10 nodes the best sampled set is at least greedy's
    long greedy = s.getLong("greedy_objective");
    assertTrue(greedy >= 1 && s.getLong("best_objective") >= greedy, "best " + s.getLong("best_objective") + ", greedy " + greedy);
    assertTrue(s.getDouble("mean_objective") <= s.getLong("best_objective"));
  }
}
