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
 * Maximum independent set through the distributed job: executors rebuild the graph from its
 * settings (a generated instance from its seed), roll out on it, and the learner trains; over a
 * family of graphs, every task draws its trajectories' graphs among the training ones (the replay
 * log's instance column) and the summary scores the held-out graphs, also when an executor JVM is
 * killed mid-run.
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

  @Test
  void aFamilyOfGraphsIsDrawnPerTrajectoryAndScoredOnHeldOutGraphs() {
    File run = new File(dir, "family");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "env.type=mis",
        "env.graph.instance=er", "env.graph.nodes=10", "env.graph.edge-probability=0.35", "env.graph.seed=4",
        "env.graph.instances=6", "env.graph.test-instances=2", "env.graph.test-seed=100", "env.graph.eval-samples=4",
        "objective.name=FLDB", "train.trajectories=2048", "spark.trajectories-per-task=128", "spark.plots=false")
        .toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getString("environment").startsWith("mis(6 er graphs, 2 held out)"), s.getString("environment"));
    assertEquals(4, s.getLong("test_k"));
    assertTrue(s.getDouble("test_best_of_k_objective") >= s.getDouble("test_sample_mean_objective"));
    assertTrue(s.getDouble("test_greedy_objective") >= 1);
    Dataset<Row> log = Runs.replayLog(run);
    List<Row> drawn = log.groupBy("instance").count().collectAsList();
    assertEquals(6, drawn.size(), "every training graph drawn, no held-out one: " + drawn);
    for (Row r : drawn) assertTrue(r.getInt(0) >= 0 && r.getInt(0) < 6, "instance " + r.getInt(0));
    long tasks = log.select("round", "partition").distinct().count();
    long mixed = log.groupBy("round", "partition").agg(functions.countDistinct("instance").as("graphs"))
        .filter("graphs >= 3").count();
    assertEquals(tasks, mixed, "every task rolls out on several graphs");
    long mismatched = log.filter("element_at(terminal, 1) != instance").count();
    assertEquals(0, mismatched, "the column is the instance the states name");
  }

  @Test
  void aFamilyRunSurvivesTheLossOfAnExecutorJvm() throws Exception {
    File run = new File(dir, "family-killed");
    Runs.Outcome o = Runs.trainKillingAnExecutor(run, Runs.args(DistributedTrainingTest.CONF, run, "env.type=mis",
        "env.graph.instance=er", "env.graph.nodes=10", "env.graph.edge-probability=0.35", "env.graph.seed=4",
        "env.graph.instances=6", "env.graph.test-instances=2", "env.graph.test-seed=100", "env.graph.eval-samples=4",
        "objective.name=FLDB", "train.trajectories=4096", "train.eval-every=10", "spark.trajectories-per-task=64",
        "spark.plots=false"));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertEquals(4096, s.getLong("trajectories_trained"));
    Runs.assertLogMatches(run, s.getLong("trajectories_logged"));
    assertEquals(6, Runs.replayLog(run).select("instance").distinct().count(), "every training graph still drawn");
    assertTrue(s.getDouble("test_best_of_k_objective") >= s.getDouble("test_sample_mean_objective"));
  }
}
