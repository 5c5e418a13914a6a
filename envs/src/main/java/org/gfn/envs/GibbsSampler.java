package org.gfn.envs;

import java.util.ArrayList;
import java.util.List;
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
    SplittableRandom rng = new SplittableRandom(seed);
    int[] x = randomSpins(n, rng);
    double e = 0;
    double m = 0;
    double c = 0;
    for (int sweep = 0; sweep < burnIn + sweeps; sweep++) {
      sweep(model, x, rng);
      if (sweep >= burnIn) {
        e += model.energy(x);
        m += Math.abs(IsingModel.magnetisation(x));
        c += model.neighbourCorrelation(x);
      }
    }
    return new Statistics(e / sweeps, m / sweeps, c / sweeps, sweeps);
  }

  /**
   * {@code count} samples from one chain: {@code burnIn} sweeps discarded, then one sample kept
   * every {@code thin} sweeps.
   */
  public static List<int[]> samples(IsingModel model, int burnIn, int thin, int count, long seed) {
    if (thin < 1 || burnIn < 0 || count < 0) {
      throw new IllegalArgumentException("need burnIn >= 0, thin >= 1, count >= 0; got " + burnIn + ", " + thin + ", " + count);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] x = randomSpins(model.sites(), rng);
    for (int s = 0; s < burnIn; s++) sweep(model, x, rng);
    List<int[]> out = new ArrayList<>(count);
    while (out.size() < count) {
      for (int s = 0; s < thin; s++) sweep(model, x, rng);
      out.add(x.clone());
    }
    return out;
  }

  private static int[] randomSpins(int n, SplittableRandom rng) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) x[i] = rng.nextBoolean() ? 1 : -1;
    return x;
  }

  /** One heat-bath sweep over all sites in order. */
  private static void sweep(IsingModel model, int[] x, SplittableRandom rng) {
    for (int i = 0; i < x.length; i++) {
      double pPlus = 1 / (1 + Math.exp(-4 * model.localField(i, x)));
      x[i] = rng.nextDouble() < pPlus ? 1 : -1;
    }
  }
}
