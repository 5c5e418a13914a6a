package org.gfn.envs.phylo;

import java.util.Arrays;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.SitePatterns;

/**
 * The posterior of {@link PhyloBayesForest} (same trees, lengths and rewards, so the same log Z and
 * marginal likelihood) for a set policy on data sets of any size: a merge takes three steps
 * instead of one action out of pairs × bins². It picks two roots (i &lt; j); then the length bin
 * of i's new branch; then j's, which completes the merge (the last merge has one branch: two
 * steps). So the forward actions are the pairs, then the bins, then exit. Backward: split the root
 * in slot i, or in a pending merge undo its last step (the only legal action, index i).
 *
 * <p>State: {@link BranchState}'s layout of the completed merges, then the pending merge as
 * (i + 1, j + 1, bin of i + 1), 0 where there is none. Entity view: one row per root slot
 * ({@link BranchEntities}). A forest's intermediate energy is the log-likelihood of its roots
 * joined by a star, plus its completed branches' log priors ({@link BranchEntities#energy}).
 */
public final class PhyloBayesSteps implements Environment {
  private final Alignment data;
  private final BranchLengths lengths;
  private final int n;
  private final int pairs;
  private final int[] pairI;
  private final int[] pairJ;
  private final BranchEntities view;

  public PhyloBayesSteps(Alignment data, int bins, double binSize, double priorRate) {
    if (data.taxa() < 3) throw new IllegalArgumentException("a tree needs at least 3 taxa, got " + data.taxa());
    this.lengths = new BranchLengths(bins, binSize, priorRate);
    this.data = data;
    this.n = data.taxa();
    this.pairs = n * (n - 1) / 2;
    pairI = new int[pairs];
    pairJ = new int[pairs];
    for (int i = 0, a = 0; i < n; i++) for (int j = i + 1; j < n; j++, a++) { pairI[a] = i; pairJ[a] = j; }
    this.view = new BranchEntities(new Jc69(SitePatterns.of(data)), lengths, n, data.sites());
  }

  /**
   * As {@link PhyloBayesForest#logTerminalMultiplicity}: (2n − 3)!! rooted states per unrooted tree
   * and prior, so the log marginal likelihood is log Z minus this.
   */
  @Override
  public double logTerminalMultiplicity() {
    return Math.log(ForestCounts.rootedTrees(n));
  }

  @Override
  public String name() {
    return "phylo-bayes-steps(taxa=" + n + ",sites=" + data.sites() + ",bins=" + lengths.bins() + "x" + lengths.binSize() + ")";
  }

  @Override
  public int stateSize() {
    return 4 * (n - 1) + 3;
  }

  @Override
  public int numActions() {
    return pairs + lengths.bins() + 1;
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
    return s[0] == 0 && s[1] == 0 && s[pending()] == 0;
  }

  private int pending() {
    return 4 * (n - 1);
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    Arrays.fill(mask, false);
    if (s[pending()] != 0) {
      Arrays.fill(mask, pairs, pairs + lengths.bins(), true);
      return;
    }
    long[] nodes = BranchState.nodes(s, n);
    if (nodes.length == n - 1) {
      mask[numActions() - 1] = true;
      return;
    }
    long[] roots = Forest.roots(nodes, n);
    for (int p = 0; p < pairs; p++) mask[p] = roots[pairI[p]] != 0 && roots[pairJ[p]] != 0;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    Arrays.fill(mask, false);
    if (s[pending()] != 0) {
      mask[s[pending()] - 1] = true;
      return;
    }
    long[] roots = Forest.roots(BranchState.nodes(s, n), n);
    for (int i = 0; i < n; i++) mask[i] = Long.bitCount(roots[i]) >= 2;
  }

  @Override
  public int[] step(int[] s, int a) {
    boolean[] mask = new boolean[numActions()];
    forwardMask(s, mask);
    if (a < 0 || a >= numActions() - 1 || !mask[a]) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + describe(s));
    }
    int[] next = s.clone();
    int at = pending();
    if (a < pairs) {
      next[at] = pairI[a] + 1;
      next[at + 1] = pairJ[a] + 1;
      return next;
    }
    int bin = a - pairs;
    long[] nodes = BranchState.nodes(s, n);
    boolean last = nodes.length == n - 2;
    if (!last && s[at + 2] == 0) {
      next[at + 2] = bin + 1;
      return next;
    }
    int[] bins = last ? new int[] {bin, -1} : new int[] {s[at + 2] - 1, bin};
    return Arrays.copyOf(BranchState.merged(s, n, nodes, s[at] - 1, s[at + 1] - 1, bins), stateSize());
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    boolean[] mask = new boolean[n];
    backwardMask(s, mask);
    if (b < 0 || b >= n || !mask[b]) throw new IllegalArgumentException("illegal backward action " + b + " in " + describe(s));
    int at = pending();
    int[] prev = s.clone();
    if (s[at] != 0) {
      if (s[at + 2] != 0) {
        prev[at + 2] = 0;
      } else {
        prev[at] = 0;
        prev[at + 1] = 0;
      }
      return prev;
    }
    long[] nodes = BranchState.nodes(s, n);
    long root = Forest.roots(nodes, n)[b];
    int[] rootBins = BranchState.bins(s, n, nodes.length)[BranchState.index(nodes, root)];
    prev = Arrays.copyOf(BranchState.without(s, n, nodes, root), stateSize());
    prev[at] = b + 1;
    prev[at + 1] = Long.numberOfTrailingZeros(Forest.children(nodes, root)[1]) + 1;
    prev[at + 2] = rootBins[1] < 0 ? 0 : rootBins[0] + 1;
    return prev;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return a < pairs ? pairI[a] : parent[pending()] - 1;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    int at = pending();
    if (s[at] != 0) return s[at + 2] != 0 ? pairs + s[at + 2] - 1 : Forest.pairIndex(s[at] - 1, s[at + 1] - 1, n);
    long[] nodes = BranchState.nodes(s, n);
    int[] nb = BranchState.bins(s, n, nodes.length)[BranchState.index(nodes, Forest.roots(nodes, n)[b])];
    return pairs + (nb[1] < 0 ? nb[0] : nb[1]);
  }

  @Override
  public double logReward(int[] x) {
    return view.energy(x);
  }

  /** The forest's roots joined by a star ({@link BranchEntities#energy}), plus its completed branches' log priors. */
  @Override
  public double intermediateLogReward(int[] s) {
    return view.energy(s);
  }

  @Override
  public boolean hasIntermediateRewards() {
    return true;
  }

  @Override
  public EntityLayout entityLayout() {
    return new EntityLayout(n, view.features(), true, false, 0, lengths.bins());
  }

  @Override
  public int choosingEntity(int[] s) {
    int at = pending();
    if (s[at] == 0) return -1;
    return s[at + 2] == 0 ? s[at] - 1 : s[at + 1] - 1;
  }

  @Override
  public Object[] entityKeys(int[] s) {
    int at = pending();
    return view.keys(s, s[at] - 1, s[at + 1] - 1, s[at + 2] - 1, choosingEntity(s));
  }

  @Override
  public int featureSize() {
    return n * view.features();
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    Object[] keys = entityKeys(s);
    for (int i = 0; i < n; i++) view.write(keys[i], out, offset + i * view.features());
  }

  @Override
  public void encodeEntity(int[] s, int i, float[] out, int offset) {
    view.write(entityKeys(s)[i], out, offset);
  }

  /** Three steps per merge but two for the last, then exit. */
  @Override
  public int maxTrajectoryLength() {
    return 3 * (n - 1);
  }

  /**
   * An upper bound: the forests with bins ({@link BranchState#count}), each with at most one pending
   * merge of C(n, 2) pairs whose first bin is chosen or not.
   */
  @Override
  public long enumerableStates() {
    double total = BranchState.count(n, lengths.bins()) * (1 + pairs * (1.0 + lengths.bins()));
    return total <= 5_000_000L ? Math.round(total) : -1;
  }

  private String describe(int[] s) {
    return "a forest with " + BranchState.nodes(s, n).length + " merges of " + n + " taxa"
        + (s[pending()] != 0 ? " and a pending merge of slots " + (s[pending()] - 1) + ", " + (s[pending() + 1] - 1) : "");
  }
}
