package org.gfn.envs.phylo;

import java.util.Arrays;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.SitePatterns;
import org.gfn.envs.likelihood.Tree;

/**
 * PhyloGFN-Bayesian's environment (Zhou et al., ICLR 2024, discrete branch lengths): the forest of
 * {@link PhyloForest} where each merge also chooses the lengths of the two new branches from
 * {@code bins} bins, t_k = binSize·(k + 1); the last merge joins the two remaining trees by one
 * edge, so a complete state is an unrooted tree with 2n − 3 branch lengths, rooted on one edge.
 * log R = log P(alignment | tree, lengths) under JC69 ({@link Jc69}) + Σ_branches log(λ e^{−λt}·binSize),
 * the exponential prior's mass of each bin. Every unrooted tree is reached as (2n − 3) rooted
 * states of equal reward, so the log marginal likelihood under a uniform topology prior is
 * log Z − log (2n − 3)!! ({@link #logMarginalLikelihood}).
 *
 * <p>State: the {@link Forest} masks (2(n−1) ints), then per node in the same order its two bins
 * (the final edge's in the first; −1 in the second). Forward action (pair p of slots i &lt; j,
 * bins l, r) = p·B² + l·B + r, exit last; backward action i splits the root in slot i. Features:
 * for every possible cluster of ≥ 2 taxa, whether it is a node and its two bins one-hot
 * (MLP policies; at most {@link #MAX_TAXA} taxa).
 */
public final class PhyloBayesForest implements Environment {
  /** The most taxa the flat cluster features allow. */
  public static final int MAX_TAXA = 10;
  private static final long MAX_ENUMERABLE = 5_000_000L;

  private final Alignment data;
  private final Jc69 model;
  private final int n;
  private final int bins;
  private final double binSize;
  private final BranchLengths lengths;
  private final int pairs;
  private final int[] pairI;
  private final int[] pairJ;
  private final int[] clusterIndex;
  private final int clusters;

  public PhyloBayesForest(Alignment data, int bins, double binSize, double priorRate) {
    if (data.taxa() > MAX_TAXA) {
      throw new IllegalArgumentException("the Bayesian phylogenetic task's flat features (an MLP policy) allow at most " + MAX_TAXA
          + " taxa, this alignment has " + data.taxa() + ": use the set policy (gfn.policy.type = set)");
    }
    this.lengths = new BranchLengths(bins, binSize, priorRate);
    this.data = data;
    this.model = new Jc69(SitePatterns.of(data));
    this.n = data.taxa();
    this.bins = bins;
    this.binSize = binSize;
    this.pairs = n * (n - 1) / 2;
    pairI = new int[pairs];
    pairJ = new int[pairs];
    for (int i = 0, a = 0; i < n; i++) for (int j = i + 1; j < n; j++, a++) { pairI[a] = i; pairJ[a] = j; }
    clusterIndex = new int[1 << n];
    int c = 0;
    for (int m = 0; m < (1 << n); m++) clusterIndex[m] = Integer.bitCount(m) >= 2 ? c++ : -1;
    clusters = c;
  }

  /** The branch length of bin k. */
  public double length(int bin) {
    return lengths.length(bin);
  }

  /** log of the exponential prior's mass of bin k: log(λ e^{−λ t_k} · binSize). */
  public double logPrior(int bin) {
    return lengths.logPrior(bin);
  }

  /** log P(alignment) under a uniform prior over unrooted topologies, from log Z of this environment. */
  public double logMarginalLikelihood(double logZ) {
    return logZ - logTerminalMultiplicity();
  }

  /**
   * An unrooted tree with its lengths is 2n − 3 terminal states (one per root edge), and the uniform
   * prior over the (2n − 5)!! unrooted topologies divides by (2n − 5)!!: log (2n − 3)!! in all.
   */
  @Override
  public double logTerminalMultiplicity() {
    return Math.log(ForestCounts.rootedTrees(n));
  }

  @Override
  public String name() {
    return "phylo-bayes(taxa=" + n + ",sites=" + data.sites() + ",bins=" + bins + "x" + binSize + ")";
  }

  @Override
  public int stateSize() {
    return 4 * (n - 1);
  }

  @Override
  public int numActions() {
    return pairs * bins * bins + 1;
  }

  @Override
  public int numBackwardActions() {
    return n;
  }

  @Override
  public int[] initialState() {
    return new int[stateSize()];
  }

  @Override
  public boolean isInitial(int[] s) {
    return s[0] == 0 && s[1] == 0;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    long[] nodes = BranchState.nodes(s, n);
    long[] roots = Forest.roots(nodes, n);
    boolean done = nodes.length == n - 1;
    boolean last = nodes.length == n - 2;
    for (int p = 0; p < pairs; p++) {
      boolean ok = !done && roots[pairI[p]] != 0 && roots[pairJ[p]] != 0;
      for (int l = 0; l < bins; l++) {
        for (int r = 0; r < bins; r++) mask[(p * bins + l) * bins + r] = ok && (!last || r == 0);
      }
    }
    mask[pairs * bins * bins] = done;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    long[] roots = Forest.roots(BranchState.nodes(s, n), n);
    for (int i = 0; i < n; i++) mask[i] = Long.bitCount(roots[i]) >= 2;
  }

  @Override
  public int[] step(int[] s, int a) {
    long[] nodes = BranchState.nodes(s, n);
    boolean[] mask = new boolean[numActions()];
    forwardMask(s, mask);
    if (a < 0 || a >= pairs * bins * bins || !mask[a]) {
      throw new IllegalArgumentException("illegal forward action " + a + " in a forest with " + nodes.length + " merges");
    }
    int p = a / (bins * bins);
    boolean last = nodes.length == n - 2;
    return BranchState.merged(s, n, nodes, pairI[p], pairJ[p], new int[] {(a / bins) % bins, last ? -1 : a % bins});
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    long[] nodes = BranchState.nodes(s, n);
    long[] roots = Forest.roots(nodes, n);
    if (b < 0 || b >= n || Long.bitCount(roots[b]) < 2) {
      throw new IllegalArgumentException("illegal backward action " + b + " in a forest with " + nodes.length + " merges");
    }
    return BranchState.without(s, n, nodes, roots[b]);
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return pairI[a / (bins * bins)];
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    long[] nodes = BranchState.nodes(s, n);
    long root = Forest.roots(nodes, n)[b];
    long[] c = Forest.children(nodes, root);
    int j = Long.numberOfTrailingZeros(c[1]);
    int p = Forest.pairIndex(b, j, n);
    int[] nb = BranchState.bins(s, n, nodes.length)[BranchState.index(nodes, root)];
    return (p * bins + nb[0]) * bins + Math.max(0, nb[1]);
  }

  /** The complete tree of a terminal state, with its branch lengths (the root on the final edge). */
  public Tree tree(int[] x) {
    long[] nodes = BranchState.nodes(x, n);
    if (nodes.length != n - 1) throw new IllegalArgumentException("not a complete tree: " + nodes.length + " merges");
    return subtree(nodes, BranchState.bins(x, n, nodes.length), nodes.length == 0 ? 1L : Forest.roots(nodes, n)[0]);
  }

  private Tree subtree(long[] nodes, int[][] nb, long m) {
    if (Long.bitCount(m) == 1) return Tree.leaf(Long.numberOfTrailingZeros(m));
    long[] c = Forest.children(nodes, m);
    int[] b = nb[BranchState.index(nodes, m)];
    return Tree.node(List.of(subtree(nodes, nb, c[0]), subtree(nodes, nb, c[1])), length(b[0]), b[1] < 0 ? 0 : length(b[1]));
  }

  @Override
  public double logReward(int[] x) {
    int[][] nb = BranchState.bins(x, n, n - 1);
    double prior = 0;
    for (int[] b : nb) prior += logPrior(b[0]) + (b[1] < 0 ? 0 : logPrior(b[1]));
    return tree(x).logLikelihood(model) + prior;
  }

  @Override
  public int featureSize() {
    return clusters * (1 + 2 * bins);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    Arrays.fill(out, offset, offset + featureSize(), 0f);
    long[] nodes = BranchState.nodes(s, n);
    int[][] nb = BranchState.bins(s, n, nodes.length);
    for (int k = 0; k < nodes.length; k++) {
      int base = offset + clusterIndex[(int) nodes[k]] * (1 + 2 * bins);
      out[base] = 1f;
      out[base + 1 + nb[k][0]] = 1f;
      if (nb[k][1] >= 0) out[base + 1 + bins + nb[k][1]] = 1f;
    }
  }

  @Override
  public int maxTrajectoryLength() {
    return n;
  }

  /** Forests with bins: every node B² choices, the final edge B; enumerable up to five million. */
  @Override
  public long enumerableStates() {
    double total = BranchState.count(n, bins);
    return total <= MAX_ENUMERABLE ? Math.round(total) : -1;
  }
}
