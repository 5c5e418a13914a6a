package org.gfn.envs;

import java.util.SplittableRandom;

/**
 * Heat-bath Gibbs sampling of p(x) ∝ exp(xᵀJx) with symmetric J: site i is +1 with probability
 * σ(4·Σ_{j≠i} J_ij x_j). Gives the reference statistics (mean energy, |magnetisation|,
 * nearest-neighbour correlation) that trained samplers are compared against.
 */
public final class GibbsSampler {
  /** Means of the statistics over the kept sweeps. */
  public record Statistics(double energy, double absMagnetisation, double neighbourCorrelation, long samples) {}

  private GibbsSampler() {}

  public static Statistics run(IsingModel model, int burnIn, int sweeps, long seed) {
    int n = model.sites();
    double[][] j = model.couplings();
    SplittableRandom rng = new SplittableRandom(seed);
    int[] x = new int[n];
    for (int i = 0; i < n; i++) x[i] = rng.nextBoolean() ? 1 : -1;
    double e = 0;
    double m = 0;
    double c = 0;
    for (int sweep = 0; sweep < burnIn + sweeps; sweep++) {
      for (int i = 0; i < n; i++) {
        double field = 0;
        for (int k = 0; k < n; k++) if (k != i) field += j[i][k] * x[k];
        double pPlus = 1 / (1 + Math.exp(-4 * field));
        x[i] = rng.nextDouble() < pPlus ? 1 : -1;
      }
      if (sweep >= burnIn) {
        e += model.energy(x);
        m += Math.abs(IsingModel.magnetisation(x));
        c += model.neighbourCorrelation(x);
      }
    }
    return new Statistics(e / sweeps, m / sweeps, c / sweeps, sweeps);
  }
}
