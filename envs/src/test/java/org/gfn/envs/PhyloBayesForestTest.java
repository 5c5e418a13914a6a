package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.SitePatterns;
import org.gfn.envs.likelihood.Tree;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloBayesForest;
import org.junit.jupiter.api.Test;

/** The Bayesian forest: invariants, its enumerable space, and its marginal likelihood. */
class PhyloBayesForestTest {
  static Alignment five() {
    return Alignment.of(List.of("a", "b", "c", "d", "e"), List.of(
        "ACGTACGTAAGT-ACG", "ACGTACGAAAGTTACG", "ACTTACGAAAGCTACN", "GCTTACGAACGCTAC?", "GCTTTCGAACGCTTCG"));
  }

  @Test
  void invariantsHold() {
    EnvironmentInvariants.check(new PhyloBayesForest(five(), 3, 0.05, 10), 200, 4);
  }

  @Test
  void theSpaceIsEnumerableAndCountsEveryTreeWithItsLengths() {
    PhyloBayesForest env = new PhyloBayesForest(five(), 2, 0.1, 10);
    StateSpace space = StateSpace.of(env);
    assertEquals(env.enumerableStates(), space.size());
    int terminals = 0;
    for (int i = 0; i < space.size(); i++) if (space.isTerminal(i)) terminals++;
    assertEquals(105 * 128, terminals, "105 rooted topologies × 2^7 branch-length choices");
    assertTrue(Double.isFinite(space.logZ()));
  }

  /** Three taxa: one unrooted (star) tree, rooted on each of its 3 edges; log ML = log Z − log 3. */
  @Test
  void marginalLikelihoodOfThreeTaxaIsTheSumOverTheStarTree() {
    Alignment a = Alignment.of(List.of("a", "b", "c"), List.of("ACGTTGCA", "ACGATGCA", "TCGATGGA"));
    int bins = 3;
    PhyloBayesForest env = new PhyloBayesForest(a, bins, 0.2, 10);
    Jc69 m = new Jc69(SitePatterns.of(a));
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[bins * bins * bins];
    int k = 0;
    for (int x = 0; x < bins; x++) for (int y = 0; y < bins; y++) for (int z = 0; z < bins; z++) {
      Tree star = Tree.node(List.of(Tree.leaf(0), Tree.leaf(1), Tree.leaf(2)), env.length(x), env.length(y), env.length(z));
      terms[k] = star.logLikelihood(m) + env.logPrior(x) + env.logPrior(y) + env.logPrior(z);
      max = Math.max(max, terms[k++]);
    }
    double sum = 0;
    for (double t : terms) sum += Math.exp(t - max);
    double direct = max + Math.log(sum);
    assertEquals(direct, env.logMarginalLikelihood(StateSpace.of(env).logZ()), 1e-9);
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PhyloBayesForest(five(), 0, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new PhyloBayesForest(five(), 2, -0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new PhyloBayesForest(five(), 2, 0.1, 0));
  }
}
