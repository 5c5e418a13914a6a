package org.gfn.spark;

import com.typesafe.config.ConfigFactory;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.gfn.model.config.Settings;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.train.Components;
import org.gfn.model.train.Task;
import org.gfn.replay.TrajectoryBatch;
import org.gfn.spark.train.RolloutFunction;

/**
 * Benchmark (not a test): rollout trajectories/s of Spark jobs alone, no learner, on
 * {@code local-cluster[E,1,1024]}: {@code RolloutThroughput EXECUTORS TRAJECTORIES_PER_TASK JOBS}.
 * HyperGrid 8^4, 2×256 MLP, untrained policy; one task per executor per job. Also prints the mean
 * executor run time of a task (Spark's task metrics), which separates the rollouts from the job's
 * fixed costs and the driver's share.
 */
public class RolloutThroughput {
  public static void main(String[] a) throws Exception {
    int executors = Integer.parseInt(a[0]);
    int perTask = Integer.parseInt(a[1]);
    int jobs = Integer.parseInt(a[2]);
    SparkConf conf = Sessions.loopbackOnly(Sessions.conf(new SparkConf())
        .setMaster("local-cluster[" + executors + ",1,1024]").setAppName("rollout-throughput")
        .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
        .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
        .set("spark.executorEnv.SPARK_TESTING", "1")
        .set("spark.ui.enabled", "false"));
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    java.util.concurrent.atomic.AtomicLong runMs = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong tasks = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
    spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
        if (!counting.get() || end.taskMetrics() == null) return;
        runMs.addAndGet(end.taskMetrics().executorRunTime());
        tasks.incrementAndGet();
      }
    });
    Settings s = Settings.load(ConfigFactory.parseString("gfn.policy.shared-trunk = true"));
    Task task = Components.task(s.env());
    PolicySnapshot snap = Components.learner(s, task.env()).snapshot();
    Broadcast<PolicySnapshot> b = jsc.broadcast(snap);
    org.apache.spark.rdd.RDD<Integer> partitions =
        jsc.parallelize(IntStream.range(0, executors).boxed().toList(), executors).rdd();
    long total = 0;
    long t0 = 0;
    double lengthSum = 0;
    for (int j = -2; j < jobs; j++) { // two warm-up jobs: executors start, JIT
      if (j == 0) {
        t0 = System.nanoTime();
        counting.set(true);
      }
      RolloutFunction f = new RolloutFunction(b, new RolloutFunction.Plan(s.env(), s.exploration(), s.train().localSearch(),
          perTask, 1), j + 2, (long) (j + 2) * executors * perTask);
      // as the training job runs it: the named function straight to the scheduler (RolloutJob)
      for (TrajectoryBatch tb : (TrajectoryBatch[]) jsc.sc().runJob(partitions, f,
          scala.reflect.ClassTag$.MODULE$.apply(TrajectoryBatch.class))) {
        if (j >= 0) {
          total += tb.size();
          for (var t : tb.trajectories()) lengthSum += t.length();
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    spark.sparkContext().listenerBus().waitUntilEmpty();
    System.out.printf("executors %d, %d trajectories per task, %d jobs: %.0f trajectories/s (mean length %.1f, %.1f ms per job, "
        + "%.1f ms task run time)%n", executors, perTask, jobs, total / secs, lengthSum / total, secs * 1000 / jobs,
        runMs.get() / (double) Math.max(1, tasks.get()));
    spark.stop();
  }
}
