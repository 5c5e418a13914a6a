package org.gfn.envs.graph;

/** Greedy baselines of the graph problems. */
public final class Greedy {
  private Greedy() {}

  /** Greedy maximum clique: the minimum-degree greedy independent set of the complement graph. */
  public static int[] clique(Graph g) {
    return independentSet(g.complement());
  }

  /**
   * Greedy minimum dominating set: repeatedly add the node that dominates the most nodes not yet
   * dominated (the smallest id on ties) until every node is. Returns the set as 0/1 per node.
   */
  public static int[] dominatingSet(Graph g) {
    int n = g.nodes();
    int[] in = new int[n];
    boolean[] dominated = new boolean[n];
    int left = n;
    while (left > 0) {
      int best = -1;
      int gain = -1;
      for (int v = 0; v < n; v++) {
        if (in[v] == 1) continue;
        int k = dominated[v] ? 0 : 1;
        for (int w : g.neighbours(v)) if (!dominated[w]) k++;
        if (k > gain) {
          gain = k;
          best = v;
        }
      }
      in[best] = 1;
      if (!dominated[best]) { dominated[best] = true; left--; }
      for (int w : g.neighbours(best)) if (!dominated[w]) { dominated[w] = true; left--; }
    }
    return in;
  }

  /**
   * Minimum-degree greedy for maximum independent set: repeatedly take the undecided node with
   * the fewest undecided neighbours (the smallest id on ties), then drop its neighbours. Returns
   * the terminal state (statuses as {@link IndependentSet} writes them).
   */
  public static int[] independentSet(Graph g) {
    int n = g.nodes();
    int[] status = new int[n];
    while (true) {
      int best = -1;
      int bestDegree = Integer.MAX_VALUE;
      for (int v = 0; v < n; v++) {
        if (status[v] != IndependentSet.UNDECIDED) continue;
        int d = 0;
        for (int w : g.neighbours(v)) if (status[w] == IndependentSet.UNDECIDED) d++;
        if (d < bestDegree) {
          bestDegree = d;
          best = v;
        }
      }
      if (best < 0) return status;
      status[best] = IndependentSet.IN;
      for (int w : g.neighbours(best)) if (status[w] == IndependentSet.UNDECIDED) status[w] = IndependentSet.OUT;
    }
  }

  /**
   * One-flip local search for maximum cut: from the empty set, repeatedly move the node whose
   * change of side grows the cut most (the smallest id on ties) until no move grows it. Returns
   * the set as 0/1 per node: a cut no single move improves (at least half the edges).
   */
  public static int[] maxCut(Graph g) {
    MaxCut problem = new MaxCut(g, 1);
    int[] s = new int[g.nodes()];
    while (true) {
      int best = -1;
      int bestGain = 0;
      for (int v = 0; v < s.length; v++) {
        int gain = problem.gain(s, v);
        if (gain > bestGain) {
          bestGain = gain;
          best = v;
        }
      }
      if (best < 0) return s;
      s[best] = 1 - s[best];
    }
  }
}
