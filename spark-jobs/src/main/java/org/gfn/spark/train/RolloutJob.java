package org.gfn.spark.train;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.gfn.replay.TrajectoryBatch;
import scala.concurrent.ExecutionContext;
import scala.concurrent.ExecutionContext$;
import scala.runtime.BoxedUnit;

/**
 * A rollout job in flight: its round, the snapshot version it reads, and its pending result (one
 * batch per task, in partition order; a failed job completes it exceptionally with Spark's error).
 *
 * <p>Jobs go through {@link SparkContext#submitJob} with the named {@link RolloutFunction} rather
 * than {@code JavaRDD.mapPartitions(f).collectAsync()}: those wrap {@code f} in Scala lambdas that
 * Spark's closure cleaner parses with ASM on every job, and in a fresh driver JVM compiling that
 * parser took about a second of a core in the first seconds of training (docs/benchmarks.md).
 */
record RolloutJob(long round, long version, int expected, CompletableFuture<List<TrajectoryBatch>> result,
    SimpleFutureAction<?> action) {
  private static final ExecutionContext ON_CALLER = ExecutionContext$.MODULE$.fromExecutor(Runnable::run);

  /** Submits {@code f} over every partition of {@code partitions} (one task each). */
  static RolloutJob submit(SparkContext sc, RDD<Integer> partitions, RolloutFunction f, long round, long version,
      int expected) {
    int n = partitions.getNumPartitions();
    TrajectoryBatch[] batches = new TrajectoryBatch[n];
    CompletableFuture<List<TrajectoryBatch>> result = new CompletableFuture<>();
    SimpleFutureAction<List<TrajectoryBatch>> action = sc.submitJob(partitions, f,
        scala.collection.immutable.Range$.MODULE$.apply(0, n),
        (index, batch) -> {
          batches[(Integer) index] = batch;
          return BoxedUnit.UNIT;
        },
        () -> Arrays.asList(batches));
    action.onComplete(done -> {
      if (done.isSuccess()) {
        result.complete(done.get());
      } else {
        result.completeExceptionally(done.failed().get());
      }
      return BoxedUnit.UNIT;
    }, ON_CALLER); // on the thread that completes the job: a few field writes
    return new RolloutJob(round, version, expected, result, action);
  }

  boolean isDone() {
    return result.isDone();
  }

  /** Cancels the Spark job (its result then completes exceptionally). */
  void cancel() {
    action.cancel();
  }
}
