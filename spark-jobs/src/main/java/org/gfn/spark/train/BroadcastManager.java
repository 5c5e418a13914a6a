package org.gfn.spark.train;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gfn.model.policy.PolicySnapshot;

/**
 * Versioned policy broadcasts with reference counts: every rollout job holds the broadcast it was
 * launched with, and a broadcast is unpersisted and destroyed only when it is no longer the
 * current one and no running job reads it (destroying one that a job still reads fails the job).
 */
final class BroadcastManager {
  private final JavaSparkContext jsc;
  private final Map<Long, Broadcast<PolicySnapshot>> live = new HashMap<>();
  private final Map<Long, Integer> users = new HashMap<>();
  private long current = -1;
  private long destroyed;
  private long published;
  private double publishSeconds;

  BroadcastManager(JavaSparkContext jsc) {
    this.jsc = jsc;
  }

  /** Broadcasts a new snapshot and makes it current. */
  void publish(PolicySnapshot snapshot) {
    long v = snapshot.version();
    if (v == current) return;
    long t0 = System.nanoTime();
    live.put(v, jsc.broadcast(snapshot));
    published++;
    publishSeconds += (System.nanoTime() - t0) / 1e9;
    users.putIfAbsent(v, 0);
    long previous = current;
    current = v;
    if (previous >= 0) releaseIfUnused(previous);
  }

  long currentVersion() {
    return current;
  }

  /** The current broadcast, counted as used by one more job. */
  Broadcast<PolicySnapshot> acquireCurrent() {
    users.merge(current, 1, Integer::sum);
    return live.get(current);
  }

  /** A job that used {@code version} ended. */
  void release(long version) {
    users.merge(version, -1, Integer::sum);
    releaseIfUnused(version);
  }

  private void releaseIfUnused(long v) {
    if (v == current || users.getOrDefault(v, 0) > 0) return;
    Broadcast<PolicySnapshot> b = live.remove(v);
    users.remove(v);
    if (b != null) {
      b.unpersist(false);
      b.destroy();
      destroyed++;
    }
  }

  long publishedCount() {
    return published;
  }

  /** Seconds spent broadcasting. */
  double publishSeconds() {
    return publishSeconds;
  }

  long destroyedCount() {
    return destroyed;
  }

  void destroyAll() {
    for (Broadcast<PolicySnapshot> b : live.values()) {
      b.unpersist(false);
      b.destroy();
    }
    live.clear();
    users.clear();
  }
}
