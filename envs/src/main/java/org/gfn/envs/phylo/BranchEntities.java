package org.gfn.envs.phylo;

import java.util.Arrays;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.Partials;

/**
 * The entity view of {@link PhyloBayesSteps}: one row per slot, present when the slot is a root:
 * [present, choosing (the root whose branch bin the next action picks), paired (in the pending
 * merge), its chosen bin (k + 1)/bins or 0, the subtree's log-likelihood per site, then per site
 * pattern the four JC69 partial likelihoods of its root, scaled so their largest is 1]. A row is a
 * function of its key ({@link #keys}), so a set policy caches encodings by key. The partials and
 * forest energies are remembered per thread ({@link PartialsMemo}; the three states of a merge
 * share their forest's energy).
 */
final class BranchEntities {
  private static final int OWN = 4; // choosing, paired, chosen bin, log-likelihood per site

  /** A root's entity: its subtree with lengths and its part in the pending merge. */
  private record Root(BranchSubtree tree, boolean choosing, boolean paired, int chosenBin) {}

  private final int n;
  private final int patterns;
  private final int sites;
  private final int bins;
  private final BranchLengths lengths;
  private final Jc69 model;
  private final ThreadLocal<PartialsMemo> memo;
  private final ThreadLocal<java.util.Map<org.gfn.envs.StateKey, Double>> energies = ThreadLocal.withInitial(() ->
      new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<org.gfn.envs.StateKey, Double> eldest) {
          return size() > 100_000;
        }
      });

  BranchEntities(Jc69 model, BranchLengths lengths, int n, int sites) {
    this.n = n;
    this.lengths = lengths;
    this.model = model;
    this.patterns = model.patterns().count();
    this.sites = sites;
    this.bins = lengths.bins();
    this.memo = ThreadLocal.withInitial(() -> new PartialsMemo(model, lengths::length));
  }

  /** Values per row, the presence flag included. */
  int features() {
    return 1 + OWN + 4 * patterns;
  }

  /** The exact subtree with lengths at each root slot of state s, or null where the slot is not a root. */
  BranchSubtree[] trees(int[] s) {
    long[] nodes = BranchState.nodes(s, n);
    long[] roots = Forest.roots(nodes, n);
    int[][] nb = BranchState.bins(s, n, nodes.length);
    BranchSubtree[] out = new BranchSubtree[n];
    for (int i = 0; i < n; i++) out[i] = roots[i] == 0 ? null : BranchSubtree.of(nodes, nb, roots[i]);
    return out;
  }

  /**
   * The forest's roots joined at one star node, each on a branch of the middle bin's length: its
   * log-likelihood, plus the log prior of every completed branch. With one root this is the
   * tree's log-likelihood exactly (JC69 is stationary: a branch above the root changes nothing),
   * so it is log R at the end; before, it ranks forests by how well their trees explain the data
   * (the initial forest is the star tree) and stays on the scale of the final rewards, unlike the
   * sum of the trees' own log-likelihoods (about −2,700 per leaf on DS1).
   */
  double energy(int[] s) {
    org.gfn.envs.StateKey forest = new org.gfn.envs.StateKey(Arrays.copyOf(s, 4 * (n - 1))); // the pending merge aside
    Double known = energies.get().get(forest);
    if (known != null) return known;
    double e = starEnergy(s);
    energies.get().put(forest, e);
    return e;
  }

  private double starEnergy(int[] s) {
    java.util.List<Partials> roots = new java.util.ArrayList<>();
    for (BranchSubtree t : trees(s)) if (t != null) roots.add(memo.get().of(t));
    double[] star = new double[roots.size()];
    Arrays.fill(star, lengths.length(bins / 2));
    double total = roots.size() == 1 ? model.logLikelihood(roots.get(0)) : model.logLikelihood(model.join(roots, star));
    for (int[] b : BranchState.bins(s, n, BranchState.nodes(s, n).length)) {
      total += lengths.logPrior(b[0]) + (b[1] < 0 ? 0 : lengths.logPrior(b[1]));
    }
    return total;
  }

  /**
   * Per slot the key of its row (null where the slot is not a root), given the pending merge's
   * slots i, j and i's chosen bin (−1 where none) and the choosing slot.
   */
  Object[] keys(int[] s, int i, int j, int chosenBin, int choosing) {
    BranchSubtree[] trees = trees(s);
    Object[] keys = new Object[trees.length];
    for (int k = 0; k < trees.length; k++) {
      if (trees[k] != null) keys[k] = new Root(trees[k], k == choosing, k == i || k == j, k == i ? chosenBin : -1);
    }
    return keys;
  }

  /** Writes the row of a key from {@link #keys} (zeros for null) at {@code out[base ..]}. */
  void write(Object key, float[] out, int base) {
    if (key == null) {
      Arrays.fill(out, base, base + features(), 0f);
      return;
    }
    Root r = (Root) key;
    out[base] = 1f;
    out[base + 1] = r.choosing() ? 1f : 0f;
    out[base + 2] = r.paired() ? 1f : 0f;
    out[base + 3] = r.chosenBin() < 0 ? 0f : (r.chosenBin() + 1f) / bins;
    Partials partials = memo.get().of(r.tree());
    out[base + 4] = (float) (model.logLikelihood(partials) / sites);
    double[] v = partials.values();
    for (int k = 0; k < 4 * patterns; k++) out[base + 1 + OWN + k] = (float) v[k];
  }
}
