package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn.envs.Environment;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.envs.RandomActions;
import org.gfn.envs.StateSpace;
import org.gfn.model.learn.DynamicsModel;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.objectives.DynamicsSettings;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Random actions on HyperGrid, stochastic DB and its learned dynamics model. */
class StochasticTransitionsTest {
  private static Environment grid(double p) {
    return new RandomActions(new HyperGrid(2, 4, HyperGridRewards.original(4, 0.1, 0.5, 2.0)), p);
  }

  private static PolicySnapshot policy(Environment env, boolean flow) {
    return Fixtures.model(Fixtures.arch(env, false, true, flow), 4, DataType.FLOAT).snapshot(0);
  }

  @Test
  void probabilityZeroIsTheDeterministicEnvironment() {
    HyperGrid plain = Fixtures.grid(2, 4);
    Environment zero = grid(0);
    PolicySnapshot snap = policy(plain, false);
    Trajectory[] a = new RolloutSampler(plain, snap.evaluator()).sample(200, new Exploration(0.2, 1.0), 9, 0, 0);
    Trajectory[] b = new RolloutSampler(zero, snap.evaluator()).sample(200, new Exploration(0.2, 1.0), 9, 0, 0);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].length(), b[i].length());
      for (int k = 0; k < a[i].length(); k++) {
        assertArrayEquals(a[i].state(k), b[i].state(k));
        assertEquals(a[i].action(k), b[i].action(k));
      }
      assertEquals(a[i].behaviourLogProb(), b[i].behaviourLogProb());
    }
    assertArrayEquals(ExactMetrics.terminalDistribution(StateSpace.of(plain), snap.forwardEvaluator()),
        ExactMetrics.terminalDistribution(StateSpace.of(zero), snap.forwardEvaluator()), 0.0);
  }

  @Test
  void sampledMovesFollowTheDynamicsAndTheExactDistributionIncludesThem() {
    Environment env = grid(0.6);
    double[] t = new double[3];
    env.transitionProbabilities(new int[] {0, 0}, 0, t);
    assertArrayEquals(new double[] {0.7, 0.3, 0}, t, 1e-12);
    env.transitionProbabilities(new int[] {3, 1}, 1, t);
    assertArrayEquals(new double[] {0, 1, 0}, t, 1e-12);
    env.transitionProbabilities(new int[] {1, 1}, 2, t);
    assertArrayEquals(new double[] {0, 0, 1}, t, 1e-12);
    PolicyEvaluator skewed = skewed(env); // prefers move 0 strongly, so random moves show
    StateSpace space = StateSpace.of(env);
    double[] exact = ExactMetrics.terminalDistribution(space, skewed);
    double[] deterministic = ExactMetrics.terminalDistribution(StateSpace.of(grid(0)), skewed);
    int n = 200_000;
    double[] counts = new double[space.size()];
    int replaced = 0;
    int moves = 0;
    for (Trajectory tr : new RolloutSampler(env, skewed).sample(n, Exploration.ON_POLICY, 3, 0, 0)) {
      counts[space.indexOf(tr.terminal())] += 1.0 / n;
      for (int k = 0; k + 1 < tr.length(); k++) {
        moves++;
        if (tr.state(k + 1)[tr.action(k)] == tr.state(k)[tr.action(k)]) replaced++;
      }
    }
    double l1 = 0;
    double l1Deterministic = 0;
    for (int i = 0; i < counts.length; i++) {
      l1 += Math.abs(counts[i] - exact[i]);
      l1Deterministic += Math.abs(deterministic[i] - exact[i]);
    }
    assertTrue(l1 < 0.02, "sampled vs exact terminal distribution of policy + dynamics: L1 " + l1);
    assertTrue(l1Deterministic > 0.1, "the dynamics change the distribution: " + l1Deterministic);
    assertTrue(replaced > 0.15 * moves && replaced < 0.35 * moves, replaced + " of " + moves + " moves replaced");
  }

  /** A fixed policy with logits (2, 0, −1) for (move 0, move 1, exit). */
  private static PolicyEvaluator skewed(Environment env) {
    PolicyArchitecture arch = Fixtures.arch(env, false, false, false);
    float[] row = new float[arch.outputWidth()];
    row[0] = 2f;
    row[2] = -1f;
    return Fixtures.constant(arch, row);
  }

  @Test
  void stochasticDbGradientMatchesFiniteDifferences() {
    Environment env = grid(0.5);
    PolicyArchitecture arch = Fixtures.arch(env, false, true, true);
    List<Trajectory> batch = Arrays.asList(new RolloutSampler(env, policy(env, true).evaluator())
        .sample(6, new Exploration(0.3, 1.0), 11, 0, 0));
    Objective sdb = Objectives.byName("SDB", 0.9);
    Objective.Prepared p = sdb.prepare(batch, env, arch);
    Random rng = new Random(5);
    double[] logT = new DynamicsModel(env, new DynamicsSettings(1, 8, 1e-3), 3).logProbs(batch);
    for (int i = 0; i < logT.length; i++) if (logT[i] > Double.NEGATIVE_INFINITY) logT[i] += 0.5 * rng.nextGaussian();
    p.transitionLogProbs(logT);
    double[] out = new double[p.rows() * arch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
    int checked = Fixtures.assertGradient(p, out, 0);
    assertTrue(checked > 20);
  }

  /** With exact (deterministic) dynamics, stochastic DB is DB: same loss, same gradient. */
  @Test
  void stochasticDbWithDeterministicDynamicsIsDetailedBalance() {
    Environment env = grid(0);
    PolicyArchitecture arch = Fixtures.arch(env, false, true, true);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 8, 2);
    Objective.Prepared db = Objectives.byName("DB", 0.9).prepare(batch, env, arch);
    Objective.Prepared sdb = Objectives.byName("SDB", 0.9).prepare(batch, env, arch);
    int nA = env.numActions();
    double[] logT = new double[db.rows() * nA];
    Arrays.fill(logT, Double.NEGATIVE_INFINITY);
    int row = 0;
    for (Trajectory t : batch) {
      for (int k = 0; k + 1 < t.length(); k++) logT[(row + k) * nA + t.action(k)] = 0; // T(e | s, b) = 1[e = b]
      row += t.length();
    }
    sdb.transitionLogProbs(logT);
    Random rng = new Random(8);
    double[] out = new double[db.rows() * arch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
    Objective.Result a = db.compute(out, 0);
    Objective.Result b = sdb.compute(out, 0);
    assertEquals(a.loss(), b.loss(), 1e-12);
    assertArrayEquals(a.dOutputs(), b.dOutputs(), 1e-12);
  }

  @Test
  void theDynamicsModelLearnsTheTransitionProbabilities() {
    Environment env = grid(0.6);
    PolicySnapshot snap = policy(env, false);
    RolloutSampler sampler = new RolloutSampler(env, snap.evaluator());
    DynamicsModel model = new DynamicsModel(env, new DynamicsSettings(2, 32, 3e-3), 1);
    double first = Double.NaN;
    for (int step = 0; step < 600; step++) {
      double nll = model.train(Arrays.asList(sampler.sample(32, Exploration.ON_POLICY, 100 + step, 0, 0)));
      if (step == 0) first = nll;
    }
    // At (0,0), choosing move 0: executed 0 with 0.7, 1 with 0.3.
    Trajectory probe = new Trajectory(0, 0, 0, 2, new int[] {0, 0, 0, 1}, new int[] {0, 2}, 0, 0);
    double[] logT = model.logProbs(List.of(probe));
    assertEquals(0.3, Math.exp(logT[0]), 0.05, "T(1 | (0,0), 0)");
    assertEquals(0.7, Math.exp(logT[1]), 0.05, "T(1 | (0,0), 1)");
    assertTrue(model.lastNll() < first, "trained: NLL " + first + " -> " + model.lastNll());
  }
}
