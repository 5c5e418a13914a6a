package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.SampleMetrics;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class SamplerTest {
  private final Environment env = Fixtures.grid(2, 4);
  private final PolicyArchitecture arch = Fixtures.arch(env, false, true, true);
  private final PolicyEvaluator policy = new PolicyNetwork(arch, 1e-3, 4, DataType.FLOAT).snapshot(3).evaluator();

  @Test
  void trajectoriesAreValidAndReproducibleOneByOne() {
    RolloutSampler s = new RolloutSampler(env, policy);
    Trajectory[] batch = s.sample(50, new Exploration(0.1, 1.0), 77, 1000, 3);
    for (int i = 0; i < batch.length; i++) {
      Trajectory t = batch[i];
      assertEquals(1000 + i, t.id());
      assertEquals(3, t.policyVersion());
      assertEquals(env.exitAction(), t.action(t.length() - 1));
      int[] cur = env.initialState();
      for (int k = 0; k < t.length() - 1; k++) {
        assertArrayEquals(cur, t.state(k));
        cur = env.step(cur, t.action(k));
      }
      assertArrayEquals(cur, t.terminal());
      assertEquals(env.logReward(cur), t.logReward());
    }
    // trajectory 7 alone, from its own seed, in a batch of a different size: the same path
    Trajectory again = s.sample(8, new Exploration(0.1, 1.0), 77, 1000, 3)[7];
    assertArrayEquals(batch[7].actionsView(), again.actionsView());
    assertEquals(batch[7].seed(), again.seed());
  }

  @Test
  void onPolicySamplesFollowTheExactTerminalDistribution() {
    StateSpace space = StateSpace.of(env);
    double[] p = ExactMetrics.terminalDistribution(space, policy);
    assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
    RolloutSampler s = new RolloutSampler(env, policy);
    int n = 40_000;
    Trajectory[] ts = s.sample(n, Exploration.ON_POLICY, 5, 0, 0);
    double[] counts = new double[space.size()];
    for (Trajectory t : ts) counts[space.indexOf(t.terminal())]++;
    double l1 = 0;
    for (int i = 0; i < p.length; i++) l1 += Math.abs(counts[i] / n - p[i]);
    assertTrue(l1 < 0.05, "sample vs DP distribution sum-L1 " + l1);
    // behaviour log-probability of an on-policy trajectory is its exact log P_F path probability
    for (Trajectory t : java.util.Arrays.copyOf(ts, 20)) {
      assertEquals(pathLogProbability(t), t.behaviourLogProb(), 1e-5, "trajectory " + t.id());
    }
  }

  @Test
  void exactDistributionMatchesSamplesOnAPrependAppendDag() {
    // several paths (and parallel edges: prepend/append of the first token) lead to each string
    Environment seq = new org.gfn.envs.PrependAppendSequence("toy", 3, 3, false, x -> 0.1 * x[0] - 0.2 * x[2]);
    PolicyEvaluator p = new PolicyNetwork(Fixtures.arch(seq, false, true, false), 1e-3, 8, DataType.FLOAT)
        .snapshot(0).evaluator();
    StateSpace space = StateSpace.of(seq);
    double[] exact = ExactMetrics.terminalDistribution(space, p);
    assertEquals(1.0, java.util.Arrays.stream(exact).sum(), 1e-9);
    int n = 50_000;
    double[] counts = new double[space.size()];
    for (Trajectory t : new RolloutSampler(seq, p).sample(n, Exploration.ON_POLICY, 3, 0, 0)) counts[space.indexOf(t.terminal())]++;
    double l1 = 0;
    for (int i = 0; i < exact.length; i++) l1 += Math.abs(counts[i] / n - exact[i]);
    assertTrue(l1 < 0.04, "sample vs DP sum-L1 " + l1);
  }

  @Test
  void epsilonOneIsUniformOverLegalActions() {
    RolloutSampler s = new RolloutSampler(env, policy);
    Trajectory[] ts = s.sample(20_000, new Exploration(1.0, 1.0), 9, 0, 0);
    int exitsAtStart = 0;
    for (Trajectory t : ts) exitsAtStart += t.length() == 1 ? 1 : 0;
    assertEquals(1.0 / 3, exitsAtStart / 20_000.0, 0.015, "3 legal actions at s_0");
  }

  @Test
  void backwardRolloutsEndAtTheGivenTerminals() {
    RolloutSampler s = new RolloutSampler(env, policy);
    List<int[]> xs = new ArrayList<>();
    xs.add(new int[] {3, 2});
    xs.add(new int[] {0, 0});
    xs.add(new int[] {1, 3});
    Trajectory[] ts = new org.gfn.model.rollout.BackwardSampler(env, policy).sample(xs, 4, 0, 0);
    for (int i = 0; i < xs.size(); i++) {
      Trajectory t = ts[i];
      assertArrayEquals(xs.get(i), t.terminal());
      assertArrayEquals(env.initialState(), t.state(0));
      assertEquals(xs.get(i)[0] + xs.get(i)[1] + 1, t.length());
      int[] cur = env.initialState();
      for (int k = 0; k < t.length() - 1; k++) cur = env.step(cur, t.action(k));
      assertArrayEquals(xs.get(i), cur);
    }
  }

  @Test
  void exactMetricsAreZeroForTheTargetAndPositiveOtherwise() {
    StateSpace space = StateSpace.of(env);
    ExactReport perfect = ExactMetrics.compare(space, space.targetDistribution(), space.logZ());
    assertEquals(0, perfect.sumL1(), 1e-12);
    assertEquals(0, perfect.jsd(), 1e-12);
    ExactReport r = ExactMetrics.evaluate(space, policy, 0.0);
    assertTrue(r.sumL1() > 0.05);
    assertEquals(r.sumL1() / 2, r.tv(), 1e-15);
    double[] p = ExactMetrics.terminalDistribution(space, policy);
    double[] pi = space.targetDistribution();
    double jsd = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + pi[i]) / 2;
      if (p[i] > 0) jsd += 0.5 * p[i] * Math.log(p[i] / m);
      if (pi[i] > 0) jsd += 0.5 * pi[i] * Math.log(pi[i] / m);
    }
    assertTrue(jsd > 0.01, "an untrained policy is far from the target");
    assertEquals(jsd, r.jsd(), 1e-12, "JSD by its definition");
    assertEquals(space.logZ(), r.logZError(), 1e-12);
  }

  @Test
  void noiseFloorMatchesTheDesignFigure() {
    StateSpace space = StateSpace.of(Fixtures.grid(4, 8));
    assertEquals(0.105, SampleMetrics.noiseFloor(space, 200_000), 0.005);
  }

  @Test
  void mismatchedPolicyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RolloutSampler(Fixtures.grid(3, 4), policy));
  }

  /** log P_F of a trajectory's actions under {@code policy}, step by step. */
  private double pathLogProbability(Trajectory t) {
    var arch = policy.architecture();
    double lp = 0;
    int[] cur = env.initialState();
    for (int k = 0; k < t.length(); k++) {
      float[] f = new float[env.featureSize()];
      env.encode(cur, f, 0);
      float[] out = new float[arch.outputWidth()];
      policy.evaluate(f, 1, out);
      boolean[] mask = new boolean[env.numActions()];
      env.forwardMask(cur, mask);
      double[] pf = new double[env.numActions()];
      org.gfn.model.policy.ActionDistribution.probabilities(out, arch.forwardOffset(), mask, pf);
      lp += Math.log(pf[t.action(k)]);
      if (k < t.length() - 1) cur = env.step(cur, t.action(k));
    }
    return lp;
  }
}
