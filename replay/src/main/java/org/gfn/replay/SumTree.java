package org.gfn.replay;

/** A Fenwick tree of non-negative weights: O(log n) update and O(log n) sampling by prefix sum. */
final class SumTree {
  private final double[] tree;
  private final double[] weight;
  private final int n;

  SumTree(int n) {
    this.n = n;
    this.tree = new double[n + 1];
    this.weight = new double[n];
  }

  void set(int i, double w) {
    double delta = w - weight[i];
    weight[i] = w;
    for (int j = i + 1; j <= n; j += j & -j) tree[j] += delta;
  }

  double get(int i) {
    return weight[i];
  }

  double total() {
    double s = 0;
    for (int j = n; j > 0; j -= j & -j) s += tree[j];
    return s;
  }

  /** The smallest index whose prefix sum exceeds {@code u} (0 ≤ u &lt; total). */
  int find(double u) {
    int pos = 0;
    int step = Integer.highestOneBit(n);
    for (; step > 0; step >>= 1) {
      int next = pos + step;
      if (next <= n && tree[next] <= u) {
        pos = next;
        u -= tree[next];
      }
    }
    return Math.min(pos, n - 1);
  }
}
