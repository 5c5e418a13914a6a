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

  private IsingModel(int side, double[][] j) {
    this.side = side;
    this.j = j;
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

  /** A model with an explicit symmetric coupling matrix (EB-GFN learns J). */
  public static IsingModel withCouplings(int side, double[][] j) {
    return new IsingModel(side, j);
  }

  public int side() {
    return side;
  }

  public int sites() {
    return side * side;
  }

  public double[][] couplings() {
    return j;
  }

  /** xᵀJx for spins x ∈ {−1, +1}. */
  public double logReward(int[] spins) {
    double s = 0;
    for (int a = 0; a < spins.length; a++) {
      double row = 0;
      for (int b = 0; b < spins.length; b++) row += j[a][b] * spins[b];
      s += spins[a] * row;
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
