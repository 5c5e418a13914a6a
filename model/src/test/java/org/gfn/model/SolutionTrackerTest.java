package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.gfn.envs.graph.DominatingSet;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.MaxCut;
import org.gfn.envs.graph.NodeSetProblem;
import org.gfn.model.metrics.SolutionTracker;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;

/** The graph problems' best and mean sampled objective and the greedy reference, counted by hand. */
class SolutionTrackerTest {
  private static final Graph GRAPH = Generators.barabasiAlbert(12, 2, 7);

  @Test
  void maxCutKeepsTheLargestCut() {
    MaxCut env = new MaxCut(GRAPH, 1);
    Map<String, Object> m = track(env, true);
    assertEquals((long) env.cut(Greedy.maxCut(GRAPH)), m.get("greedy_objective"));
    assertEquals((double) (long) m.get("best_objective") / (long) m.get("greedy_objective"),
        (double) m.get("ratio_to_greedy"), 1e-12);
  }

  @Test
  void dominatingSetKeepsTheSmallestSet() {
    DominatingSet env = new DominatingSet(GRAPH, 1);
    Map<String, Object> m = track(env, false);
    assertEquals((long) DominatingSet.size(Greedy.dominatingSet(GRAPH)), m.get("greedy_objective"));
  }

  /** Uniform samples through the tracker; checks best (max or min) and the newest-1,000 mean by hand. */
  private static Map<String, Object> track(NodeSetProblem env, boolean maximise) {
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(),
        1, 4, "relu", true, false, false);
    Trajectory[] ts = new RolloutSampler(env, new SequenceTaskTrainingTest.Uniform(arch))
        .sample(3000, Exploration.ON_POLICY, 1, 0, 0);
    SolutionTracker tracker = new SolutionTracker(env);
    assertFalse(tracker.toMap().containsKey("best_objective"), "nothing before the first sample");
    int best = maximise ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (Trajectory t : ts) {
      tracker.observe(t);
      int v = env.objective(t.terminal());
      best = maximise ? Math.max(best, v) : Math.min(best, v);
    }
    double recent = 0;
    for (int i = ts.length - 1000; i < ts.length; i++) recent += env.objective(ts[i].terminal());
    Map<String, Object> m = tracker.toMap();
    assertEquals((long) best, m.get("best_objective"));
    assertEquals(recent / 1000, (double) m.get("mean_objective"), 1e-9);
    return m;
  }
}
