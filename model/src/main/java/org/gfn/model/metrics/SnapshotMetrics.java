package org.gfn.model.metrics;

import java.util.Map;
import org.gfn.model.policy.PolicySnapshot;

/**
 * Metrics computed from a policy snapshot at each evaluation point (held-out instances of a
 * conditional task), next to exact metrics. Thread-safe: the distributed job computes them on a
 * background thread while the learner goes on.
 */
public interface SnapshotMetrics {
  /** The figures under their metric names. */
  Map<String, Object> evaluate(PolicySnapshot snapshot);
}
