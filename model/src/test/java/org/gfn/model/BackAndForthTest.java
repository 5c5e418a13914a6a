package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.IsingModel;
import org.gfn.envs.SpinSequence;
import org.gfn.model.ebgfn.BackAndForth;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.junit.jupiter.api.Test;

/**
 * The back-and-forth MH step keeps the target distribution whatever the proposal: chains started
 * from exact samples and moved with a proposal strongly biased towards +1 spins stay unbiased
 * (without the MH correction they would drift to a mean spin near 0.76).
 */
class BackAndForthTest {
  private final IsingModel model = IsingModel.lattice(3, 0.3);
  private final SpinSequence env = SpinSequence.ising(model);

  /** P_F(+1) = e²/(1 + e²) ≈ 0.88 at every step. */
  private PolicyEvaluator biased() {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, false);
    float[] row = new float[arch.outputWidth()];
    row[arch.forwardOffset() + 1] = 2f;
    return Fixtures.constant(arch, row);
  }

  @Test
  void leavesTheBoltzmannDistributionInvariant() {
    List<int[]> xs = model.exactSamples(6000, 5);
    double exactCorrelation = xs.stream().mapToDouble(model::neighbourCorrelation).average().orElseThrow();
    SplittableRandom rng = new SplittableRandom(9);
    double acceptance = 0;
    for (int t = 0; t < 20; t++) {
      BackAndForth.Result r = BackAndForth.step(env, biased(), xs, t % 2 == 0 ? 4 : 9, rng);
      xs = r.samples();
      acceptance += r.acceptance() / 20;
    }
    double mean = xs.stream().mapToDouble(IsingModel::magnetisation).average().orElseThrow();
    double corr = xs.stream().mapToDouble(model::neighbourCorrelation).average().orElseThrow();
    assertEquals(0, mean, 0.03, "mean spin");
    assertEquals(exactCorrelation, corr, 0.03, "nearest-neighbour correlation");
    assertTrue(acceptance > 0.05 && acceptance < 0.95, "acceptance " + acceptance);
    assertThrows(IllegalArgumentException.class, () -> BackAndForth.step(env, biased(), List.of(new int[9]), 10, rng));
  }
}
