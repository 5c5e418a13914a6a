package org.gfn.spark.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * The outcome of one sweep trial.
 *
 * @param status {@code ok} or {@code failed}
 * @param finalMetric the ranked metric at the end of the trial (NaN when failed)
 * @param bestMetric the best value of the metric over the trial's evaluations
 * @param attempts how many times the trial has been run
 * @param error the failure's message (empty when ok)
 */
public record TrialResult(String id, Map<String, String> params, long seed, String status, int attempts,
    double finalMetric, double bestMetric, long steps, long trajectories, double seconds, String error)
    implements Serializable {

  public boolean ok() {
    return status.equals("ok");
  }

  static TrialResult failed(SweepSpec.Trial t, int attempts, double seconds, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = root.getClass().getSimpleName() + ": " + root.getMessage();
    return new TrialResult(t.id(), t.params(), t.seed(), "failed", attempts, Double.NaN, Double.NaN, 0, 0, seconds, msg);
  }
}
