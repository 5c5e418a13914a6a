package org.gfn.model.learn;

/** Adam (Kingma &amp; Ba 2015) for one scalar parameter, with PyTorch's defaults. */
final class ScalarAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final double lr;
  double m;
  double v;
  long t;

  ScalarAdam(double lr) {
    this.lr = lr;
  }

  /** The update to subtract from the parameter, with the step size scaled by {@code multiplier}. */
  double step(double grad, double multiplier) {
    t++;
    m = BETA1 * m + (1 - BETA1) * grad;
    v = BETA2 * v + (1 - BETA2) * grad * grad;
    double mh = m / (1 - Math.pow(BETA1, t));
    double vh = v / (1 - Math.pow(BETA2, t));
    return lr * multiplier * mh / (Math.sqrt(vh) + EPS);
  }
}
