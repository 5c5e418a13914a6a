package org.gfn.spark.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staleness of the trajectories the learner consumes, in learner steps between the policy that
 * produced a trajectory and the newest broadcast, plus the count dropped for exceeding the bound.
 */
final class Staleness {
  private final long bound;
  private long sum;
  private long max;
  private long count;
  private long dropped;

  Staleness(long bound, long droppedBefore) {
    this.bound = bound;
    this.dropped = droppedBefore;
  }

  /** Whether a trajectory this stale is kept; counts it as dropped otherwise. */
  boolean admit(long staleness) {
    if (staleness <= bound) return true;
    dropped++;
    return false;
  }

  /** A trajectory consumed at this staleness. */
  void consumed(long staleness) {
    sum += staleness;
    max = Math.max(max, staleness);
    count++;
  }

  long dropped() {
    return dropped;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("staleness_mean", count == 0 ? 0.0 : (double) sum / count);
    m.put("staleness_max", max);
    m.put("dropped_stale", dropped);
    return m;
  }
}
