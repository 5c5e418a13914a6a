package org.gfn.envs;

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
