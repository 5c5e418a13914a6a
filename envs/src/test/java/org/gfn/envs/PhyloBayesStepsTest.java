package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.Random;
import org.gfn.envs.likelihood.Jc69;
import org.gfn.envs.likelihood.SitePatterns;
import org.gfn.envs.likelihood.Tree;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloBayesForest;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.junit.jupiter.api.Test;

/**
 * The Bayesian forest with one step per branch-length choice: the same trees, rewards and log Z as
 * the one-action-per-merge {@link PhyloBayesForest}, and an entity view that a set policy reads.
 */
class PhyloBayesStepsTest {
  @Test
  void invariantsHold() {
    EnvironmentInvariants.check(new PhyloBayesSteps(PhyloBayesForestTest.five(), 3, 0.05, 10), 200, 4);
  }

  @Test
  void itsTerminalStatesAndRewardsAreThoseOfTheFlatForest() {
    PhyloBayesForest flat = new PhyloBayesForest(PhyloBayesForestTest.five(), 2, 0.1, 10);
    PhyloBayesSteps steps = new PhyloBayesSteps(PhyloBayesForestTest.five(), 2, 0.1, 10);
    StateSpace a = StateSpace.of(flat);
    StateSpace b = StateSpace.of(steps);
    assertEquals(a.terminalCount(), b.terminalCount());
    assertEquals(105 * 128, b.terminalCount());
    int checked = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!a.isTerminal(i)) continue;
      int[] x = Arrays.copyOf(a.state(i), steps.stateSize()); // no pending merge
      int j = b.indexOf(x);
      assertTrue(j >= 0 && b.isTerminal(j), "terminal state of the flat forest reached");
      assertEquals(a.logReward(i), b.logReward(j), 1e-9);
      checked++;
    }
    assertEquals(a.terminalCount(), checked);
    assertEquals(a.logZ(), b.logZ(), 1e-9);
    assertTrue(b.size() > a.size(), "pending merges are states of their own");
  }

  @Test
  void entityRowsFollowThePendingMerge() {
    PhyloBayesSteps env = new PhyloBayesSteps(PhyloBayesForestTest.five(), 3, 0.05, 10);
    EntityLayout layout = env.entityLayout();
    layout.check(env);
    assertEquals(3, layout.choices());
    int f = layout.features();
    float[] x = new float[env.featureSize()];
    int[] s = env.step(env.initialState(), 1); // pair (0, 2)
    env.encode(s, x, 0);
    assertEquals(0, env.choosingEntity(s));
    assertArrayEquals(new float[] {1, 1, 1, 0}, Arrays.copyOfRange(x, 0, 4), "slot 0 chooses, paired");
    assertArrayEquals(new float[] {1, 0, 1, 0}, Arrays.copyOfRange(x, 2 * f, 2 * f + 4), "slot 2 paired");
    assertArrayEquals(new float[] {1, 0, 0, 0}, Arrays.copyOfRange(x, f, f + 4));
    s = env.step(s, 10 + 2); // bin 2 for slot 0's branch
    env.encode(s, x, 0);
    assertEquals(2, env.choosingEntity(s));
    assertArrayEquals(new float[] {1, 0, 1, 1}, Arrays.copyOfRange(x, 0, 4), "slot 0 holds its chosen bin 3/3");
    assertEquals(1f, x[2 * f + 1]);
    s = env.step(s, 10); // merged
    assertEquals(-1, env.choosingEntity(s));
    env.encode(s, x, 0);
    assertEquals(0f, x[2 * f], "slot 2 is no longer a root");
    float[] row = new float[f];
    Object[] keys = env.entityKeys(s);
    for (int i = 0; i < 5; i++) {
      env.encodeEntity(s, i, row, 0);
      assertArrayEquals(Arrays.copyOfRange(x, i * f, (i + 1) * f), row, "row " + i);
      assertEquals(keys[i] == null, x[i * f] == 0f);
    }
  }

  /** The initial forest's energy is the star tree's log-likelihood, each leaf on the middle bin's branch. */
  @Test
  void theForestEnergyIsItsRootsJoinedByAStar() {
    Alignment a = PhyloBayesForestTest.five();
    PhyloBayesSteps env = new PhyloBayesSteps(a, 4, 0.05, 10);
    double t = 0.05 * 3; // bin 2 of 4
    java.util.List<Tree> leaves = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) leaves.add(Tree.leaf(i));
    double star = Tree.node(leaves, t, t, t, t, t).logLikelihood(new Jc69(SitePatterns.of(a)));
    assertEquals(star, env.intermediateLogReward(env.initialState()), 1e-9);
    // after merging 0 and 2 with bins 1 and 3: the star over {(0:0.1, 2:0.2), 1, 3, 4}, plus two priors
    int[] s = env.step(env.step(env.step(env.initialState(), 1), 10 + 1), 10 + 3);
    Tree cherry = Tree.node(java.util.List.of(Tree.leaf(0), Tree.leaf(2)), 0.1, 0.2);
    double expected = Tree.node(java.util.List.of(cherry, Tree.leaf(1), Tree.leaf(3), Tree.leaf(4)), t, t, t, t)
        .logLikelihood(new Jc69(SitePatterns.of(a)));
    double prior = 2 * Math.log(10 * 0.05) - 10 * (0.1 + 0.2);
    assertEquals(expected + prior, env.intermediateLogReward(s), 1e-9);
  }

  /** DS1's 27 taxa: rollouts of random legal actions end in trees whose reward is the forest energy's. */
  @Test
  void ds1TreesHaveFiniteRewards() throws Exception {
    Alignment ds1 = Alignment.readFasta(new File("../data/phylo/DS1.fasta"));
    PhyloBayesSteps env = new PhyloBayesSteps(ds1, 50, 0.001, 10);
    assertEquals(27 * 26 / 2 + 50 + 1, env.numActions());
    assertEquals(-1, env.enumerableStates());
    Random rng = new Random(3);
    boolean[] mask = new boolean[env.numActions()];
    int[] s = env.initialState();
    int steps = 0;
    while (true) {
      env.forwardMask(s, mask);
      if (mask[env.exitAction()]) break;
      int a;
      do a = rng.nextInt(env.numActions() - 1); while (!mask[a]);
      s = env.step(s, a);
      steps++;
    }
    assertEquals(3 * 26 - 1, steps);
    double r = env.logReward(s);
    assertTrue(Double.isFinite(r) && r < -7000 && r > -200_000, "log R " + r);
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PhyloBayesSteps(PhyloBayesForestTest.five(), 0, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new PhyloBayesSteps(PhyloBayesForestTest.five(), 2, 0.1, 0));
  }
}
