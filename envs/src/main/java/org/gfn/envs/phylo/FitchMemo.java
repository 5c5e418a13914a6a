package org.gfn.envs.phylo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fitch sets and parsimony costs of subtrees, remembered: a subtree's set is computed once, from
 * its two children's remembered sets, so along a trajectory each merge costs one {@link Fitch#merge}
 * (the forest's parsimony is updated incrementally). Least-recently-used entries beyond about 8 MB
 * are dropped and recomputed on demand. Not thread-safe: {@link PhyloForest} keeps one per thread.
 */
final class FitchMemo {
  private static final long CAPACITY_LONGS = 1L << 20;

  /** A subtree's root Fitch set (packed) and its parsimony score. */
  record Sets(long[] set, int cost) {}

  private final Alignment data;
  private final Map<Subtree, Sets> memo;

  FitchMemo(Alignment data) {
    this.data = data;
    int capacity = (int) Math.max(256, CAPACITY_LONGS / Math.max(1, data.words()));
    memo = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Subtree, Sets> eldest) {
        return size() > capacity;
      }
    };
  }

  Sets of(Subtree t) {
    if (t.isLeaf()) return new Sets(data.leaf(Long.numberOfTrailingZeros(t.root())), 0);
    Sets known = memo.get(t);
    if (known != null) return known;
    Subtree[] c = t.children();
    Sets a = of(c[0]);
    Sets b = of(c[1]);
    long[] out = new long[data.words()];
    int cost = a.cost + b.cost + Fitch.merge(a.set, b.set, out);
    Sets s = new Sets(out, cost);
    memo.put(t, s);
    return s;
  }
}
