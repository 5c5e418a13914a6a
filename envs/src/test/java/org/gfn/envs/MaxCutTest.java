package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.MaxCut;
import org.junit.jupiter.api.Test;

/**
 * Maximum cut as an environment: invariants, every subset a terminal state with log R = cut / T
 * (the cut counted against the edge list), the one-flip greedy against the brute-force optimum.
 */
class MaxCutTest {
  @Test
  void everySubsetIsATerminalScoredByItsCut() {
    Graph g = Generators.barabasiAlbert(9, 2, 3);
    MaxCut env = new MaxCut(g, 0.5);
    EnvironmentInvariants.check(env, 300, 2);
    StateSpace space = StateSpace.of(env);
    assertEquals(1 << 9, space.size());
    assertEquals(1 << 9, space.terminalCount(), "exit is legal everywhere");
    int best = 0;
    for (int i = 0; i < space.size(); i++) {
      int[] s = space.state(i);
      int cut = 0;
      for (int v = 0; v < 9; v++) for (int w : g.neighbours(v)) if (v < w && s[v] != s[w]) cut++;
      assertEquals(cut, env.cut(s));
      assertEquals(cut / 0.5, env.logReward(s), 1e-12);
      assertEquals(env.logReward(s), env.intermediateLogReward(s), 0);
      best = Math.max(best, cut);
    }
    int[] greedy = Greedy.maxCut(g);
    int greedyCut = env.cut(greedy);
    assertTrue(greedyCut <= best && 2 * greedyCut >= g.edges(), "greedy " + greedyCut + ", optimum " + best + ", edges " + g.edges());
    for (int v = 0; v < 9; v++) assertTrue(env.gain(greedy, v) <= 0, "no single move improves the greedy cut");
  }

  @Test
  void gainIsTheChangeOfTheCut() {
    Graph g = Generators.erdosRenyi(12, 0.4, 2);
    MaxCut env = new MaxCut(g, 1);
    int[] s = new int[12];
    java.util.Random rng = new java.util.Random(1);
    for (int trial = 0; trial < 200; trial++) {
      int v = rng.nextInt(12);
      int before = env.cut(s);
      int gain = env.gain(s, v);
      s[v] = 1 - s[v];
      assertEquals(before + gain, env.cut(s));
    }
    assertThrows(IllegalArgumentException.class, () -> env.step(new int[12], 12));
    assertThrows(IllegalArgumentException.class, () -> env.backwardStep(new int[12], 0));
  }
}
