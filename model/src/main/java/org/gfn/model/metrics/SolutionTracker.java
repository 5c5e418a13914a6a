package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.envs.graph.NodeSetProblem;
import org.gfn.replay.Trajectory;

/**
 * The graph problems' solutions: the best objective sampled so far (largest set or cut, smallest
 * dominating set), the mean objective of the newest {@value #WINDOW} samples, the problem's greedy
 * reference on the same graph and the best's ratio to it (above 1 is better than greedy for a
 * maximisation, below 1 for MDS).
 */
public final class SolutionTracker implements Discovery {
  static final int WINDOW = 1_000;

  private final NodeSetProblem problem;
  private final int greedy;
  private final RecentScores recent = new RecentScores(WINDOW);
  private int best;

  public SolutionTracker(NodeSetProblem problem) {
    this.problem = problem;
    this.greedy = problem.objective(problem.greedy());
  }

  @Override
  public void observe(Trajectory t) {
    int value = problem.objective(t.terminal());
    if (recent.observed() == 0 || (problem.maximises() ? value > best : value < best)) best = value;
    recent.add(value);
  }

  /**
   * Metrics fields: best_objective, mean_objective (newest samples), greedy_objective and
   * ratio_to_greedy (absent when the greedy objective is 0: a graph without edges has no cut).
   */
  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (recent.observed() == 0) return m;
    m.put("best_objective", (long) best);
    m.put("mean_objective", recent.mean());
    m.put("greedy_objective", (long) greedy);
    if (greedy != 0) m.put("ratio_to_greedy", (double) best / greedy);
    return m;
  }

  /** The progress fragment of fields from {@link #toMap()}. */
  public static String progress(Map<String, Object> m) {
    return String.format("objective best %d mean %.2f (greedy %d)", ((Number) m.get("best_objective")).longValue(),
        ((Number) m.get("mean_objective")).doubleValue(), ((Number) m.get("greedy_objective")).longValue());
  }
}
