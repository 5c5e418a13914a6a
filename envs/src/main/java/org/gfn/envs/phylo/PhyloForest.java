package org.gfn.envs.phylo;

import org.gfn.envs.Environment;

/**
 * PhyloGFN's tree-building environment (Zhou et al., ICLR 2024) with a parsimony reward: a state
 * is a forest of rooted binary trees over the alignment's n taxa ({@link Forest}: canonical
 * int[2(n−1)]); from n single taxa, each forward action merges two roots, and after n − 1 merges
 * exit is the only legal action. Forward action {@code a} merges the roots in slots (i, j), i &lt; j
 * (pairs in row-major order), exit is the last; backward action {@code i} splits the root in slot
 * i into its two subtrees. log R(T) = (C − M(T)) / α with M the Fitch parsimony score.
 *
 * <p>Only the parsimony-informative sites ({@link Alignment#informative}) tell trees apart: every
 * other site costs its {@link Alignment#minimumChanges} on every tree. So Fitch runs on the
 * informative sites, M(T) = their score + U (the others' fixed cost), and the intermediate energy
 * of a forest is (C − Σ_trees M_informative − U) / α: forward-looking DB trains on it, it equals
 * log R at the end, and it never exceeds the score of a tree the forest can become. Features: per
 * slot, whether it is a root and its root's Fitch set at each informative site as a 4-bit value:
 * n·(1 + informative sites) ({@link #entityLayout}); on DS1, 206 of 1,949 sites. Fitch sets are
 * remembered per subtree ({@link FitchMemo}), so along a trajectory each merge costs one Fitch step.
 */
public final class PhyloForest implements Environment {
  private static final long MAX_ENUMERABLE = 5_000_000L;

  private final Alignment data;
  private final Alignment scored;
  private final int fixedCost;
  private final int n;
  private final double offset;
  private final double alpha;
  private final int[] pairI;
  private final int[] pairJ;
  private final ThreadLocal<FitchMemo> memo;

  /**
   * @param offset C, the reward's offset (a data set's usual constant, so log R stays moderate)
   * @param alpha α &gt; 0, the reward's temperature
   */
  public PhyloForest(Alignment data, double offset, double alpha) {
    if (!(alpha > 0)) throw new IllegalArgumentException("parsimony reward alpha must be > 0, got " + alpha);
    this.data = data;
    this.n = data.taxa();
    this.offset = offset;
    this.alpha = alpha;
    int[] informative = java.util.stream.IntStream.range(0, data.sites()).filter(data::informative).toArray();
    int[] keep = informative.length > 0 ? informative : new int[] {0};
    this.scored = data.select(keep);
    this.fixedCost = java.util.stream.IntStream.range(0, data.sites()).map(data::minimumChanges).sum()
        - java.util.Arrays.stream(keep).map(data::minimumChanges).sum();
    this.memo = ThreadLocal.withInitial(() -> new FitchMemo(scored));
    int pairs = n * (n - 1) / 2;
    pairI = new int[pairs];
    pairJ = new int[pairs];
    int a = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairI[a] = i;
        pairJ[a] = j;
        a++;
      }
    }
  }

  public Alignment alignment() {
    return data;
  }

  /** The sites Fitch runs on and the features show: the informative ones (the first site when there are none). */
  public int scoredSites() {
    return scored.sites();
  }

  /** The forward action that merges the roots in slots i &lt; j. */
  public int mergeAction(int i, int j) {
    return Forest.pairIndex(i, j, n);
  }

  @Override
  public String name() {
    return "phylo(taxa=" + n + ",sites=" + data.sites() + ")";
  }

  @Override
  public int stateSize() {
    return 2 * (n - 1);
  }

  @Override
  public int numActions() {
    return pairI.length + 1;
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
    long[] nodes = Forest.nodes(s);
    long[] roots = Forest.roots(nodes, n);
    boolean done = nodes.length == n - 1;
    for (int a = 0; a < pairI.length; a++) mask[a] = !done && roots[pairI[a]] != 0 && roots[pairJ[a]] != 0;
    mask[pairI.length] = done;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    long[] roots = Forest.roots(Forest.nodes(s), n);
    for (int i = 0; i < n; i++) mask[i] = Long.bitCount(roots[i]) >= 2;
  }

  @Override
  public int[] step(int[] s, int a) {
    long[] nodes = Forest.nodes(s);
    long[] roots = Forest.roots(nodes, n);
    if (a < 0 || a >= pairI.length || roots[pairI[a]] == 0 || roots[pairJ[a]] == 0 || nodes.length == n - 1) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + describe(nodes));
    }
    long[] next = java.util.Arrays.copyOf(nodes, nodes.length + 1);
    next[nodes.length] = roots[pairI[a]] | roots[pairJ[a]];
    return Forest.state(next, n);
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    long[] nodes = Forest.nodes(s);
    long[] roots = Forest.roots(nodes, n);
    if (b < 0 || b >= n || Long.bitCount(roots[b]) < 2) {
      throw new IllegalArgumentException("illegal backward action " + b + " in " + describe(nodes));
    }
    long[] prev = java.util.Arrays.stream(nodes).filter(m -> m != roots[b]).toArray();
    return Forest.state(prev, n);
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return pairI[a];
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    long[] nodes = Forest.nodes(s);
    long[] c = Forest.children(nodes, Forest.roots(nodes, n)[b]);
    return mergeAction(b, Long.numberOfTrailingZeros(c[1]));
  }

  /**
   * The Fitch parsimony score of a complete tree. Of a forest: its trees' scores on the informative
   * sites, summed, plus the other sites' fixed cost U — a lower bound on every tree it can become.
   */
  public int parsimony(int[] s) {
    int cost = fixedCost;
    for (Object t : entityKeys(s)) cost += t == null ? 0 : memo.get().of((Subtree) t).cost();
    return cost;
  }

  @Override
  public double logReward(int[] x) {
    return (offset - parsimony(x)) / alpha;
  }

  @Override
  public double intermediateLogReward(int[] s) {
    return (offset - parsimony(s)) / alpha;
  }

  @Override
  public boolean hasIntermediateRewards() {
    return true;
  }

  /** One entity per slot: is it a root, then its Fitch set per informative site as a 4-bit value; pair merges. */
  @Override
  public org.gfn.envs.EntityLayout entityLayout() {
    return new org.gfn.envs.EntityLayout(n, 1 + scored.sites(), true, false, 4);
  }

  @Override
  public int featureSize() {
    return n * (1 + scored.sites());
  }

  /** Per slot, the exact subtree rooted there ({@link Subtree}), or null where the slot is not a root. */
  @Override
  public Object[] entityKeys(int[] s) {
    long[] nodes = Forest.nodes(s);
    long[] roots = Forest.roots(nodes, n);
    Object[] keys = new Object[n];
    for (int i = 0; i < n; i++) keys[i] = roots[i] == 0 ? null : Subtree.of(nodes, roots[i]);
    return keys;
  }

  @Override
  public void encode(int[] s, float[] out, int offsetOut) {
    Object[] keys = entityKeys(s);
    for (int i = 0; i < n; i++) write((Subtree) keys[i], out, offsetOut + i * (1 + scored.sites()));
  }

  @Override
  public void encodeEntity(int[] s, int i, float[] out, int offsetOut) {
    long[] nodes = Forest.nodes(s);
    long root = Forest.roots(nodes, n)[i];
    write(root == 0 ? null : Subtree.of(nodes, root), out, offsetOut);
  }

  /** An entity row: presence, then the root's Fitch set per informative site as a 4-bit value (all 0 when absent). */
  private void write(Subtree t, float[] out, int base) {
    if (t == null) {
      java.util.Arrays.fill(out, base, base + 1 + scored.sites(), 0f);
      return;
    }
    out[base] = 1f;
    long[] set = memo.get().of(t).set();
    for (int w = 0, site = 0; w < set.length; w++) {
      long word = set[w];
      for (int k = 0; k < 16 && site < scored.sites(); k++, site++, word >>>= 4) out[base + 1 + site] = (int) word & 0xF;
    }
  }

  @Override
  public int maxTrajectoryLength() {
    return n;
  }

  /** Every forest (27,007 for 7 taxa, {@link ForestCounts#forests}), up to five million. */
  @Override
  public long enumerableStates() {
    double f = ForestCounts.forests(n);
    return f <= MAX_ENUMERABLE ? (long) Math.round(f) : -1;
  }

  private String describe(long[] nodes) {
    return "a forest with " + nodes.length + " merges of " + n + " taxa";
  }
}
