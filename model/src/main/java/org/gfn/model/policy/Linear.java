package org.gfn.model.policy;

/**
 * y = x·W + b on flat parameter arrays (W input-major at {@code w}, b at {@code b}, or none when
 * {@code b < 0}) and its backward, for the hand-written layers of the structured policy. Two
 * implementations compute the same thing: {@link Dense#JAVA} (plain Java; what executors run) and
 * the learner's ND4J one, which hands large products to BLAS.
 */
interface Linear {
  /** y[m × nOut] = x[m × nIn] · W + b. */
  void forward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y);

  /** Adds dL/dW and dL/db into {@code g} (same offsets as {@code p}) and, unless null, dL/dx into {@code dx}. */
  void backward(double[] x, double[] dy, int m, int nIn, double[] p, int w, int b, int nOut, double[] g, double[] dx);
}
