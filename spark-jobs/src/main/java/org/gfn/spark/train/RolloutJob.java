package org.gfn.spark.train;

import java.util.List;
import org.apache.spark.api.java.JavaFutureAction;
import org.gfn.replay.TrajectoryBatch;

/** A rollout job in flight: its round, the snapshot version it reads, and its pending result. */
record RolloutJob(long round, long version, int expected,
    JavaFutureAction<List<TrajectoryBatch>> future) {}
