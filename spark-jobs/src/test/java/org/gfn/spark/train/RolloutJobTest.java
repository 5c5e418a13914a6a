package org.gfn.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.gfn.model.config.Settings;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.train.Components;
import org.gfn.replay.TrajectoryBatch;
import org.gfn.spark.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * Rollout jobs submitted straight to the scheduler ({@link RolloutJob#submit}) on the shared
 * two-executor cluster: results come back one batch per task in partition order; a job whose tasks
 * fail completes exceptionally with the executor's error; a cancelled job completes exceptionally.
 */
class RolloutJobTest {
  private static final Settings SMALL =
      Settings.load(ConfigFactory.parseString("gfn.env.hypergrid { dim = 2, height = 4 }\ngfn.policy.width = 8"));

  private final JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.cluster().sparkContext());
  private final SparkContext sc = jsc.sc();
  private final RDD<Integer> twoTasks = jsc.parallelize(List.of(0, 1), 2).rdd();

  private static RolloutFunction function(Broadcast<PolicySnapshot> b, Settings env, int perTask, long round) {
    return new RolloutFunction(b, new RolloutFunction.Plan(env.env(), env.exploration(), env.train().localSearch(),
        perTask, 5), round, 1000 * round);
  }

  private Broadcast<PolicySnapshot> snapshot() {
    return jsc.broadcast(Components.learner(SMALL, Components.task(SMALL.env()).env()).snapshot());
  }

  @Test
  void resultsArriveOneBatchPerTaskInPartitionOrder() throws Exception {
    RolloutJob job = RolloutJob.submit(sc, twoTasks, function(snapshot(), SMALL, 7, 3), 3, 0, 14);
    List<TrajectoryBatch> batches = job.result().get(60, TimeUnit.SECONDS);
    assertTrue(job.isDone());
    assertEquals(2, batches.size());
    for (int p = 0; p < 2; p++) {
      TrajectoryBatch b = batches.get(p);
      assertEquals(p, b.partition());
      assertEquals(7, b.size());
      assertEquals(3000 + 7L * p, b.trajectories().get(0).id(), "ids follow (round, partition)");
    }
  }

  @Test
  void aJobWhoseTasksFailCompletesWithTheExecutorsError() {
    // the policy is for a 2-D grid, the plan asks for a 3-D one: every task throws on the executor
    Settings other = Settings.load(ConfigFactory.parseString("gfn.env.hypergrid { dim = 3, height = 4 }"));
    RolloutJob job = RolloutJob.submit(sc, twoTasks, function(snapshot(), other, 7, 0), 0, 0, 14);
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(120, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("does not fit"), e.getCause().getMessage());
  }

  @Test
  void aCancelledJobCompletesExceptionally() {
    RolloutJob job = RolloutJob.submit(sc, twoTasks, function(snapshot(), SMALL, 100_000, 1), 1, 0, 200_000);
    job.cancel();
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(60, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("cancelled"), e.getCause().getMessage());
  }
}
