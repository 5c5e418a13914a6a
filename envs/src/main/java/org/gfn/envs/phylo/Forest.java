package org.gfn.envs.phylo;

import java.util.Arrays;

/**
 * A forest of rooted binary trees over n ≤ 64 labelled taxa, stored canonically as the set of its
 * internal nodes, each node the bit mask of the taxa below it: the state is {@code int[2(n−1)]},
 * the masks in increasing (unsigned) order as (low, high) int pairs, then zeros. Two merge orders
 * that build the same forest give the same array. A tree's "slot" is its smallest taxon; slot i
 * is a root when taxon i is the smallest taxon of its tree.
 */
final class Forest {
  private Forest() {}

  /** The index of the unordered slot pair (i, j), i &lt; j, in row-major order over n slots. */
  static int pairIndex(int i, int j, int n) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** The internal-node masks of a state (no zeros), in order. */
  static long[] nodes(int[] s) {
    int k = 0;
    while (k < s.length / 2 && (s[2 * k] != 0 || s[2 * k + 1] != 0)) k++;
    long[] out = new long[k];
    for (int i = 0; i < k; i++) out[i] = mask(s, i);
    return out;
  }

  static long mask(int[] s, int i) {
    return (s[2 * i] & 0xFFFF_FFFFL) | ((long) s[2 * i + 1] << 32);
  }

  /** The state holding exactly {@code nodes} (any order, no zeros) for {@code n} taxa. */
  static int[] state(long[] nodes, int n) {
    long[] sorted = nodes.clone();
    sortUnsigned(sorted);
    int[] s = new int[2 * (n - 1)];
    for (int i = 0; i < sorted.length; i++) {
      s[2 * i] = (int) sorted[i];
      s[2 * i + 1] = (int) (sorted[i] >>> 32);
    }
    return s;
  }

  private static void sortUnsigned(long[] a) {
    for (int i = 0; i < a.length; i++) a[i] ^= Long.MIN_VALUE;
    Arrays.sort(a);
    for (int i = 0; i < a.length; i++) a[i] ^= Long.MIN_VALUE;
  }

  /** The root mask of every slot: {@code roots[i]} is the tree whose smallest taxon is i, else 0. */
  static long[] roots(long[] nodes, int n) {
    long[] rootOf = new long[n];
    for (int t = 0; t < n; t++) rootOf[t] = 1L << t;
    for (long m : nodes) {
      for (long rest = m; rest != 0; rest &= rest - 1) {
        int t = Long.numberOfTrailingZeros(rest);
        if (Long.bitCount(m) > Long.bitCount(rootOf[t])) rootOf[t] = m;
      }
    }
    long[] roots = new long[n];
    for (int t = 0; t < n; t++) {
      if (Long.numberOfTrailingZeros(rootOf[t]) == t) roots[t] = rootOf[t];
    }
    return roots;
  }

  /** The two children of internal node {@code m}: the largest nodes (or taxa) strictly inside it. */
  static long[] children(long[] nodes, long m) {
    int low = Long.numberOfTrailingZeros(m);
    long left = 1L << low;
    for (long c : nodes) {
      if (c != m && (c & m) == c && (c & left) != 0 && Long.bitCount(c) > Long.bitCount(left)) left = c;
    }
    return new long[] {left, m & ~left};
  }
}
