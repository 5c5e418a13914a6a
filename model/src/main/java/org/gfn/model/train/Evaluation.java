package org.gfn.model.train;

import java.util.Collections;
import java.util.Map;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.ParsimonyTracker;
import org.gfn.model.metrics.TopKTracker;

/**
 * One evaluation point of a run: the metrics record written to metrics.jsonl (names in
 * {@link MetricNames}) and the exact report it was built from (null when the space is not
 * enumerable).
 */
public record Evaluation(Map<String, Object> metrics, ExactReport exact) {
  public Evaluation {
    metrics = Collections.unmodifiableMap(metrics);
  }

  public long step() {
    return ((Number) metrics.get(MetricNames.LEARNER_STEP)).longValue();
  }

  /** Fresh trajectories trained on so far. */
  public long trajectories() {
    return ((Number) metrics.get(MetricNames.TRAJECTORIES)).longValue();
  }

  public double wallSeconds() {
    return number(MetricNames.WALL_S);
  }

  /** Mean loss since the previous evaluation. */
  public double loss() {
    return number(MetricNames.LOSS);
  }

  public double logZ() {
    return number(MetricNames.LOG_Z);
  }

  /** A numeric metric by name, or NaN when this record has none. */
  public double number(String name) {
    Object v = metrics.get(name);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** One concise progress line (the same for the local loop and the distributed job). */
  public String progressLine() {
    StringBuilder sb = new StringBuilder(String.format(
        "step %6d | traj %8d | %6.1fs | %7.0f traj/s %6.1f steps/s | loss %.4f | logZ %.4f",
        step(), trajectories(), wallSeconds(), number(MetricNames.ROLLOUT_TRAJ_PER_S),
        number(MetricNames.LEARNER_STEPS_PER_S), loss(), logZ()));
    if (exact != null) {
      sb.append(String.format(" | exact sum-L1 %.4f TV %.4f JSD %.4f |logZ err| %.4f",
          exact.sumL1(), exact.tv(), exact.jsd(), exact.logZError()));
    }
    String perBeta = metrics.keySet().stream().filter(k -> k.startsWith("exact_tv_beta_"))
        .map(k -> k.substring("exact_tv_beta_".length()) + " " + String.format("%.4f (logZ err %.3f)", number(k),
            number("log_z_error_beta_" + k.substring("exact_tv_beta_".length()))))
        .collect(java.util.stream.Collectors.joining(" "));
    if (!perBeta.isEmpty()) sb.append(" | TV at beta ").append(perBeta);
    if (metrics.containsKey("modes_found")) {
      sb.append(" | modes found ").append(metrics.get("modes_found")).append('/').append(metrics.get("modes_total"));
    }
    if (metrics.containsKey("topk_found")) sb.append(" | ").append(TopKTracker.progress(metrics));
    if (metrics.containsKey("best_parsimony")) sb.append(" | ").append(ParsimonyTracker.progress(metrics));
    if (metrics.containsKey("best_log_reward")) sb.append(" | ").append(org.gfn.model.metrics.PosteriorTracker.progress(metrics));
    if (metrics.containsKey("best_objective")) sb.append(" | ").append(org.gfn.model.metrics.SolutionTracker.progress(metrics));
    if (metrics.containsKey("test_k")) sb.append(" | ").append(org.gfn.model.metrics.HeldOutSolutions.progress(metrics));
    if (metrics.containsKey("staleness_mean")) {
      sb.append(String.format(" | staleness %.1f (max %s, dropped %s) | v%s", number("staleness_mean"),
          metrics.get("staleness_max"), metrics.get("dropped_stale"), metrics.get("policy_version")));
    }
    return sb.toString();
  }

  /** Puts an exact report's figures into {@code m} under their metric names. */
  public static void putExact(Map<String, Object> m, ExactReport exact) {
    m.put(MetricNames.EXACT_SUM_L1, exact.sumL1());
    m.put(MetricNames.EXACT_TV, exact.tv());
    m.put(MetricNames.EXACT_JSD, exact.jsd());
    m.put(MetricNames.LOG_Z_ERROR, exact.logZError());
  }
}
