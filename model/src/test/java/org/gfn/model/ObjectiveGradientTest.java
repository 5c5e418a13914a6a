package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.gfn.envs.BitSequence;
import org.gfn.envs.Environment;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finite-difference gradient checks (double precision) and zero loss at the exact solution. */
class ObjectiveGradientTest {

  static Environment env(String which) {
    return which.equals("grid") ? Fixtures.grid(2, 4)
        : new BitSequence(6, 2, x -> -0.3 * (x[0] + x[1] + x[2]) / 3.0);
  }

  @ParameterizedTest
  @CsvSource({"TB,grid,true", "TB,grid,false", "DB,grid,true", "DB,bits,false", "FLDB,grid,true",
      "SubTB,grid,true", "SubTB,bits,false", "FM,grid,false", "FM,bits,false", "ZVar,grid,true"})
  void gradientMatchesFiniteDifferences(String name, String which, boolean learnedPB) {
    Environment env = env(which);
    Objective obj = Objectives.byName(name, 0.9);
    PolicyArchitecture arch = Fixtures.arch(env, false, learnedPB, true);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 6, 11);
    Objective.Prepared p = obj.prepare(batch, env, arch);
    Random rng = new Random(5);
    double[] out = new double[p.rows() * arch.outputWidth()];
    for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
    double logZ = 0.7;
    Objective.Result r = p.compute(out, logZ);
    double h = 1e-6;
    int checked = Fixtures.assertGradient(p, out, logZ);
    assertTrue(checked > 10, "the check must exercise non-zero gradients");
    double fdZ = (p.compute(out, logZ + h).loss() - p.compute(out, logZ - h).loss()) / (2 * h);
    assertEquals(fdZ, r.dLogZ(), 1e-6, name + " log Z");
    if (obj.usesLogZ()) assertTrue(Math.abs(r.dLogZ()) > 0);
  }

  @ParameterizedTest
  @CsvSource({"TB,grid", "DB,grid", "FLDB,grid", "SubTB,grid", "FM,grid", "ZVar,grid", "TB,bits", "SubTB,bits", "FM,bits"})
  void zeroAtTheExactSolution(String name, String which) {
    Environment env = env(which);
    Objective obj = Objectives.byName(name, 0.9);
    PolicyArchitecture arch = Fixtures.arch(env, false, true, true);
    Fixtures.Exact exact = new Fixtures.Exact(env);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 20, 3);
    // Rows are laid out per trajectory (states s_0..s_L) except FM, whose rows we rebuild below.
    double[] out = outputsFor(obj, batch, env, arch, exact, name.equals("FLDB"));
    Objective.Result r = obj.prepare(batch, env, arch).compute(out, exact.logF[0]);
    assertEquals(0.0, r.loss(), 1e-12, name + " loss at the exact solution");
    assertEquals(exact.space.logZ(), r.logZEstimate(), 1e-9, name + " log Z estimate");
    // and clearly non-zero away from it
    Random noise = new Random(1);
    for (int i = 0; i < out.length; i++) out[i] += 0.3 * noise.nextGaussian();
    assertTrue(obj.prepare(batch, env, arch).compute(out, exact.logF[0] + 0.3).loss() > 1e-4);
  }

  /** Fills outputs row by row by re-deriving each row's state from the prepared features. */
  static double[] outputsFor(Objective obj, List<Trajectory> batch, Environment env,
      PolicyArchitecture arch, Fixtures.Exact exact, boolean fl) {
    Objective.Prepared p = obj.prepare(batch, env, arch);
    int f = env.featureSize();
    float[] feats = p.features();
    double[] out = new double[p.rows() * arch.outputWidth()];
    float[] enc = new float[f];
    for (int r = 0; r < p.rows(); r++) {
      int match = -1;
      for (int i = 0; i < exact.space.size() && match < 0; i++) {
        env.encode(exact.space.state(i), enc, 0);
        if (java.util.Arrays.equals(enc, java.util.Arrays.copyOfRange(feats, r * f, (r + 1) * f))) match = i;
      }
      int[] s = exact.space.state(match);
      exact.fill(s, arch, out, r * arch.outputWidth(), fl ? env.intermediateLogReward(s) : 0);
    }
    return out;
  }
}
