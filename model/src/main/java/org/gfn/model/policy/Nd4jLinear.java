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
    readInto(product(matrix(x, 0, m, nIn), false, weights(p, w, nIn, nOut), false, m, nOut), y);
    if (b >= 0) {
      for (int i = 0; i < m; i++) for (int j = 0; j < nOut; j++) y[i * nOut + j] += p[b + j];
    }
  }

  @Override
  public void backward(double[] x, double[] dy, int m, int nIn, double[] p, int w, int b, int nOut,
      double[] g, double[] dx) {
    if ((long) m * nIn * nOut < minMacs) {
      Dense.JAVA.backward(x, dy, m, nIn, p, w, b, nOut, g, dx);
      return;
    }
    INDArray dY = matrix(dy, 0, m, nOut);
    double[] dW = new double[nIn * nOut];
    readInto(product(matrix(x, 0, m, nIn), true, dY, false, nIn, nOut), dW);
    for (int k = 0; k < nIn * nOut; k++) g[w + k] += dW[k];
    if (b >= 0) {
      for (int i = 0; i < m; i++) for (int j = 0; j < nOut; j++) g[b + j] += dy[i * nOut + j];
    }
    if (dx != null) {
      double[] v = new double[m * nIn];
      readInto(product(dY, false, weights(p, w, nIn, nOut), true, m, nIn), v);
      for (int k = 0; k < m * nIn; k++) dx[k] += v[k];
    }
  }

  /** op(a)·op(b) into a fresh c-ordered rows × cols array (one GEMM, no copy of the result). */
  private static INDArray product(INDArray a, boolean transposeA, INDArray b, boolean transposeB, int rows, int cols) {
    INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, 'c');
    Nd4j.gemm(a, b, out, transposeA, transposeB, 1.0, 0.0);
    return out;
  }

  /** Copies a fresh c-ordered array's values into {@code to} (from index 0). */
  private static void readInto(INDArray a, double[] to) {
    a.data().asNioDouble().get(to, 0, (int) a.length());
  }

  /** A rows × cols ND4J copy of a[from ..], bulk-copied (createFromArray copies one value at a time). */
  private static INDArray matrix(double[] a, int from, int rows, int cols) {
    INDArray m = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
    m.data().asNioDouble().put(a, from, rows * cols);
    return m;
  }

  private static INDArray weights(double[] p, int w, int nIn, int nOut) {
    return matrix(p, w, nIn, nOut);
  }
}
