package org.gfn.envs.graph;

/** Greedy baselines of the graph problems. */
public final class Greedy {
  private Greedy() {}

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
}
