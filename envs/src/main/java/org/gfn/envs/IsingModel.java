package org.gfn.envs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The Ising model on an N×N periodic lattice: E(x) = −xᵀJx with J = σ·A (A the lattice adjacency,
 * each site coupled to its four neighbours) and spins x ∈ {−1, +1}; reward R = exp(−E), so
 * log R(x) = xᵀJx. Also the statistics the benchmarks compare: energy, magnetisation and
 * nearest-neighbour correlation.
 */
public final class IsingModel {
  private final int side;
  private final double[][] j;
  /** Non-zero couplings of each site: neighbour indices and values (J is sparse on a lattice). */
  private final int[][] neighbours;
  private final double[][] weights;

  private IsingModel(int side, double[][] j) {
    this.side = side;
    this.j = j;
    int n = j.length;
    neighbours = new int[n][];
    weights = new double[n][];
    for (int a = 0; a < n; a++) {
      int count = 0;
      for (int b = 0; b < n; b++) if (j[a][b] != 0) count++;
      neighbours[a] = new int[count];
      weights[a] = new double[count];
      for (int b = 0, k = 0; b < n; b++) {
        if (j[a][b] != 0) {
          neighbours[a][k] = b;
          weights[a][k++] = j[a][b];
        }
      }
    }
  }

  /** J = σ·A on an N×N torus (N ≥ 3, so the four neighbours are distinct). */
  public static IsingModel lattice(int side, double sigma) {
    if (side < 3) throw new IllegalArgumentException("Ising lattice side must be >= 3, got " + side);
    int n = side * side;
    double[][] j = new double[n][n];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = r * side + c;
        j[i][((r + 1) % side) * side + c] += sigma;
        j[i][((r + side - 1) % side) * side + c] += sigma;
        j[i][r * side + (c + 1) % side] += sigma;
        j[i][r * side + (c + side - 1) % side] += sigma;
      }
    }
    return new IsingModel(side, j);
  }

  public int side() {
    return side;
  }

  public int sites() {
    return side * side;
  }

  /** A copy of J. */
  public double[][] couplings() {
    double[][] c = new double[j.length][];
    for (int a = 0; a < j.length; a++) c[a] = j[a].clone();
    return c;
  }

  /** Σ_b J_ab x_b: the field site {@code a} feels (J has a zero diagonal). */
  public double localField(int a, int[] spins) {
    double f = 0;
    int[] nb = neighbours[a];
    double[] w = weights[a];
    for (int k = 0; k < nb.length; k++) f += w[k] * spins[nb[k]];
    return f;
  }

  /** xᵀJx; unset spins (0) contribute nothing, so on a partial state it is the set bonds' part. */
  public double logReward(int[] spins) {
    double s = 0;
    for (int a = 0; a < spins.length; a++) {
      if (spins[a] != 0) s += spins[a] * localField(a, spins);
    }
    return s;
  }

  /**
   * E[f(x)] under p(x) ∝ exp(xᵀJx), exactly, by enumerating all 2^n configurations (n ≤ 20): the
   * reference the samplers are checked against on small lattices.
   */
  public double exactMean(ToDoubleFunction<int[]> f) {
    double[] logR = enumeratedLogRewards();
    double max = Arrays.stream(logR).max().orElseThrow();
    int[] x = new int[sites()];
    double z = 0;
    double sum = 0;
    for (int code = 0; code < logR.length; code++) {
      double w = Math.exp(logR[code] - max);
      z += w;
      sum += w * f.applyAsDouble(configuration(code, x));
    }
    return sum / z;
  }

  /** {@code count} independent exact samples (enumerating all 2^n configurations, n ≤ 20). */
  public List<int[]> exactSamples(int count, long seed) {
    double[] logR = enumeratedLogRewards();
    double max = Arrays.stream(logR).max().orElseThrow();
    double[] cdf = new double[logR.length];
    double total = 0;
    for (int code = 0; code < logR.length; code++) cdf[code] = total += Math.exp(logR[code] - max);
    SplittableRandom rng = new SplittableRandom(seed);
    List<int[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int k = Arrays.binarySearch(cdf, rng.nextDouble() * total);
      out.add(configuration(k < 0 ? -k - 1 : k, new int[sites()]));
    }
    return out;
  }

  /** log R of every configuration, indexed by {@link #configuration} code. */
  private double[] enumeratedLogRewards() {
    int n = sites();
    if (n > 20) throw new IllegalArgumentException("exact enumeration visits 2^n configurations; n = " + n + " is too large");
    double[] logR = new double[1 << n];
    int[] x = new int[n];
    for (int code = 0; code < logR.length; code++) logR[code] = logReward(configuration(code, x));
    return logR;
  }

  /** Spins of configuration {@code code}: bit i set means x_i = +1. */
  private static int[] configuration(int code, int[] into) {
    for (int i = 0; i < into.length; i++) into[i] = ((code >> i) & 1) == 1 ? 1 : -1;
    return into;
  }

  /** E(x) = −xᵀJx. */
  public double energy(int[] spins) {
    return -logReward(spins);
  }

  /** Mean spin. */
  public static double magnetisation(int[] spins) {
    double m = 0;
    for (int v : spins) m += v;
    return m / spins.length;
  }

  /** Mean of x_i·x_j over the lattice's nearest-neighbour pairs (right and down, periodic). */
  public double neighbourCorrelation(int[] spins) {
    double s = 0;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = r * side + c;
        s += spins[i] * spins[((r + 1) % side) * side + c] + spins[i] * spins[r * side + (c + 1) % side];
      }
    }
    return s / (2.0 * side * side);
  }
}
