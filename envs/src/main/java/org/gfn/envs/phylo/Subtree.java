package org.gfn.envs.phylo;

import java.util.Arrays;

/**
 * One rooted subtree of a forest, exactly: its internal-node masks in increasing unsigned order
 * (the root, a superset of the others, last), or for a single taxon its one bit. Equal subtrees
 * have equal Fitch sets, so this is the key of {@link FitchMemo} and of a set policy's encoding
 * cache ({@link PhyloForest#entityKeys}). Immutable.
 */
final class Subtree {
  private final long[] nodes;
  private final int hash;

  Subtree(long[] nodes) {
    this.nodes = nodes;
    long h = nodes.length;
    for (long m : nodes) h = (h ^ m) * 0x9E3779B97F4A7C15L; // masks differ in few bits: mix them
    h ^= h >>> 29;
    this.hash = (int) (h ^ (h >>> 32));
  }

  /** The subtree under {@code root} of a forest whose internal nodes are {@code nodes} (sorted). */
  static Subtree of(long[] nodes, long root) {
    if (Long.bitCount(root) == 1) return new Subtree(new long[] {root});
    int k = 0;
    long[] inside = new long[Long.bitCount(root) - 1];
    for (long m : nodes) {
      if ((m & root) == m) inside[k++] = m;
    }
    return new Subtree(inside);
  }

  /** The internal-node masks (ascending, the root last), or the taxon's bit; not a copy. */
  long[] nodes() {
    return nodes;
  }

  long root() {
    return nodes[nodes.length - 1];
  }

  boolean isLeaf() {
    return Long.bitCount(root()) == 1;
  }

  /** The two child subtrees of an internal root. */
  Subtree[] children() {
    long[] c = Forest.children(nodes, root());
    return new Subtree[] {of(nodes, c[0]), of(nodes, c[1])};
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subtree t && t.hash == hash && Arrays.equals(t.nodes, nodes);
  }
}
