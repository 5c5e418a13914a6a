package org.gfn.envs.phylo;

import java.util.Arrays;

/**
 * One rooted subtree of a Bayesian forest with its branch lengths: the {@link Subtree} and, per
 * internal node in the same order, the bins of its two child branches (the left child holds the
 * node's smallest taxon; −1 for the final edge's missing second branch). Equal keys have equal
 * partial likelihoods ({@link PartialsMemo}) and equal set-policy encodings. Immutable.
 */
final class BranchSubtree {
  private final Subtree topology;
  private final int[] bins;
  private final int hash;

  private BranchSubtree(Subtree topology, int[] bins) {
    this.topology = topology;
    this.bins = bins;
    this.hash = 31 * topology.hashCode() + Arrays.hashCode(bins);
  }

  /** The subtree under {@code root} of a forest with internal nodes {@code nodes} and their bins. */
  static BranchSubtree of(long[] nodes, int[][] nodeBins, long root) {
    Subtree t = Subtree.of(nodes, root);
    if (t.isLeaf()) return new BranchSubtree(t, new int[0]);
    long[] inside = t.nodes();
    int[] b = new int[2 * inside.length];
    for (int k = 0; k < inside.length; k++) {
      int[] nb = nodeBins[BranchState.index(nodes, inside[k])];
      b[2 * k] = nb[0];
      b[2 * k + 1] = nb[1];
    }
    return new BranchSubtree(t, b);
  }

  boolean isLeaf() {
    return topology.isLeaf();
  }

  long root() {
    return topology.root();
  }

  /** The root's two child branches' bins {left, right}. */
  int[] rootBins() {
    return new int[] {bins[bins.length - 2], bins[bins.length - 1]};
  }

  /** The two child subtrees, with their lengths. */
  BranchSubtree[] children() {
    long[] inside = topology.nodes();
    int[][] nb = new int[inside.length][];
    for (int k = 0; k < inside.length; k++) nb[k] = new int[] {bins[2 * k], bins[2 * k + 1]};
    long[] c = Forest.children(inside, root());
    return new BranchSubtree[] {of(inside, nb, c[0]), of(inside, nb, c[1])};
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BranchSubtree t && t.hash == hash && t.topology.equals(topology) && Arrays.equals(t.bins, bins);
  }
}
