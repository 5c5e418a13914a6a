package org.gfn.model.objectives;

/** Masked log-softmax over a slice of an output row, and its backward pass. */
final class LogSoftmax {
  private LogSoftmax() {}

  /** log Σ_{j legal} exp(x[off + j]). */
  static double logSumExp(double[] x, int off, boolean[] mask, int maskOff, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) if (mask[maskOff + j]) max = Math.max(max, x[off + j]);
    if (max == Double.NEGATIVE_INFINITY) throw new IllegalStateException("no legal action in a row");
    double s = 0;
    for (int j = 0; j < n; j++) if (mask[maskOff + j]) s += Math.exp(x[off + j] - max);
    return max + Math.log(s);
  }

  /**
   * Adds g · d(x[a] − logSumExp)/dx to {@code grad}: g·(1[j = a] − p_j) on legal j. Pass
   * {@code a = -1} for the derivative of −logSumExp alone.
   */
  static void backward(double[] x, int off, boolean[] mask, int maskOff, int n, int a, double lse,
      double g, double[] grad) {
    if (g == 0) return;
    for (int j = 0; j < n; j++) {
      if (mask[maskOff + j]) grad[off + j] -= g * Math.exp(x[off + j] - lse);
    }
    if (a >= 0) grad[off + a] += g;
  }

  /** log(exp a + exp b), exact when either is −∞. */
  static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) return b;
    if (b == Double.NEGATIVE_INFINITY) return a;
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }
}
