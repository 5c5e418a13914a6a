package org.gfn.model.learn;

/**
 * Adam (Kingma &amp; Ba 2015) over a small double array, with PyTorch's defaults; the last
 * {@code tail} parameters may have their own step size.
 */
final class VectorAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final double lr;
  private final double tailLr;
  private final int tailStart;
  final double[] m;
  final double[] v;
  long t;

  VectorAdam(double lr, int size) {
    this(lr, size, 0, lr);
  }

  /** @param tailLr the step size of the last {@code tail} parameters */
  VectorAdam(double lr, int size, int tail, double tailLr) {
    this.lr = lr;
    this.tailLr = tailLr;
    this.tailStart = size - tail;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** Subtracts the Adam update of {@code grad} from {@code params}, step size × {@code multiplier}. */
  void step(double[] params, double[] grad, double multiplier) {
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < params.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      params[i] -= (i < tailStart ? lr : tailLr) * multiplier * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
    }
  }
}
