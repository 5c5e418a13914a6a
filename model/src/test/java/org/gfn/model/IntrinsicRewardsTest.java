package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn.envs.Environment;
import org.gfn.model.objectives.AugmentedTrajectoryBalance;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GAFlowNet's trajectory balance with intrinsic rewards: finite-difference gradients with random
 * intrinsic rewards (edge-based and terminal-only), and exactly TB when the intrinsic rewards are 0.
 */
class IntrinsicRewardsTest {
  private final Environment env = Fixtures.grid(2, 4);

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void gradientMatchesFiniteDifferences(boolean edge) {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, edge);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 6, 11);
    Objective.Prepared p = new AugmentedTrajectoryBalance(edge).prepare(batch, env, arch);
    Random rng = new Random(5);
    double[] logR = new double[p.rows()];
    for (int r = 0; r < logR.length; r++) logR[r] = Math.log(0.05 + rng.nextDouble());
    p.intrinsicRewards(logR);
    double[] out = new double[p.rows() * arch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
    double logZ = 0.7;
    Objective.Result r = p.compute(out, logZ);
    int checked = 0;
    for (int i = 0; i < out.length; i++) {
      double keep = out[i];
      out[i] = keep + 1e-6;
      double up = p.compute(out, logZ).loss();
      out[i] = keep - 1e-6;
      double down = p.compute(out, logZ).loss();
      out[i] = keep;
      double fd = (up - down) / 2e-6;
      assertEquals(fd, r.dOutputs()[i], 1e-6 + 1e-5 * Math.abs(fd), "output " + i);
      if (Math.abs(fd) > 1e-8) checked++;
    }
    assertTrue(checked > 10, "non-zero gradients checked: " + checked);
    double fdZ = (p.compute(out, logZ + 1e-6).loss() - p.compute(out, logZ - 1e-6).loss()) / 2e-6;
    assertEquals(fdZ, r.dLogZ(), 1e-6);
    if (edge) {
      int w = arch.outputWidth();
      double flowGrad = 0;
      for (int row = 0; row < p.rows(); row++) flowGrad += Math.abs(r.dOutputs()[row * w + arch.flowOffset()]);
      assertTrue(flowGrad > 1e-6, "edge rewards train the log F head");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void withoutIntrinsicRewardsItIsTrajectoryBalance(boolean edge) {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, edge);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 8, 3);
    Objective.Prepared gafn = new AugmentedTrajectoryBalance(edge).prepare(batch, env, arch);
    Objective.Prepared tb = Objectives.byName("TB", 0.9).prepare(batch, env, arch);
    double[] zero = new double[gafn.rows()];
    Arrays.fill(zero, Double.NEGATIVE_INFINITY);
    gafn.intrinsicRewards(zero);
    Random rng = new Random(9);
    double[] out = new double[gafn.rows() * arch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
    Objective.Result a = gafn.compute(out, 0.3);
    Objective.Result b = tb.compute(out, 0.3);
    assertEquals(b.loss(), a.loss(), 1e-12);
    assertEquals(b.dLogZ(), a.dLogZ(), 1e-12);
    assertArrayEquals(b.dOutputs(), a.dOutputs(), 1e-12);
  }
}
