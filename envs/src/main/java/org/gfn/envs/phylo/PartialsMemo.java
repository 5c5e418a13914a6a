package org.gfn.envs.phylo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.Partials;

/**
 * JC69 partial likelihoods of subtrees with branch lengths, remembered: a subtree's partials are
 * computed once from its two children's, so along a trajectory each merge costs one pruning step.
 * Least-recently-used entries beyond about 64 MB are dropped and recomputed on demand. Not
 * thread-safe: keep one per thread.
 */
final class PartialsMemo {
  private static final long CAPACITY_DOUBLES = 1L << 23;

  private final Jc69 model;
  private final IntToDoubleFunction length;
  private final Map<BranchSubtree, Partials> memo;

  /** @param length the branch length of a bin */
  PartialsMemo(Jc69 model, IntToDoubleFunction length) {
    this.model = model;
    this.length = length;
    int capacity = (int) Math.max(256, CAPACITY_DOUBLES / (5L * Math.max(1, model.patterns().count())));
    memo = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<BranchSubtree, Partials> eldest) {
        return size() > capacity;
      }
    };
  }

  Partials of(BranchSubtree t) {
    Partials known = memo.get(t);
    if (known != null) return known;
    Partials p;
    if (t.isLeaf()) {
      p = model.leaf(Long.numberOfTrailingZeros(t.root()));
    } else {
      BranchSubtree[] c = t.children();
      int[] b = t.rootBins();
      p = model.merge(of(c[0]), length.applyAsDouble(b[0]), of(c[1]), b[1] < 0 ? 0 : length.applyAsDouble(b[1]));
    }
    memo.put(t, p);
    return p;
  }
}
