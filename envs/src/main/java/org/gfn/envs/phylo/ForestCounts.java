package org.gfn.envs.phylo;

/** How many rooted binary trees and forests there are on n labelled taxa. */
public final class ForestCounts {
  private ForestCounts() {}

  /** (2m − 3)!! rooted binary trees on m labelled leaves (1 for m = 1). */
  public static double rootedTrees(int m) {
    double r = 1;
    for (int k = 2 * m - 3; k > 1; k -= 2) r *= k;
    return r;
  }

  /**
   * Forests of rooted binary trees on n labelled taxa: F(n) = Σ_m C(n−1, m−1)·(2m−3)!!·F(n−m) (the
   * tree holding taxon 1 has m taxa); 27,007 for n = 7.
   */
  public static double forests(int n) {
    double[] f = new double[n + 1];
    f[0] = 1;
    for (int k = 1; k <= n; k++) {
      for (int m = 1; m <= k; m++) f[k] += binomial(k - 1, m - 1) * rootedTrees(m) * f[k - m];
    }
    return f[n];
  }

  private static double binomial(int a, int b) {
    double r = 1;
    for (int i = 1; i <= b; i++) r = r * (a - b + i) / i;
    return r;
  }
}
