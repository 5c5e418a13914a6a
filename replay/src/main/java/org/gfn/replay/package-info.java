/**
 * Trajectories as primitive arrays ({@link org.gfn.replay.Trajectory},
 * {@link org.gfn.replay.TrajectoryBatch}) and the {@link org.gfn.replay.ReplayBuffer} with its
 * sampling strategies. No transport code: Spark and file formats live in spark-jobs.
 */
package org.gfn.replay;
