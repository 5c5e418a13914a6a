package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.envs.graph.MaxCut;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.envs.graph.NodeSetProblem;
import org.junit.jupiter.api.Test;

/**
 * A problem over a family of graphs of different sizes: each member (one graph's view) satisfies
 * the environment invariants; padded nodes are never legal and their feature rows are absent; a
 * state's rewards and features are its own graph's; trajectories start only on training graphs.
 */
class NodeSetFamilyTest {
  private static final int[] SIZES = {6, 9, 8, 7};

  private static List<NodeSetProblem> problems() {
    List<NodeSetProblem> problems = new ArrayList<>();
    for (int k = 0; k < SIZES.length; k++) problems.add(new IndependentSet(Generators.named("er", 10 + k, SIZES[k], 0.35), 0.5));
    return problems;
  }

  @Test
  void everyMemberIsAnEnvironmentOnItsOwnGraph() {
    List<NodeSetProblem> problems = problems();
    NodeSetFamily family = new NodeSetFamily(problems, 3, "mis family");
    assertEquals(10, family.stateSize());
    assertEquals(10, family.numActions());
    assertEquals(-1, family.enumerableStates());
    int n = 9;
    float[] feats = new float[family.featureSize()];
    boolean[] mask = new boolean[family.numActions()];
    for (int k = 0; k < problems.size(); k++) {
      NodeSetFamily member = family.member(k);
      EnvironmentInvariants.check(member, 50, k);
      NodeSetProblem own = problems.get(k);
      assertEquals(own.enumerableStates(), member.enumerableStates());
      SplittableRandom rng = new SplittableRandom(k);
      int[] s = member.initialState(rng);
      assertEquals(k, family.instanceOf(s));
      assertTrue(family.isInitial(s));
      while (true) {
        family.forwardMask(s, mask);
        for (int v = SIZES[k]; v < n; v++) assertFalse(mask[v], "padded node " + v + " legal on a graph of " + SIZES[k]);
        int[] local = family.local(s);
        assertEquals(own.intermediateLogReward(local), family.intermediateLogReward(s));
        assertEquals(own.objective(local), family.objective(s));
        float[] ownFeats = new float[own.featureSize()];
        own.encode(local, ownFeats, 0);
        family.encode(s, feats, 0);
        for (int v = 0; v < n; v++) {
          for (int j = 0; j < 4 + n; j++) {
            float expected = v < SIZES[k] && j < 4 + SIZES[k] ? ownFeats[v * (4 + SIZES[k]) + j] : 0f;
            assertEquals(expected, feats[v * (4 + n) + j], "row " + v + " value " + j + " of graph " + k);
          }
        }
        if (mask[family.exitAction()]) break;
        int a = 0;
        while (!mask[a]) a++;
        s = family.step(s, a);
      }
      int[] start = family.initialState(k);
      if (SIZES[k] < n) assertThrows(IllegalArgumentException.class, () -> family.step(start, n - 1), "a padded node");
    }
  }

  @Test
  void trajectoriesStartOnEveryTrainingGraphAndNoHeldOutOne() {
    NodeSetFamily family = new NodeSetFamily(problems(), 3, "mis family");
    Set<Integer> drawn = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) drawn.add(family.instanceOf(family.initialState(rng)));
    assertEquals(Set.of(0, 1, 2), drawn);
    assertEquals(3, family.trainInstances());
    assertEquals(1, family.testInstances());
  }

  @Test
  void aFamilyHoldsOneProblem() {
    List<NodeSetProblem> mixed = new ArrayList<>(problems());
    mixed.add(new MaxCut(Generators.named("er", 3, 6, 0.35), 1));
    assertThrows(IllegalArgumentException.class, () -> new NodeSetFamily(mixed, 2, "mixed"));
    assertThrows(IllegalArgumentException.class, () -> new NodeSetFamily(problems(), 0, "no training graph"));
  }
}
