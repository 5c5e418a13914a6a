package org.gfn.spark;

import java.util.List;
import org.gfn.model.config.ConfigReader;

/**
 * The distributed loop's settings ({@code gfn.spark.*}), read and validated eagerly.
 *
 * @param master master URL used when spark-submit set none
 * @param sync synchronous mode (one job at a time, staleness 0)
 * @param jobsInFlight K
 * @param tasksPerJob partitions per rollout job (0: default parallelism)
 * @param trajectoriesPerTask trajectories per task
 * @param broadcastEvery N: a job gets a new snapshot when the last one is N or more steps old
 * @param maxStaleness S, in learner steps
 * @param samplesPerInsert Reverb-style ratio (≥ 1)
 * @param checkpointEvery learner steps between checkpoints
 * @param checkpointMinSeconds the least time between checkpoints (the final one is always written)
 * @param checkpointsKept checkpoints kept on disk
 * @param replayLogRows rows per replay-log Parquet file
 * @param plots whether to write PNG plots
 * @param executorWaitSeconds how long a job waits for its first executor on a cluster master
 * @param driverHost the address executors reach the driver at ("" = Spark's choice; loopback for
 *     local and loopback masters)
 */
public record SparkSettings(String master, boolean sync, int jobsInFlight, int tasksPerJob,
    int trajectoriesPerTask, int broadcastEvery, int maxStaleness, double samplesPerInsert,
    int checkpointEvery, double checkpointMinSeconds, int checkpointsKept, int replayLogRows, boolean plots, int executorWaitSeconds,
    String driverHost) {

  public static SparkSettings read(ConfigReader r) {
    boolean sync = r.oneOf("gfn.spark.mode", List.of("async", "sync")).equals("sync");
    return new SparkSettings(
        r.string("gfn.spark.master"),
        sync,
        sync ? 1 : r.intIn("gfn.spark.jobs-in-flight", 1, 1024),
        r.intIn("gfn.spark.tasks-per-job", 0, 1 << 20),
        r.intIn("gfn.spark.trajectories-per-task", 1, 1 << 24),
        r.intIn("gfn.spark.broadcast-every", 1, 1 << 24),
        sync ? 0 : r.intIn("gfn.spark.max-staleness", 0, 1 << 24),
        r.doubleIn("gfn.spark.samples-per-insert", 1, 1e6, false),
        r.intIn("gfn.spark.checkpoint-every", 1, Integer.MAX_VALUE),
        r.doubleIn("gfn.spark.checkpoint-min-interval-s", 0, 1e9, false),
        r.intIn("gfn.spark.checkpoints-kept", 1, 1000),
        r.intIn("gfn.spark.replay-log-rows", 1, 1 << 26),
        r.bool("gfn.spark.plots"),
        r.intIn("gfn.spark.executor-wait-s", 1, 86_400),
        r.string("gfn.spark.driver-host"));
  }
}
