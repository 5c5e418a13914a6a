package org.gfn.model.policy;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The learner's {@link Linear}: products of at least {@link #MIN_MACS} multiply-adds go to ND4J's
 * BLAS in double, smaller ones to {@link Dense#JAVA} (ND4J costs about 10 µs per op). Same results
 * as the plain-Java layers up to rounding; the gradient checks run through it.
 */
final class Nd4jLinear implements Linear {
  static final long MIN_MACS = 1 << 15;
  private final long minMacs;

  Nd4jLinear() {
    this(MIN_MACS);
  }

  /** @param minMacs the smallest product sent to ND4J (0: all, for tests) */
  Nd4jLinear(long minMacs) {
    this.minMacs = minMacs;
  }

  @Override
  public void forward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y) {
    if ((long) m * nIn * nOut < minMacs) {
      Dense.JAVA.forward(x, m, nIn, p, w, b, nOut, y);
      return;
    }
    INDArray out = matrix(x, m, nIn).mmul(weights(p, w, nIn, nOut));
    if (b >= 0) out.addiRowVector(matrix(p, b, 1, nOut));
    System.arraycopy(values(out), 0, y, 0, m * nOut);
  }

  @Override
  public void backward(double[] x, double[] dy, int m, int nIn, double[] p, int w, int b, int nOut,
      double[] g, double[] dx) {
    if ((long) m * nIn * nOut < minMacs) {
      Dense.JAVA.backward(x, dy, m, nIn, p, w, b, nOut, g, dx);
      return;
    }
    INDArray dY = matrix(dy, m, nOut);
    double[] dW = values(matrix(x, m, nIn).transpose().mmul(dY));
    for (int k = 0; k < nIn * nOut; k++) g[w + k] += dW[k];
    if (b >= 0) {
      double[] db = values(dY.sum(0));
      for (int j = 0; j < nOut; j++) g[b + j] += db[j];
    }
    if (dx != null) {
      double[] v = values(dY.mmul(weights(p, w, nIn, nOut).transpose()));
      for (int k = 0; k < m * nIn; k++) dx[k] += v[k];
    }
  }

  /** A rows × cols ND4J copy of a[from ..], bulk-copied (createFromArray copies one value at a time). */
  private static INDArray matrix(double[] a, int from, int rows, int cols) {
    INDArray m = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
    m.data().asNioDouble().put(a, from, rows * cols);
    return m;
  }

  private static INDArray matrix(double[] a, int rows, int cols) {
    return matrix(a, 0, rows, cols);
  }

  private static INDArray weights(double[] p, int w, int nIn, int nOut) {
    return matrix(p, w, nIn, nOut);
  }

  /** The values of a (c-ordered) result. */
  private static double[] values(INDArray a) {
    double[] v = new double[(int) a.length()];
    a.dup('c').data().asNioDouble().get(v);
    return v;
  }
}
