package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.policy.BetaFunction;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Logit-GFN on the executor side: g(β) and its gradient, the two conditioning modes of the
 * plain-Java policy (logit scaling reduces to the unconditioned policy while g ≡ 1), β drawn per
 * trajectory by the sampler, and exact metrics against R^β / Z(β).
 */
class TemperatureConditioningTest {
  private final Environment env = Fixtures.grid(2, 4);
  private final PolicyArchitecture arch = Fixtures.arch(env, false, true, false);

  private static TemperatureConditioning spec(TemperatureConditioning.Mode mode,
      TemperatureConditioning.Distribution d) {
    return TemperatureConditioning.initial(mode, d, 1, 3, 8, new double[] {1, 2, 3}, 3);
  }

  @Test
  void betaFunctionGradientMatchesFiniteDifferences() {
    double[] p = BetaFunction.initialParams(5, 0.4, 9);
    Random rng = new Random(2);
    for (int k = 0; k < p.length; k++) p[k] += rng.nextGaussian();
    BetaFunction f = new BetaFunction(5, 1, 3, p);
    for (double beta : new double[] {0.7, 1.0, 2.3, 4.0}) {
      double[] grad = new double[p.length];
      f.accumulateGradient(beta, 1.0, grad);
      for (int k = 0; k < p.length; k++) {
        double keep = p[k];
        p[k] = keep + 1e-6;
        double up = f.value(beta);
        p[k] = keep - 1e-6;
        double down = f.value(beta);
        p[k] = keep;
        assertEquals((up - down) / 2e-6, grad[k], 1e-7, "beta " + beta + " parameter " + k);
      }
    }
    assertEquals(1.0, BetaFunction.softplus(new BetaFunction(5, 1, 3,
        BetaFunction.initialParams(5, BetaFunction.SOFTPLUS_ONE, 1)).value(2.5)), 1e-12, "g starts at 1");
  }

  @Test
  void logitScalingMultipliesOnlyTheForwardLogitsAndStartsAsTheUnconditionedPolicy() {
    float[] params = Fixtures.model(arch, 4, DataType.FLOAT).params();
    TemperatureConditioning fresh = spec(TemperatureConditioning.Mode.LOGIT_SCALING,
        TemperatureConditioning.Distribution.UNIFORM);
    PolicyEvaluator plain = new PolicySnapshot(0, arch, params).evaluator();
    PolicyEvaluator tempered = new PolicySnapshot(0, arch, params, fresh).evaluator();
    assertEquals(arch, tempered.architecture(), "the same shape as the unconditioned policy");
    int rows = 5;
    float[] x = features(rows);
    float[] a = new float[rows * arch.outputWidth()];
    float[] b = new float[a.length];
    plain.evaluate(x, rows, a);
    for (double beta : new double[] {1, 2.5}) {
      tempered.setBeta(beta);
      tempered.evaluate(x, rows, b);
      assertArrayEquals(a, b, 1e-6f, "g = 1 before training: the unconditioned policy at beta " + beta);
    }
    double[] g = fresh.scale().clone();
    for (int k = 0; k < g.length; k++) g[k] += 0.3 * (k % 3 - 1);
    TemperatureConditioning trained = fresh.withScale(g);
    PolicyEvaluator scaled = new PolicySnapshot(0, arch, params, trained).evaluator();
    double[] betas = {1, 1.5, 2, 2.5, 3};
    scaled.setBetas(betas);
    scaled.evaluate(x, rows, b);
    BetaFunction fn = trained.scaleFunction();
    for (int r = 0; r < rows; r++) {
      double factor = BetaFunction.softplus(fn.value(betas[r]));
      for (int j = 0; j < arch.outputWidth(); j++) {
        int i = r * arch.outputWidth() + j;
        double want = j < arch.numActions() ? factor * a[i] : a[i];
        assertEquals(want, b[i], 1e-5 * (1 + Math.abs(want)), "row " + r + " output " + j);
      }
    }
    assertNotEquals(BetaFunction.softplus(fn.value(1)), BetaFunction.softplus(fn.value(3)), 1e-3);
  }

  @Test
  void layerModeReadsTheBetaEmbeddingBehindTheEnvironmentsFeatures() {
    TemperatureConditioning spec = spec(TemperatureConditioning.Mode.LAYER, TemperatureConditioning.Distribution.UNIFORM);
    int f = env.featureSize();
    PolicyArchitecture wide = new PolicyArchitecture(f + spec.extraFeatures(), arch.numActions(),
        arch.numBackwardActions(), 2, 16, "relu", false, true, false);
    float[] params = Fixtures.model(wide, 4, DataType.FLOAT).params();
    PolicyEvaluator tempered = new PolicySnapshot(0, wide, params, spec).evaluator();
    PolicyEvaluator raw = new PolicySnapshot(0, wide, params).evaluator();
    assertEquals(f, tempered.architecture().featureSize(), "samplers see the environment's features");
    int rows = 3;
    float[] x = features(rows);
    double[] betas = {1, 2, 3};
    float[] augmented = new float[rows * wide.featureSize()];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * f, augmented, r * wide.featureSize(), f);
      spec.embed(betas[r], augmented, r * wide.featureSize() + f);
    }
    float[] want = new float[rows * wide.outputWidth()];
    float[] got = new float[want.length];
    raw.evaluate(augmented, rows, want);
    tempered.setBetas(betas);
    tempered.evaluate(x, rows, got);
    assertArrayEquals(want, got, 1e-6f);
    float[] atOne = new float[want.length];
    tempered.setBeta(1);
    tempered.evaluate(x, rows, atOne);
    assertNotEquals(atOne[wide.outputWidth() * 2], got[wide.outputWidth() * 2], "beta changes the output");
  }

  private float[] features(int rows) {
    StateSpace space = StateSpace.of(env);
    float[] x = new float[rows * env.featureSize()];
    for (int r = 0; r < rows; r++) env.encode(space.state(r + 1), x, r * env.featureSize());
    return x;
  }

  @Test
  void theSamplerDrawsBetaPerTrajectoryOrTakesTheOneItIsGiven() {
    float[] params = Fixtures.model(arch, 4, DataType.FLOAT).params();
    for (TemperatureConditioning.Distribution d : TemperatureConditioning.Distribution.values()) {
      PolicySnapshot snap = new PolicySnapshot(0, arch, params, spec(TemperatureConditioning.Mode.LOGIT_SCALING, d));
      Trajectory[] ts = new RolloutSampler(env, snap.forwardEvaluator()).sample(4000, Exploration.ON_POLICY, 5, 0, 0);
      double mean = 0;
      for (Trajectory t : ts) {
        assertTrue(t.beta() >= 1 && t.beta() <= 3, "beta " + t.beta());
        mean += t.beta() / ts.length;
      }
      double want = d == TemperatureConditioning.Distribution.UNIFORM ? 2.0 : 2 / Math.log(3); // E β
      assertEquals(want, mean, 0.03, d + " mean beta");
      Trajectory[] again = new RolloutSampler(env, snap.forwardEvaluator()).sample(50, Exploration.ON_POLICY, 5, 0, 0);
      for (int i = 0; i < again.length; i++) {
        assertEquals(ts[i].beta(), again[i].beta(), 0.0, "reproducible");
        assertArrayEquals(ts[i].actionsView(), again[i].actionsView());
      }
      for (Trajectory t : new RolloutSampler(env, snap.forwardEvaluator()).sample(20, Exploration.ON_POLICY, 5, 0, 0, 2.5)) {
        assertEquals(2.5, t.beta(), 0.0);
      }
    }
    RolloutSampler plain = new RolloutSampler(env, new PolicySnapshot(0, arch, params).forwardEvaluator());
    assertEquals(1.0, plain.sample(3, Exploration.ON_POLICY, 1, 0, 0)[0].beta(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> plain.sample(3, Exploration.ON_POLICY, 1, 0, 0, 2.0));
  }

  @Test
  void exactMetricsCompareWithTheTemperedTarget() {
    StateSpace space = StateSpace.of(env);
    double[] pi = space.targetDistribution();
    ExactReport atOne = ExactMetrics.compare(space, pi, space.logZ(), 1.0);
    assertEquals(0.0, atOne.tv(), 1e-12);
    assertEquals(0.0, atOne.logZError(), 1e-12);
    double beta = 2.5;
    double z = 0;
    for (int i = 0; i < space.size(); i++) if (space.isTerminal(i)) z += Math.exp(beta * space.logReward(i));
    double[] tempered = new double[space.size()];
    for (int i = 0; i < space.size(); i++) tempered[i] = space.isTerminal(i) ? Math.exp(beta * space.logReward(i)) / z : 0;
    ExactReport r = ExactMetrics.compare(space, tempered, Math.log(z), beta);
    assertEquals(0.0, r.tv(), 1e-12);
    assertEquals(0.0, r.logZError(), 1e-9);
    ExactReport mismatch = ExactMetrics.compare(space, pi, Math.log(z), beta);
    assertTrue(mismatch.tv() > 0.05, "R/Z is not R^2.5/Z(2.5): " + mismatch.tv());
    assertEquals("2.5", ExactMetrics.label(2.5));
    assertEquals("2", ExactMetrics.label(2.0));
  }
}
