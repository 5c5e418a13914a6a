package org.gfn.envs.phylo;

import java.util.Arrays;

/**
 * The state layout of {@link PhyloBayesForest}: the {@link Forest} masks of the internal nodes
 * (2(n−1) ints, ascending), then per node in the same order its two branch-length bins (the final
 * edge's bin first and −1 second).
 */
final class BranchState {
  private BranchState() {}

  /** The internal nodes of a state, in state order. */
  static long[] nodes(int[] s, int n) {
    int k = 0;
    while (k < n - 1 && (s[2 * k] != 0 || s[2 * k + 1] != 0)) k++;
    long[] out = new long[k];
    for (int i = 0; i < k; i++) out[i] = Forest.mask(s, i);
    return out;
  }

  static int index(long[] nodes, long m) {
    for (int i = 0; i < nodes.length; i++) if (nodes[i] == m) return i;
    throw new IllegalStateException("no node " + Long.toBinaryString(m));
  }

  /** The state of {@code nodes} with their bins {left, right} (any order) for n taxa. */
  static int[] state(long[] nodes, int[][] nodeBins, int n) {
    int[] s = Forest.state(nodes, n);
    long[] sorted = Forest.nodes(s);
    int[] out = Arrays.copyOf(s, 4 * (n - 1));
    for (int i = 0; i < nodes.length; i++) {
      int k = index(sorted, nodes[i]);
      out[2 * (n - 1) + 2 * k] = nodeBins[i][0];
      out[2 * (n - 1) + 2 * k + 1] = nodeBins[i][1];
    }
    return out;
  }

  /** State s (of {@code nodes}) with the roots in slots i and j merged by branches of bins {left, right}. */
  static int[] merged(int[] s, int n, long[] nodes, int i, int j, int[] newBins) {
    long[] roots = Forest.roots(nodes, n);
    long[] next = Arrays.copyOf(nodes, nodes.length + 1);
    next[nodes.length] = roots[i] | roots[j];
    int[][] nb = Arrays.copyOf(bins(s, n, nodes.length), nodes.length + 1);
    nb[nodes.length] = newBins;
    return state(next, nb, n);
  }

  /** State s (of {@code nodes}) without internal node {@code root} and its bins. */
  static int[] without(int[] s, int n, long[] nodes, long root) {
    int[][] nb = bins(s, n, nodes.length);
    long[] keep = new long[nodes.length - 1];
    int[][] keepBins = new int[nodes.length - 1][];
    for (int k = 0, c = 0; k < nodes.length; k++) {
      if (nodes[k] != root) {
        keep[c] = nodes[k];
        keepBins[c++] = nb[k];
      }
    }
    return state(keep, keepBins, n);
  }

  /** The bins {left, right} of the first {@code count} nodes. */
  static int[][] bins(int[] s, int n, int count) {
    int[][] b = new int[count][];
    for (int k = 0; k < count; k++) b[k] = new int[] {s[2 * (n - 1) + 2 * k], s[2 * (n - 1) + 2 * k + 1]};
    return b;
  }

  /**
   * How many states n taxa and B bins give: forests whose every node has B² bin pairs, except that
   * a complete tree's final edge has B.
   */
  static double count(int n, int bins) {
    double b2 = (double) bins * bins;
    double[] g = new double[n + 1];
    g[0] = 1;
    for (int k = 1; k <= n; k++) {
      for (int m = 1; m <= k; m++) {
        double trees = ForestCounts.rootedTrees(m) * Math.pow(b2, m - 1);
        double choose = 1;
        for (int i = 1; i <= m - 1; i++) choose = choose * (k - 1 - (m - 1) + i) / i;
        g[k] += choose * trees * g[k - m];
      }
    }
    double complete = ForestCounts.rootedTrees(n);
    return g[n] - complete * Math.pow(b2, n - 1) + complete * Math.pow(b2, n - 2) * bins;
  }
}
