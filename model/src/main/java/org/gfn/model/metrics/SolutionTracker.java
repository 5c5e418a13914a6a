package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.envs.graph.NodeSetProblem;
import org.gfn.replay.Trajectory;

/**
 * The graph problems' solutions: the best objective sampled so far (largest set or cut, smallest
 * dominating set), the mean objective of the newest {@value #WINDOW} samples, the problem's greedy
 * reference on the same graph and the best's ratio to it (above 1 is better than greedy for a
 * maximisation, below 1 for MDS). Over a family of graphs, each sample is scored on its own graph.
 */
public final class SolutionTracker implements Discovery {
  static final int WINDOW = 1_000;

  private final ToIntFunction<int[]> objective;
  private final boolean maximises;
  private final double greedy;
  private final RecentScores recent = new RecentScores(WINDOW);
  private int best;

  public SolutionTracker(NodeSetProblem problem) {
    this(problem::objective, problem.maximises(), problem.objective(problem.greedy()));
  }

  /**
   * The samples of a family of graphs (each scored on its own graph); the greedy reference is the
   * mean of the training graphs' greedy objectives.
   */
  public SolutionTracker(NodeSetFamily family) {
    this(family::objective, family.maximises(), IntStream.range(0, family.trainInstances())
        .mapToDouble(k -> family.problem(k).objective(family.problem(k).greedy())).average().orElseThrow());
  }

  private SolutionTracker(ToIntFunction<int[]> objective, boolean maximises, double greedy) {
    this.objective = objective;
    this.maximises = maximises;
    this.greedy = greedy;
  }

  @Override
  public void observe(Trajectory t) {
    int value = objective.applyAsInt(t.terminal());
    if (recent.observed() == 0 || (maximises ? value > best : value < best)) best = value;
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
    m.put("greedy_objective", greedy == Math.rint(greedy) ? (Object) (long) greedy : (Object) greedy);
    if (greedy != 0) m.put("ratio_to_greedy", best / greedy);
    return m;
  }

  /** The progress fragment of fields from {@link #toMap()}. */
  public static String progress(Map<String, Object> m) {
    Object greedy = m.get("greedy_objective");
    return String.format("objective best %d mean %.2f (greedy %s)", ((Number) m.get("best_objective")).longValue(),
        ((Number) m.get("mean_objective")).doubleValue(),
        greedy instanceof Double d ? String.format("%.2f", d) : greedy);
  }
}
