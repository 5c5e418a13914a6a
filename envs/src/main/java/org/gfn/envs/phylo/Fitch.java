package org.gfn.envs.phylo;

/**
 * Fitch's small-parsimony step on packed state sets (4 bits per site, 16 sites per long): the
 * parent's set is the intersection of its children's where that is not empty, else their union,
 * and every empty intersection costs one change. Word-parallel: per long, the empty nibbles are
 * found with three shifts and a mask, counted with {@link Long#bitCount} and filled by × 0xF.
 */
public final class Fitch {
  private static final long NIBBLE_BASES = 0x1111_1111_1111_1111L;

  private Fitch() {}

  /** Writes the parent of {@code a} and {@code b} into {@code out}; returns the changes it costs. */
  public static int merge(long[] a, long[] b, long[] out) {
    int cost = 0;
    for (int w = 0; w < a.length; w++) {
      long and = a[w] & b[w];
      long nonEmpty = (and | (and >>> 1) | (and >>> 2) | (and >>> 3)) & NIBBLE_BASES;
      long empty = ~nonEmpty & NIBBLE_BASES;
      cost += Long.bitCount(empty);
      long fill = empty * 0xF;
      out[w] = (and & ~fill) | ((a[w] | b[w]) & fill);
    }
    return cost;
  }
}
