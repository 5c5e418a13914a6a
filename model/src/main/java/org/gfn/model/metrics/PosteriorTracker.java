package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.replay.Trajectory;

/**
 * The Bayesian phylogenetic task's samples: the highest log R (log-likelihood + log prior of the
 * tree and its branch lengths) sampled so far and the mean of the newest {@value #WINDOW}, so a
 * run shows its sampler moving toward the posterior's trees before the final marginal-likelihood
 * estimate.
 */
public final class PosteriorTracker implements Discovery {
  static final int WINDOW = 1_000;

  private final double[] recent = new double[WINDOW];
  private long observed;
  private double best = Double.NEGATIVE_INFINITY;

  @Override
  public void observe(Trajectory t) {
    double r = t.logReward();
    recent[(int) (observed++ % WINDOW)] = r;
    best = Math.max(best, r);
  }

  /** Metrics fields: best_log_reward, mean_log_reward (newest samples). */
  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (observed == 0) return m;
    int n = (int) Math.min(observed, WINDOW);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += recent[i];
    m.put("best_log_reward", best);
    m.put("mean_log_reward", sum / n);
    return m;
  }

  /** The progress fragment of fields from {@link #toMap()}. */
  public static String progress(Map<String, Object> m) {
    return String.format("log R best %.1f mean %.1f", ((Number) m.get("best_log_reward")).doubleValue(),
        ((Number) m.get("mean_log_reward")).doubleValue());
  }
}
