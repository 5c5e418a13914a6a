package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.GraphFiles;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.IndependentSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphs, their generators and files, and maximum independent set as an environment. */
class GraphProblemsTest {
  @TempDir File dir;

  @Test
  void generatorsAreDeterministicAndInRange() {
    Graph a = Generators.rb("small", 7);
    Graph b = Generators.rb("small", 7);
    assertEquals(a.edgeList().size(), b.edgeList().size());
    for (int i = 0; i < a.edgeList().size(); i++) assertEquals(List.of(a.edgeList().get(i)[0], a.edgeList().get(i)[1]),
        List.of(b.edgeList().get(i)[0], b.edgeList().get(i)[1]));
    assertTrue(a.nodes() >= 200 && a.nodes() <= 300, a.toString());
    assertNotEquals(a.edges(), Generators.rb("small", 8).edges());
    for (int v = 0; v < a.nodes(); v++) assertTrue(a.degree(v) > 0, "no isolated nodes");
    Graph ba = Generators.barabasiAlbert("small", 3);
    assertTrue(ba.nodes() >= 200 && ba.nodes() <= 300);
    assertTrue(Math.abs(ba.edges() - 4 * ba.nodes()) < 20, "m = 4 edges per new node: " + ba);
    Graph er = Generators.erdosRenyi(40, 0.25, 1);
    assertEquals(40, er.nodes());
    assertTrue(er.edges() > 120 && er.edges() < 270, er.toString());
  }

  @Test
  void rbGraphsAreDisjointCliquesPlusCrossEdges() {
    Graph g = Generators.rb(4, 3, 0.5, new java.util.SplittableRandom(2));
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 3; i++) for (int j = i + 1; j < 3; j++) assertTrue(g.adjacent(3 * c + i, 3 * c + j));
    }
    assertTrue(g.edges() > 4 * 3, "some cross edges: " + g);
    assertTrue(IndependentSet.size(Greedy.independentSet(g)) <= 4, "one node per clique at most");
  }

  /**
   * Two cliques of 3, p = 0.5: s = 4 pairs per draw, 2 draws. As in the paper's generator, a draw
   * for (1, 0) may repeat pairs drawn for (0, 1), so some graphs get fewer than 8 cross edges;
   * two draws in the same order never repeat a pair.
   */
  @Test
  void rbDrawsRepeatPairsOnlyAcrossTheTwoOrdersAsThePapersGeneratorDoes() {
    int fewer = 0;
    for (long seed = 1; seed <= 60; seed++) {
      int cross = Generators.rb(2, 3, 0.5, new java.util.SplittableRandom(seed)).edges() - 2 * 3;
      assertTrue(cross >= 4 && cross <= 8, "cross edges " + cross + " at seed " + seed);
      if (cross < 8) fewer++;
    }
    assertTrue(fewer > 0 && fewer < 60, fewer + " of 60 graphs with repeated pairs");
  }

  @Test
  void filesRoundTripAndBadInputIsRefusedWithTheLine() throws Exception {
    Graph g = Generators.erdosRenyi(12, 0.3, 5);
    File f = new File(dir, "g.txt");
    GraphFiles.write(g, f);
    assertEquals(g.edgeList().size(), GraphFiles.read(f).edgeList().size());
    assertBad("nodes 3\n0 1\n1 x\n", "line 3", "not an integer");
    assertBad("# a comment\nnodes 3\n0 1\n2 2\n", "line 4", "self-loop");
    assertBad("nodes 3\n0 3\n", "line 2", "outside 0..2");
    assertBad("nodes 3\n", "line 1", "no edges");
    assertBad("", "line 0", "empty");
    assertBad("0 1\n", "line 1", "'nodes N' first");
    assertBad("nodes 3\n0 1 2\n", "line 2", "expected an edge");
  }

  private void assertBad(String text, String line, String what) throws Exception {
    File f = new File(dir, "bad.txt");
    Files.writeString(f.toPath(), text);
    String m = assertThrows(IllegalArgumentException.class, () -> GraphFiles.read(f)).getMessage();
    assertTrue(m.contains(f.getPath()) && m.contains(line) && m.contains(what), m);
  }

  @Test
  void independentSetInvariantsAndTerminalsAreMaximalIndependentSets() {
    Graph g = Generators.erdosRenyi(9, 0.35, 4);
    IndependentSet env = new IndependentSet(g, 0.5);
    EnvironmentInvariants.check(env, 300, 1);
    StateSpace space = StateSpace.of(env);
    assertEquals(env.enumerableStates(), space.size());
    int terminals = 0;
    int best = 0;
    for (int i = 0; i < space.size(); i++) {
      int[] s = space.state(i);
      for (int[] e : g.edgeList()) assertFalse(s[e[0]] == 1 && s[e[1]] == 1, "independent");
      if (!space.isTerminal(i)) continue;
      terminals++;
      best = Math.max(best, IndependentSet.size(s));
      for (int v = 0; v < 9; v++) {
        if (s[v] == 1) continue;
        boolean blocked = false;
        for (int w : g.neighbours(v)) blocked |= s[w] == 1;
        assertTrue(blocked, "maximal: node " + v + " could be added");
      }
      assertEquals(IndependentSet.size(s) / 0.5, env.logReward(s), 1e-12);
    }
    assertTrue(terminals > 1);
    int greedy = IndependentSet.size(Greedy.independentSet(g));
    assertTrue(greedy <= best && greedy >= best - 2, "greedy " + greedy + ", optimum " + best);
  }

  @Test
  void maxCliqueTerminalsAreMaximalCliques() {
    Graph g = Generators.erdosRenyi(9, 0.6, 2);
    IndependentSet env = IndependentSet.maxClique(g, 1.0);
    assertTrue(env.name().startsWith("maxclique(graph(9 nodes, " + g.edges() + " edges"), env.name());
    StateSpace space = StateSpace.of(env);
    int best = 0;
    for (int i = 0; i < space.size(); i++) {
      if (!space.isTerminal(i)) continue;
      int[] s = space.state(i);
      for (int u = 0; u < 9; u++) for (int v = u + 1; v < 9; v++) {
        if (s[u] == 1 && s[v] == 1) assertTrue(g.adjacent(u, v), "a clique");
      }
      best = Math.max(best, IndependentSet.size(s));
    }
    assertTrue(best >= 3, "a dense graph has a triangle at least: " + best);
  }

  @Test
  void dominatingSetInvariantsAndTerminalsDominate() {
    Graph g = Generators.erdosRenyi(9, 0.3, 6);
    org.gfn.envs.graph.DominatingSet env = new org.gfn.envs.graph.DominatingSet(g, 0.5);
    EnvironmentInvariants.check(env, 300, 2);
    StateSpace space = StateSpace.of(env);
    assertEquals(env.enumerableStates(), space.size());
    int smallest = Integer.MAX_VALUE;
    for (int i = 0; i < space.size(); i++) {
      if (!space.isTerminal(i)) continue;
      int[] s = space.state(i);
      for (int v = 0; v < 9; v++) {
        boolean dominated = s[v] == 1;
        for (int w : g.neighbours(v)) dominated |= s[w] == 1;
        assertTrue(dominated, "node " + v + " dominated");
      }
      smallest = Math.min(smallest, org.gfn.envs.graph.DominatingSet.size(s));
      assertEquals(-org.gfn.envs.graph.DominatingSet.size(s) / 0.5, env.logReward(s), 1e-12);
    }
    assertTrue(smallest >= 1 && smallest <= 5, "minimum dominating set size " + smallest);
    int[] greedy = Greedy.dominatingSet(g);
    for (int v = 0; v < 9; v++) {
      boolean dominated = greedy[v] == 1;
      for (int w : g.neighbours(v)) dominated |= greedy[w] == 1;
      assertTrue(dominated);
    }
    assertTrue(org.gfn.envs.graph.DominatingSet.size(greedy) >= smallest);
    // the backward mask from dominator counts = "removing v leaves a node undominated", every subset
    boolean[] mask = new boolean[9];
    for (int m = 0; m < 1 << 9; m++) {
      int[] s = new int[9];
      for (int v = 0; v < 9; v++) s[v] = (m >> v) & 1;
      env.backwardMask(s, mask);
      for (int v = 0; v < 9; v++) {
        int[] t = s.clone();
        t[v] = 0;
        boolean undominated = false;
        for (int u = 0; u < 9; u++) {
          boolean d = t[u] == 1;
          for (int w : g.neighbours(u)) d |= t[w] == 1;
          undominated |= !d;
        }
        assertEquals(s[v] == 1 && undominated, mask[v], "set " + m + ", node " + v);
      }
    }
  }
}
