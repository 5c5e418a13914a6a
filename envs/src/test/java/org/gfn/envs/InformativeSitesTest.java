package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Random;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloForest;
import org.junit.jupiter.api.Test;

/**
 * Parsimony on the informative sites only: which sites are informative, the fixed cost of the
 * others, and the full Fitch score of complete trees on DS1 and DS8 against a textbook per-site
 * Fitch over every site; a forest's score never exceeds the score of a tree it becomes.
 */
class InformativeSitesTest {
  @Test
  void informativeSitesAndFixedCostsByHand() {
    // site 1: A A C C (informative); site 2: A C G T (3 changes on any tree); site 3: A A ? T (1)
    Alignment a = Alignment.of(List.of("a", "b", "c", "d"), List.of("AAA", "ACA", "CGN", "CTT"));
    assertTrue(a.informative(0));
    assertFalse(a.informative(1));
    assertFalse(a.informative(2), "a missing character counts for no state");
    assertEquals(1, a.minimumChanges(0));
    assertEquals(3, a.minimumChanges(1));
    assertEquals(1, a.minimumChanges(2));
    PhyloForest env = new PhyloForest(a, 0, 1);
    assertEquals(1, env.scoredSites());
    assertEquals(4, env.parsimony(env.initialState()), "the single taxa: only the fixed cost");
    assertEquals(2, env.entityLayout().features(), "features: presence and the one informative site");
    assertThrows(IllegalArgumentException.class, () -> a.select(new int[0]));
  }

  @Test
  void completeTreesScoreAsTextbookFitchOverEverySite() {
    int[][] expected = {{1, 206}, {8, 229}};
    Random rng = new Random(5);
    for (int[] e : expected) {
      Alignment a = Alignment.readFasta(new File("../data/phylo/DS" + e[0] + ".fasta"));
      PhyloForest env = new PhyloForest(a, 0, 1);
      assertEquals(e[1], env.scoredSites(), "DS" + e[0] + " informative sites");
      for (int trial = 0; trial < 5; trial++) {
        int[] tree = PhyloForestTest.randomTree(env, rng);
        assertEquals(textbookFitch(a, tree), env.parsimony(tree), "DS" + e[0] + " tree " + trial);
      }
    }
  }

  @Test
  void aForestScoresNoMoreThanTheTreesItBecomes() {
    Alignment a = PhyloForestTest.random(8, 40, 11);
    PhyloForest env = new PhyloForest(a, 0, 1);
    Random rng = new Random(2);
    boolean[] mask = new boolean[env.numActions()];
    for (int trial = 0; trial < 20; trial++) {
      int[] s = env.initialState();
      int previous = env.parsimony(s);
      for (int step = 0; step < 7; step++) {
        env.forwardMask(s, mask);
        int act;
        do act = rng.nextInt(mask.length - 1); while (!mask[act]);
        s = env.step(s, act);
        int now = env.parsimony(s);
        assertTrue(now >= previous, "a merge never lowers the score");
        previous = now;
      }
      assertEquals(textbookFitch(a, s), previous);
    }
  }

  /** Fitch's algorithm site by site on state sets (bits A C G T), recursively over the tree's nodes. */
  static int textbookFitch(Alignment a, int[] tree) {
    long[] nodes = PhyloForestTest.internalNodes(tree);
    long root = 0;
    for (long m : nodes) if (Long.bitCount(m) > Long.bitCount(root)) root = m;
    int total = 0;
    for (int site = 0; site < a.sites(); site++) {
      int[] cost = new int[1];
      fitch(a, nodes, root, site, cost);
      total += cost[0];
    }
    return total;
  }

  private static int fitch(Alignment a, long[] nodes, long m, int site, int[] cost) {
    if (Long.bitCount(m) == 1) return a.set(Long.numberOfTrailingZeros(m), site);
    List<Long> c = PhyloForestTest.childrenOf(nodes, m);
    int x = fitch(a, nodes, c.get(0), site, cost);
    int y = fitch(a, nodes, c.get(1), site, cost);
    if ((x & y) != 0) return x & y;
    cost[0]++;
    return x | y;
  }
}
