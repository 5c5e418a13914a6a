package org.gfn.cpsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfn.cpsat.CpSatReference.Problem;
import org.gfn.cpsat.CpSatReference.Result;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.envs.graph.MaxCut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CP-SAT's optimum of every problem equals a brute force over all subsets of small graphs, its
 * solution is feasible and scores what it reports; on an RB-small graph it matches or beats the
 * greedy baseline within its time limit.
 */
class CpSatReferenceTest {
  @ParameterizedTest
  @EnumSource(Problem.class)
  void optimaEqualBruteForce(Problem problem) {
    for (long seed = 1; seed <= 4; seed++) {
      Graph g = Generators.erdosRenyi(12, 0.3, seed);
      Result r = CpSatReference.solve(problem, g, 10, 1, 1);
      assertTrue(r.optimal(), problem + " on a 12-node graph is solved to optimality");
      assertEquals(bruteForce(problem, g), r.objective(), problem + " seed " + seed);
      assertEquals(r.objective(), score(problem, g, r.solution()), "the solution scores what CP-SAT reports");
    }
  }

  @Test
  void rbSmallIndependentSetAtLeastGreedy() {
    Graph g = Generators.rb("small", 1);
    Result r = CpSatReference.solve(Problem.MIS, g, 20, 2, 1);
    int greedy = IndependentSet.size(Greedy.independentSet(g));
    assertEquals(r.objective(), score(Problem.MIS, g, r.solution()));
    assertTrue(r.objective() >= greedy, "CP-SAT " + r.objective() + ", greedy " + greedy);
    assertTrue(r.bound() >= r.objective());
  }

  /** The objective of a 0/1 solution, or −1 when it is infeasible. */
  static int score(Problem problem, Graph g, int[] x) {
    Graph graph = problem == Problem.MAXCLIQUE ? g.complement() : g;
    int n = graph.nodes();
    int size = 0;
    for (int v : x) size += v;
    switch (problem) {
      case MIS, MAXCLIQUE -> {
        for (int[] e : graph.edgeList()) if (x[e[0]] == 1 && x[e[1]] == 1) return -1;
        return size;
      }
      case MDS -> {
        for (int v = 0; v < n; v++) {
          boolean d = x[v] == 1;
          for (int w : graph.neighbours(v)) d |= x[w] == 1;
          if (!d) return -1;
        }
        return size;
      }
      default -> {
        return new MaxCut(graph, 1).cut(x);
      }
    }
  }

  private static int bruteForce(Problem problem, Graph g) {
    int n = g.nodes();
    int best = problem == Problem.MDS ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (int m = 0; m < 1 << n; m++) {
      int[] x = new int[n];
      for (int v = 0; v < n; v++) x[v] = (m >> v) & 1;
      int s = score(problem, g, x);
      if (s < 0) continue;
      best = problem == Problem.MDS ? Math.min(best, s) : Math.max(best, s);
    }
    return best;
  }
}
