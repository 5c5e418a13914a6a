package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.gfn.envs.Environment;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.objectives.QuantileMatching;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.QuantileFlows;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantile matching: gradients, its reduction to flow matching, and the distortions. */
class QuantileMatchingTest {
  private static final Environment ENV = Fixtures.grid(2, 4);

  static QuantileFlows neutral(int n, double kappa) {
    return new QuantileFlows(n, QuantileFlows.Distortion.NEUTRAL, 1.0, kappa);
  }

  /** The network shape QM trains: n outputs per forward action. */
  static PolicyArchitecture arch(int n) {
    return new PolicyArchitecture(ENV.featureSize(), ENV.numActions() * n, ENV.numBackwardActions(), 2, 16, "relu",
        false, false, false);
  }

  @ParameterizedTest
  @CsvSource({"1,1.0,1.0", "4,0.5,1.0", "8,1.0,3.0"})
  void gradientMatchesFiniteDifferences(int n, double kappa, double scale) {
    Objective qm = new QuantileMatching(neutral(n, kappa));
    List<Trajectory> batch = Fixtures.trajectories(ENV, Fixtures.arch(ENV, false, false, false), 6, 11);
    Objective.Prepared p = qm.prepare(batch, ENV, arch(n));
    Random rng = new Random(5);
    double[] out = new double[p.rows() * arch(n).outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = scale * rng.nextGaussian(); // scale 3: both Huber regimes
    int checked = Fixtures.assertGradient(p, out, 0);
    assertTrue(checked > 20, "the check must exercise non-zero gradients");
  }

  /** One quantile at τ = 1/2 with every |δ| ≤ κ: each term is FM's δ² / 4κ. */
  @Test
  void oneQuantileIsAQuarterOfFlowMatching() {
    List<Trajectory> batch = Fixtures.trajectories(ENV, Fixtures.arch(ENV, false, false, false), 8, 3);
    PolicyArchitecture fmArch = Fixtures.arch(ENV, false, false, false);
    Objective.Prepared fm = Objectives.byName("FM", 0.9).prepare(batch, ENV, fmArch);
    double kappa = 5.0;
    Objective.Prepared qm = new QuantileMatching(neutral(1, kappa)).prepare(batch, ENV, arch(1));
    assertEquals(fm.rows(), qm.rows());
    assertArrayEquals(fm.features(), qm.features());
    Random rng = new Random(2);
    double[] out = new double[fm.rows() * fmArch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = 0.3 * rng.nextGaussian() - 1.5; // every |δ| under κ
    Objective.Result a = fm.compute(out, 0);
    Objective.Result b = qm.compute(out, 0);
    assertTrue(a.loss() > 1e-3);
    assertEquals(a.loss() / (4 * kappa), b.loss(), 1e-12);
    for (int i = 0; i < out.length; i++) assertEquals(a.dOutputs()[i] / (4 * kappa), b.dOutputs()[i], 1e-12, "output " + i);
    assertEquals(a.logZEstimate(), b.logZEstimate(), 1e-12);
  }

  /** FM's exact solution, each flow copied to every quantile, is QM's fixed point for any n. */
  @ParameterizedTest
  @CsvSource({"1", "8"})
  void flowMatchingSolutionIsTheFixedPoint(int n) {
    PolicyArchitecture fmArch = Fixtures.arch(ENV, false, true, true);
    Fixtures.Exact exact = new Fixtures.Exact(ENV);
    List<Trajectory> batch = Fixtures.trajectories(ENV, fmArch, 20, 3);
    Objective fmObj = Objectives.byName("FM", 0.9);
    double[] fm = ObjectiveGradientTest.outputsFor(fmObj, batch, ENV, fmArch, exact, false);
    PolicyArchitecture a = arch(n);
    int rows = fm.length / fmArch.outputWidth();
    double[] out = new double[rows * a.outputWidth()];
    for (int r = 0; r < rows; r++) {
      for (int act = 0; act < ENV.numActions(); act++) {
        for (int k = 0; k < n; k++) out[r * a.outputWidth() + act * n + k] = fm[r * fmArch.outputWidth() + act];
      }
    }
    Objective.Prepared p = new QuantileMatching(neutral(n, 1.0)).prepare(batch, ENV, a);
    Objective.Result res = p.compute(out, 0);
    assertEquals(0.0, res.loss(), 1e-12);
    for (double g : res.dOutputs()) assertEquals(0.0, g, 1e-12);
    assertEquals(exact.space.logZ(), res.logZEstimate(), 1e-9);
    Random noise = new Random(1);
    for (int i = 0; i < out.length; i++) out[i] += 0.3 * noise.nextGaussian();
    assertTrue(p.compute(out, 0).loss() > 1e-4, "clearly non-zero away from it");
  }

  /** Regressing the exit quantiles on noisy rewards recovers the reward's quantiles. */
  @Test
  void exitQuantilesConvergeToTheRewardQuantiles() {
    QuantileFlows flows = neutral(4, 0.05);
    double[] target = new double[4];
    org.apache.commons.math3.distribution.NormalDistribution z = new org.apache.commons.math3.distribution.NormalDistribution();
    for (int k = 0; k < 4; k++) target[k] = 0.5 * z.inverseCumulativeProbability(flows.tau(k));
    double[] q = new double[4];
    Random rng = new Random(3);
    PolicyArchitecture a = arch(4);
    int exitBase = a.outputWidth() + ENV.exitAction() * 4; // row 1: the terminal s_0 of an immediate exit
    double[] avg = new double[4];
    int steps = 200_000;
    for (int step = 0; step < steps; step++) {
      double logR = 0.5 * rng.nextGaussian();
      Trajectory t = new Trajectory(0, 0, 0, ENV.stateSize(), ENV.initialState(), new int[] {ENV.exitAction()}, logR, 0,
          Trajectory.Origin.SAMPLED);
      Objective.Prepared p = new QuantileMatching(flows).prepare(List.of(t), ENV, a);
      double[] out = new double[p.rows() * a.outputWidth()];
      System.arraycopy(q, 0, out, exitBase, 4);
      double[] g = p.compute(out, 0).dOutputs();
      for (int k = 0; k < 4; k++) q[k] -= 0.002 * g[exitBase + k];
      if (step >= steps / 2) for (int k = 0; k < 4; k++) avg[k] += q[k] / (steps / 2); // Polyak averaging
    }
    for (int k = 0; k < 4; k++) assertEquals(target[k], avg[k], 0.03, "quantile " + k);
  }

  @Test
  void distortionWeights() {
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, neutral(4, 1).weights(), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5, 0, 0, 0, 0, 0, 0},
        new QuantileFlows(8, QuantileFlows.Distortion.CVAR, 0.25, 1).weights(), 1e-12);
    double[] wang = new QuantileFlows(8, QuantileFlows.Distortion.WANG, -0.75, 1).weights();
    for (int k = 1; k < 8; k++) assertTrue(wang[k] < wang[k - 1], "risk-averse Wang weighs low levels more");
    double[] seek = new QuantileFlows(8, QuantileFlows.Distortion.WANG, 0.75, 1).weights();
    for (int k = 1; k < 8; k++) assertTrue(seek[k] > seek[k - 1], "risk-seeking Wang weighs high levels more");
    float[] raw = {1f, 2f, 3f, 4f, -1f, -1f, -1f, -1f};
    float[] logits = new float[2];
    QuantileFlows.logits(raw, 0, 2, 4, neutral(4, 1).weights(), logits, 0);
    assertEquals(Math.log((Math.E + Math.exp(2) + Math.exp(3) + Math.exp(4)) / 4), logits[0], 1e-6);
    assertEquals(-1f, logits[1], 1e-6);
  }
}
