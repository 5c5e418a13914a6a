package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.Partials;
import org.gfn.envs.likelihood.SitePatterns;
import org.gfn.envs.likelihood.Tree;
import org.gfn.envs.phylo.Alignment;
import org.junit.jupiter.api.Test;

/** JC69 likelihood by Felsenstein's pruning: brute force, rerooting, IQ-TREE, underflow. */
class Jc69LikelihoodTest {
  private static final String STATES = "ACGT";

  private static Alignment random(int taxa, int sites, long seed, boolean missing) {
    Random rng = new Random(seed);
    List<String> names = new ArrayList<>();
    List<String> seqs = new ArrayList<>();
    for (int t = 0; t < taxa; t++) {
      names.add("t" + t);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sites; s++) sb.append(missing && rng.nextInt(8) == 0 ? "-?N".charAt(rng.nextInt(3)) : STATES.charAt(rng.nextInt(4)));
      seqs.add(sb.toString());
    }
    return Alignment.of(names, seqs);
  }

  /** ((t0,t1),(t2,(t3,t4))) with the given 8 branch lengths. */
  private static Tree fiveTaxa(double[] b) {
    Tree left = Tree.node(List.of(Tree.leaf(0), Tree.leaf(1)), b[0], b[1]);
    Tree inner = Tree.node(List.of(Tree.leaf(3), Tree.leaf(4)), b[2], b[3]);
    Tree right = Tree.node(List.of(Tree.leaf(2), inner), b[4], b[5]);
    return Tree.node(List.of(left, right), b[6], b[7]);
  }

  private static double p(int from, int to, double t) {
    return from == to ? Jc69.same(t) : Jc69.change(t);
  }

  /** Σ over the 4^4 states of the internal nodes (root r, a above t0/t1, c above t2/inner, d above t3/t4). */
  private static double bruteForce(Alignment al, double[] b) {
    double ll = 0;
    for (int s = 0; s < al.sites(); s++) {
      double site = 0;
      for (int r = 0; r < 4; r++) for (int a = 0; a < 4; a++) for (int c = 0; c < 4; c++) for (int d = 0; d < 4; d++) {
        double pr = 0.25 * p(r, a, b[6]) * p(r, c, b[7]) * p(c, d, b[5]);
        pr *= leaf(al, 0, s, a, b[0]) * leaf(al, 1, s, a, b[1]) * leaf(al, 2, s, c, b[4])
            * leaf(al, 3, s, d, b[2]) * leaf(al, 4, s, d, b[3]);
        site += pr;
      }
      ll += Math.log(site);
    }
    return ll;
  }

  /** P(the taxon's observed set | parent state): summed over the states in the set. */
  private static double leaf(Alignment al, int taxon, int site, int parent, double t) {
    double v = 0;
    for (int x = 0; x < 4; x++) if ((al.set(taxon, site) >> x & 1) != 0) v += p(parent, x, t);
    return v;
  }

  @Test
  void pruningEqualsTheSumOverAncestralStates() {
    Alignment al = random(5, 40, 3, true);
    double[] b = {0.05, 0.3, 0.01, 0.2, 0.7, 0.08, 0.15, 1.5};
    double pruned = fiveTaxa(b).logLikelihood(new Jc69(SitePatterns.of(al)));
    assertEquals(bruteForce(al, b), pruned, 1e-10 * Math.abs(pruned));
    assertEquals(pruned, fiveTaxa(b).logLikelihood(new Jc69(SitePatterns.uncompressed(al))), 1e-9);
    assertTrue(SitePatterns.of(random(5, 400, 3, false)).count() < 400, "columns repeat and are compressed");
  }

  /** JC69 is reversible: the same unrooted tree rooted on another edge has the same likelihood. */
  @Test
  void theRootPositionDoesNotMatter() {
    Alignment al = random(5, 60, 4, true);
    double[] b = {0.05, 0.3, 0.01, 0.2, 0.7, 0.08, 0.15, 1.5};
    Jc69 m = new Jc69(SitePatterns.of(al));
    double a = fiveTaxa(b).logLikelihood(m);
    // unrooted: (t0,t1) -[0.15+1.5]- c, c -(t2 0.7), c -[0.08]- (t3,t4). Root it on the branch to t2 instead.
    Tree t34 = Tree.node(List.of(Tree.leaf(3), Tree.leaf(4)), 0.01, 0.2);
    Tree t01 = Tree.node(List.of(Tree.leaf(0), Tree.leaf(1)), 0.05, 0.3);
    Tree c = Tree.node(List.of(t01, t34), 1.65, 0.08);
    Tree rerooted = Tree.node(List.of(Tree.leaf(2), c), 0.3, 0.4);
    assertEquals(a, rerooted.logLikelihood(m), 1e-9);
    Tree trifurcation = Tree.node(List.of(Tree.leaf(2), t01, t34), 0.7, 1.65, 0.08);
    assertEquals(a, trifurcation.logLikelihood(m), 1e-9);
  }

  /**
   * DS1 (27 taxa, 1,949 sites) on a fixed random tree with branch lengths: IQ-TREE 2 gives
   * log-likelihood −11829.2662 under JC (`deploy/bench/jc69-iqtree.sh`, which writes this tree).
   */
  @Test
  void matchesIqTreeOnDs1() throws Exception {
    Alignment ds1 = Alignment.readFasta(new File("../data/phylo/DS1.fasta"));
    Tree tree = Tree.parse(Files.readString(new File("src/test/resources/ds1-random-tree.nwk").toPath()), ds1);
    double ll = tree.logLikelihood(new Jc69(SitePatterns.of(ds1)));
    assertEquals(-11829.2662, ll, 1e-6 * 11829.2662);
    assertEquals(ll, Tree.parse(tree.newick(ds1), ds1).logLikelihood(new Jc69(SitePatterns.of(ds1))), 1e-9);
  }

  /** Short branches between conflicting leaves: per-site likelihoods far below 1e-308, still exact. */
  @Test
  void tinyLikelihoodsAreHandledInLogSpace() {
    int n = 60;
    Alignment al = random(n, 30, 9, false);
    Tree tree = Tree.leaf(0);
    for (int t = 1; t < n; t++) tree = Tree.node(List.of(tree, Tree.leaf(t)), 1e-14, 1e-14);
    double ll = tree.logLikelihood(new Jc69(SitePatterns.of(al)));
    double reference = logSpaceReference(al, tree);
    assertTrue(reference / al.sites() < -708, "every site's likelihood underflows a double: " + reference / al.sites());
    assertEquals(reference, ll, 1e-9 * Math.abs(reference));
  }

  /** Felsenstein's pruning in log space, for the comparison above. */
  private static double logSpaceReference(Alignment al, Tree tree) {
    double ll = 0;
    for (int s = 0; s < al.sites(); s++) {
      double[] root = logPartials(al, s, tree);
      ll += logSumExp(root) + Math.log(0.25);
    }
    return ll;
  }

  private static double[] logPartials(Alignment al, int site, Tree t) {
    double[] v = new double[4];
    if (t.isLeaf()) {
      for (int x = 0; x < 4; x++) v[x] = (al.set(t.taxon(), site) >> x & 1) != 0 ? 0 : Double.NEGATIVE_INFINITY;
      return v;
    }
    for (int c = 0; c < t.children().size(); c++) {
      double[] child = logPartials(al, site, t.children().get(c));
      for (int x = 0; x < 4; x++) {
        double[] terms = new double[4];
        for (int y = 0; y < 4; y++) terms[y] = Math.log(p(x, y, t.lengths()[c])) + child[y];
        v[x] += logSumExp(terms);
      }
    }
    return v;
  }

  private static double logSumExp(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) m = Math.max(m, v);
    if (m == Double.NEGATIVE_INFINITY) return m;
    double s = 0;
    for (double v : x) s += Math.exp(v - m);
    return m + Math.log(s);
  }

  @Test
  void theTwoChildMergeEqualsTheGeneralJoinExactly() {
    Alignment al = random(4, 40, 3, true);
    Jc69 m = new Jc69(SitePatterns.of(al));
    Partials ab = m.merge(m.leaf(0), 0.03, m.leaf(1), 0.2);
    Partials general = m.join(List.of(m.leaf(0), m.leaf(1)), new double[] {0.03, 0.2});
    assertArrayEquals(general.values(), ab.values(), 0.0);
    assertArrayEquals(general.logScale(), ab.logScale(), 0.0);
    Partials abc = m.merge(ab, 0.5, m.leaf(2), 0);
    Partials both = m.join(List.of(ab, m.leaf(2)), new double[] {0.5, 0});
    assertArrayEquals(both.values(), abc.values(), 0.0);
    assertArrayEquals(both.logScale(), abc.logScale(), 0.0);
  }

  @Test
  void badTreesAndBranchLengthsAreRefused() {
    Alignment al = random(3, 5, 1, false);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tree.parse("(t0:0.1,t1:0.2);", al)).getMessage().contains("t2"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tree.parse("(t0,t1,t0);", al)).getMessage().contains("twice"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tree.parse("(t0:x,t1,t2);", al)).getMessage().contains("branch length"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tree.parse("(t0:-1,t1,t2);", al)).getMessage().contains("branch length"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tree.parse("(t0,t1,t9);", al)).getMessage().contains("unknown taxon"));
    Jc69 m = new Jc69(SitePatterns.of(al));
    assertThrows(IllegalArgumentException.class, () -> m.merge(m.leaf(0), Double.NaN, m.leaf(1), 0.1));
    assertEquals(Double.NEGATIVE_INFINITY, Tree.parse("(t0:0,t1:0,t2:0);", random(3, 5, 2, false)).logLikelihood(
        new Jc69(SitePatterns.of(random(3, 5, 2, false)))), "zero-length branches between different states: impossible data");
  }
}
