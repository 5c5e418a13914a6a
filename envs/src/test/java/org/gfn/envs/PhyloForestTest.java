package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.envs.phylo.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phylogenetic forest environment and its parsimony: Fitch scores against hand-computed cases
 * and a brute force over every ancestral assignment, the environment's invariants, exact
 * enumeration of 7 taxa (27,007 forests, 10,395 rooted trees), topology identity, Newick output,
 * the shipped DS1–DS8 and refused FASTA files.
 */
class PhyloForestTest {
  @TempDir File dir;

  static Alignment random(int taxa, int sites, long seed) {
    Random rng = new Random(seed);
    List<String> names = new ArrayList<>();
    List<String> seqs = new ArrayList<>();
    for (int t = 0; t < taxa; t++) {
      names.add("t" + t);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sites; s++) sb.append("ACGTACGTACGT-N".charAt(rng.nextInt(14)));
      seqs.add(sb.toString());
    }
    return Alignment.of(names, seqs);
  }

  /** A complete tree by random merges. */
  static int[] randomTree(PhyloForest env, Random rng) {
    int[] s = env.initialState();
    boolean[] mask = new boolean[env.numActions()];
    while (true) {
      env.forwardMask(s, mask);
      if (mask[env.exitAction()]) return s;
      List<Integer> legal = new ArrayList<>();
      for (int a = 0; a < mask.length - 1; a++) if (mask[a]) legal.add(a);
      s = env.step(s, legal.get(rng.nextInt(legal.size())));
    }
  }

  @Test
  void fitchScoresHandComputedTrees() {
    // ((A,B),(C,D)) on sites: AACC -> 1 change at site 1; ACGT -> 3; A A ? T -> 1 (? is free)
    Alignment a = Alignment.of(List.of("a", "b", "c", "d"), List.of("AAA", "ACA", "CGN", "CTT"));
    PhyloForest env = new PhyloForest(a, 0, 1);
    int[] ab = env.step(env.initialState(), env.mergeAction(0, 1));
    int[] abcd = env.step(env.step(ab, env.mergeAction(2, 3)), env.mergeAction(0, 2));
    assertEquals(0 + 3 + 1, env.parsimony(ab), "(a,b): informative site 1 costs 0; sites 2 and 3 cost 3 and 1 on any tree");
    assertEquals(1 + 3 + 1, env.parsimony(abcd));
    assertEquals(-5.0, env.logReward(abcd), 1e-12, "log R = (C − M)/α with C = 0, α = 1");
    assertEquals(env.logReward(abcd), env.intermediateLogReward(abcd), 0, "energy = reward at the end");
  }

  @Test
  void entityKeysNameExactSubtreesAndEntityRowsMatchEncode() throws Exception {
    PhyloForest env = new PhyloForest(random(9, 40, 3), 0, 1);
    int f = env.entityLayout().features();
    Random rng = new Random(5);
    java.util.Map<Object, float[]> seen = new java.util.HashMap<>();
    for (int t = 0; t < 20; t++) {
      int[] s = env.initialState();
      boolean[] mask = new boolean[env.numActions()];
      while (true) {
        float[] all = new float[env.featureSize()];
        env.encode(s, all, 0);
        Object[] keys = env.entityKeys(s);
        for (int i = 0; i < 9; i++) {
          float[] row = new float[f];
          env.encodeEntity(s, i, row, 0);
          assertArrayEquals(java.util.Arrays.copyOfRange(all, i * f, (i + 1) * f), row, "entity row " + i);
          assertEquals(keys[i] == null, row[0] == 0f, "a key exactly where an entity is present");
          if (keys[i] != null) {
            float[] before = seen.putIfAbsent(keys[i], row);
            if (before != null) assertArrayEquals(before, row, "equal keys, equal rows");
          }
        }
        env.forwardMask(s, mask);
        if (mask[env.exitAction()]) break;
        List<Integer> legal = new ArrayList<>();
        for (int a = 0; a < mask.length - 1; a++) if (mask[a]) legal.add(a);
        s = env.step(s, legal.get(rng.nextInt(legal.size())));
      }
      int[] tree = s;
      int[] other = new int[1];
      Thread fresh = new Thread(() -> other[0] = env.parsimony(tree)); // another thread: its own memo
      fresh.start();
      fresh.join();
      assertEquals(env.parsimony(tree), other[0], "the remembered Fitch sets give the score a fresh computation gives");
    }
    int[] ab = env.step(env.initialState(), env.mergeAction(0, 1));
    int[] abC = env.step(ab, env.mergeAction(0, 2));
    int[] bc = env.step(env.initialState(), env.mergeAction(1, 2));
    int[] aBC = env.step(bc, env.mergeAction(0, 1));
    assertNotEquals(env.entityKeys(abC)[0], env.entityKeys(aBC)[0], "((a,b),c) and (a,(b,c)): same taxa, other subtrees");
    assertEquals(env.entityKeys(abC)[0], env.entityKeys(env.step(abC, env.mergeAction(3, 4)))[0], "a root that stays keeps its key");
  }

  @Test
  void fitchEqualsBruteForceOverAncestralStates() {
    Random rng = new Random(3);
    for (int trial = 0; trial < 30; trial++) {
      Alignment a = random(5, 23, trial);
      PhyloForest env = new PhyloForest(a, 0, 1);
      int[] tree = randomTree(env, rng);
      assertEquals(bruteForce(a, tree), env.parsimony(tree), "trial " + trial);
    }
  }

  /** Minimum changes over every assignment of A/C/G/T to the internal nodes, site by site. */
  private static int bruteForce(Alignment a, int[] tree) {
    long[] nodes = internalNodes(tree);
    int total = 0;
    for (int site = 0; site < a.sites(); site++) {
      int best = Integer.MAX_VALUE;
      for (int code = 0; code < 1 << (2 * nodes.length); code++) {
        int cost = 0;
        for (int k = 0; k < nodes.length; k++) {
          int parent = (code >> (2 * k)) & 3;
          for (long child : childrenOf(nodes, nodes[k])) {
            if (Long.bitCount(child) == 1) {
              cost += (a.set(Long.numberOfTrailingZeros(child), site) >> parent & 1) == 1 ? 0 : 1;
            } else {
              int idx = indexOf(nodes, child);
              cost += ((code >> (2 * idx)) & 3) == parent ? 0 : 1;
            }
          }
        }
        best = Math.min(best, cost);
      }
      total += best;
    }
    return total;
  }

  static long[] internalNodes(int[] s) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < s.length / 2; i++) {
      long m = (s[2 * i] & 0xFFFF_FFFFL) | ((long) s[2 * i + 1] << 32);
      if (m != 0) out.add(m);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
    throw new IllegalStateException();
  }

  /** Children of node m: the maximal nodes or taxa strictly inside it (independent of Forest). */
  static List<Long> childrenOf(long[] nodes, long m) {
    List<Long> inside = new ArrayList<>();
    for (long c : nodes) if (c != m && (c & m) == c) inside.add(c);
    List<Long> out = new ArrayList<>();
    long covered = 0;
    inside.sort((x, y) -> Long.bitCount(y) - Long.bitCount(x));
    for (long c : inside) {
      if ((c & covered) == 0) {
        out.add(c);
        covered |= c;
      }
    }
    for (long rest = m & ~covered; rest != 0; rest &= rest - 1) out.add(rest & -rest);
    assertEquals(2, out.size(), "a binary node");
    return out;
  }

  @Test
  void invariantsHold() {
    EnvironmentInvariants.check(new PhyloForest(random(6, 9, 1), 20, 4), 50, 7);
  }

  @Test
  void sevenTaxaEnumerateToAllForestsAndRootedTrees() {
    PhyloForest env = new PhyloForest(random(7, 12, 2), 40, 4);
    assertEquals(27_007, env.enumerableStates());
    StateSpace space = StateSpace.of(env);
    assertEquals(27_007, space.size());
    assertEquals(10_395, space.terminalCount());
    assertEquals(10_395, (long) org.gfn.envs.phylo.ForestCounts.rootedTrees(7));
  }

  @Test
  void topologyIgnoresTheRootAndNewickNamesTheTaxa() {
    Alignment a = Alignment.of(List.of("A", "B", "C", "D"), List.of("A", "C", "G", "T"));
    PhyloForest env = new PhyloForest(a, 0, 1);
    int[] ab = env.step(env.initialState(), env.mergeAction(0, 1));
    int[] abcd = env.step(env.step(ab, env.mergeAction(2, 3)), env.mergeAction(0, 2)); // ((A,B),(C,D))
    int[] abc = env.step(ab, env.mergeAction(0, 2));
    int[] abcThenD = env.step(abc, env.mergeAction(0, 3)); // (((A,B),C),D): same unrooted topology
    int[] ac = env.step(env.initialState(), env.mergeAction(0, 2));
    int[] acbd = env.step(env.step(ac, env.mergeAction(1, 3)), env.mergeAction(0, 1)); // ((A,C),(B,D))
    assertArrayEquals(Trees.topology(abcd, 4), Trees.topology(abcThenD, 4));
    assertFalse(java.util.Arrays.equals(Trees.topology(abcd, 4), Trees.topology(acbd, 4)));
    assertEquals("((A,B),(C,D));", Trees.newick(abcd, a));
    assertEquals("(((A,B),C),D);", Trees.newick(abcThenD, a));
    assertNotEquals(Trees.newick(abcd, a), Trees.newick(acbd, a));
  }

  @Test
  void theShippedDataSetsLoad() {
    int[][] expected = {{27, 1949}, {29, 2520}, {36, 1812}, {41, 1137}, {50, 378}, {50, 1133}, {59, 1824}, {64, 1008}};
    for (int k = 1; k <= 8; k++) {
      Alignment a = Alignment.readFasta(new File("../data/phylo/DS" + k + ".fasta"));
      assertEquals(expected[k - 1][0], a.taxa(), "DS" + k + " taxa");
      assertEquals(expected[k - 1][1], a.sites(), "DS" + k + " sites");
    }
  }

  private File fasta(String name, String text) throws Exception {
    File f = new File(dir, name);
    Files.writeString(f.toPath(), text);
    return f;
  }

  @Test
  void badFastaFilesAreRefusedWithFileAndLine() throws Exception {
    String[][] cases = {
        {"unequal", ">a\nACGT\n>b\nACG\n", "line 3", "3 sites"},
        {"unknown", ">a\nACGT\n>b\nACXT\n", "line 4", "unknown character 'X' at column 3"},
        {"one-taxon", ">a\nACGT\n", "line 1", "only one taxon"},
        {"duplicate", ">a\nACGT\n>b\nACGT\n>a\nACGT\n", "line 5", "duplicate taxon name 'a'"},
        {"headless", "ACGT\n>a\nACGT\n", "line 1", "before the first"},
        {"empty", "", "", "no sequences"}};
    for (String[] c : cases) {
      File f = fasta(c[0] + ".fasta", c[1]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Alignment.readFasta(f), c[0]);
      assertTrue(e.getMessage().contains(f.getPath()) && e.getMessage().contains(c[2]) && e.getMessage().contains(c[3]),
          c[0] + ": " + e.getMessage());
    }
  }

  @Test
  void newickParsesBackToTheSameTreeAndPolytomiesKeepTheScore() {
    Random rng = new Random(9);
    Alignment a = random(8, 40, 4);
    PhyloForest env = new PhyloForest(a, 0, 1);
    for (int i = 0; i < 20; i++) {
      int[] tree = randomTree(env, rng);
      assertArrayEquals(tree, Trees.parseNewick(Trees.newick(tree, a), a));
    }
    Alignment four = Alignment.of(List.of("A", "B", "C", "D"), List.of("AAC", "ACC", "GGT", "GCT"));
    PhyloForest e4 = new PhyloForest(four, 0, 1);
    int[] unrooted = Trees.parseNewick("(A:0.1,B:0.2,(C,D)lbl:0.3);", four); // dnapars writes a trifurcation
    int[] rooted = Trees.parseNewick("((A,B),(C,D));", four);
    assertEquals(e4.parsimony(rooted), e4.parsimony(unrooted));
    assertArrayEquals(Trees.topology(rooted, 4), Trees.topology(unrooted, 4));
    assertThrows(IllegalArgumentException.class, () -> Trees.parseNewick("((A,B),(C,E));", four));
    assertThrows(IllegalArgumentException.class, () -> Trees.parseNewick("((A,B),(C,A));", four));
  }
}
