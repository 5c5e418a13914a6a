package org.gfn.replay;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The trajectories one rollout task produced with one policy snapshot, with where they came from
 * (task/partition and worker) so a replay log can say which executor made what.
 */
public final class TrajectoryBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long policyVersion;
  private final int partition;
  private final String worker;
  private final Trajectory[] trajectories;
  private final int searchProposals;
  private final int searchAccepted;

  public TrajectoryBatch(long policyVersion, int partition, String worker, Trajectory[] trajectories) {
    this(policyVersion, partition, worker, trajectories, 0, 0);
  }

  /** A batch whose task also ran local search: how many revisions it proposed and accepted. */
  public TrajectoryBatch(long policyVersion, int partition, String worker, Trajectory[] trajectories,
      int searchProposals, int searchAccepted) {
    this.policyVersion = policyVersion;
    this.partition = partition;
    this.worker = worker;
    this.trajectories = trajectories;
    this.searchProposals = searchProposals;
    this.searchAccepted = searchAccepted;
  }

  /** Local-search revisions the task proposed (0 without local search). */
  public int searchProposals() {
    return searchProposals;
  }

  /** Local-search revisions the task accepted. */
  public int searchAccepted() {
    return searchAccepted;
  }

  public long policyVersion() {
    return policyVersion;
  }

  public int partition() {
    return partition;
  }

  /** Identifies the process that rolled the batch out (an executor id or "driver"). */
  public String worker() {
    return worker;
  }

  public int size() {
    return trajectories.length;
  }

  public List<Trajectory> trajectories() {
    return Collections.unmodifiableList(Arrays.asList(trajectories));
  }
}
