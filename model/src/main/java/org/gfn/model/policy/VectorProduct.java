package org.gfn.model.policy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * y = x·W + b with the JDK Vector API (incubator module {@code jdk.incubator.vector}): two rows at a
 * time, their outputs in blocks of four machine vectors held in registers while the inputs stream
 * past, each weight vector loaded once for both rows and a fused multiply-add per output vector. About four times the scalar loops on the short rows of an entity
 * policy (the JIT's own vectoriser gives up on rows of tens of values); callers pad nOut to
 * {@link #LANES} where they can, as the tail is scalar. Only loaded when {@link Dense#vectorised}
 * found the module.
 */
final class VectorProduct {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  /** Doubles per machine vector. */
  static final int LANES = S.length();

  private VectorProduct() {}

  static void forward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y) {
    int r = 0;
    for (; r + 1 < m; r += 2) twoRows(x, r, nIn, p, w, nOut, y);
    if (r < m) oneRow(x, r, nIn, p, w, nOut, y);
    if (b >= 0) {
      for (int k = 0; k < m * nOut; k++) y[k] += p[b + k % nOut];
    }
  }

  /** Rows r and r + 1: four vectors of outputs per row in registers, each weight vector loaded once for both. */
  private static void twoRows(double[] x, int r, int nIn, double[] p, int w, int nOut, double[] y) {
    int lanes = LANES;
    int x0 = r * nIn;
    int x1 = x0 + nIn;
    int y0 = r * nOut;
    int y1 = y0 + nOut;
    int j = 0;
    for (; j + 4 * lanes <= nOut; j += 4 * lanes) {
      DoubleVector a0 = DoubleVector.zero(S); // no branches or merges: the JIT keeps all eight in registers
      DoubleVector a1 = DoubleVector.zero(S);
      DoubleVector a2 = DoubleVector.zero(S);
      DoubleVector a3 = DoubleVector.zero(S);
      DoubleVector c0 = DoubleVector.zero(S);
      DoubleVector c1 = DoubleVector.zero(S);
      DoubleVector c2 = DoubleVector.zero(S);
      DoubleVector c3 = DoubleVector.zero(S);
      for (int i = 0; i < nIn; i++) {
        DoubleVector u = DoubleVector.broadcast(S, x[x0 + i]);
        DoubleVector v = DoubleVector.broadcast(S, x[x1 + i]);
        int wi = w + i * nOut + j;
        DoubleVector w0 = DoubleVector.fromArray(S, p, wi);
        DoubleVector w1 = DoubleVector.fromArray(S, p, wi + lanes);
        DoubleVector w2 = DoubleVector.fromArray(S, p, wi + 2 * lanes);
        DoubleVector w3 = DoubleVector.fromArray(S, p, wi + 3 * lanes);
        a0 = w0.fma(u, a0);
        a1 = w1.fma(u, a1);
        a2 = w2.fma(u, a2);
        a3 = w3.fma(u, a3);
        c0 = w0.fma(v, c0);
        c1 = w1.fma(v, c1);
        c2 = w2.fma(v, c2);
        c3 = w3.fma(v, c3);
      }
      a0.intoArray(y, y0 + j);
      a1.intoArray(y, y0 + j + lanes);
      a2.intoArray(y, y0 + j + 2 * lanes);
      a3.intoArray(y, y0 + j + 3 * lanes);
      c0.intoArray(y, y1 + j);
      c1.intoArray(y, y1 + j + lanes);
      c2.intoArray(y, y1 + j + 2 * lanes);
      c3.intoArray(y, y1 + j + 3 * lanes);
    }
    for (; j + lanes <= nOut; j += lanes) {
      DoubleVector a0 = DoubleVector.zero(S);
      DoubleVector c0 = DoubleVector.zero(S);
      for (int i = 0; i < nIn; i++) {
        DoubleVector w0 = DoubleVector.fromArray(S, p, w + i * nOut + j);
        a0 = w0.fma(DoubleVector.broadcast(S, x[x0 + i]), a0);
        c0 = w0.fma(DoubleVector.broadcast(S, x[x1 + i]), c0);
      }
      a0.intoArray(y, y0 + j);
      c0.intoArray(y, y1 + j);
    }
    tail(x, x0, nIn, p, w, nOut, y, y0, j);
    tail(x, x1, nIn, p, w, nOut, y, y1, j);
  }

  private static void oneRow(double[] x, int r, int nIn, double[] p, int w, int nOut, double[] y) {
    int xr = r * nIn;
    int yr = r * nOut;
    int j = 0;
    for (; j + LANES <= nOut; j += LANES) {
      DoubleVector a0 = DoubleVector.zero(S);
      for (int i = 0; i < nIn; i++) {
        a0 = DoubleVector.fromArray(S, p, w + i * nOut + j).fma(DoubleVector.broadcast(S, x[xr + i]), a0);
      }
      a0.intoArray(y, yr + j);
    }
    tail(x, xr, nIn, p, w, nOut, y, yr, j);
  }

  /** Outputs from {@code j} to the row's end, scalar (masked loads are not compiled to vector code in JDK 17). */
  private static void tail(double[] x, int xr, int nIn, double[] p, int w, int nOut, double[] y, int yr, int j) {
    for (; j < nOut; j++) {
      double acc = 0;
      for (int i = 0; i < nIn; i++) acc += x[xr + i] * p[w + i * nOut + j];
      y[yr + j] = acc;
    }
  }

  /**
   * x[xOff .. xOff + d) += Σ_k h[rows[k] · d ..] (double rows of d values), two machine vectors of
   * outputs held in registers while the rows stream past: a GIN block's neighbour sum.
   */
  static void addRows(double[] h, int[] rows, int d, double[] x, int xOff) {
    int lanes = S.length();
    int j = 0;
    for (; j + 2 * lanes <= d; j += 2 * lanes) {
      DoubleVector a0 = DoubleVector.fromArray(S, x, xOff + j);
      DoubleVector a1 = DoubleVector.fromArray(S, x, xOff + j + lanes);
      for (int row : rows) {
        a0 = a0.add(DoubleVector.fromArray(S, h, row * d + j));
        a1 = a1.add(DoubleVector.fromArray(S, h, row * d + j + lanes));
      }
      a0.intoArray(x, xOff + j);
      a1.intoArray(x, xOff + j + lanes);
    }
    for (; j < d; j++) {
      double acc = x[xOff + j];
      for (int row : rows) acc += h[row * d + j];
      x[xOff + j] = acc;
    }
  }

  /** y[0 .. nOut) += Σ_k W[rows[k]] (float, nOut per row), a block of outputs in a register at a time. */
  static void sumRows(float[] w, int[] rows, int count, int nOut, float[] y) {
    int lanes = F.length();
    int j = 0;
    for (; j + lanes <= nOut; j += lanes) {
      FloatVector acc = FloatVector.fromArray(F, y, j);
      for (int k = 0; k < count; k++) acc = acc.add(FloatVector.fromArray(F, w, rows[k] * nOut + j));
      acc.intoArray(y, j);
    }
    for (; j < nOut; j++) {
      float acc = y[j];
      for (int k = 0; k < count; k++) acc += w[rows[k] * nOut + j];
      y[j] = acc;
    }
  }
}
