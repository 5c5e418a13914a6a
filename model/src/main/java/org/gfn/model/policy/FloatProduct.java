package org.gfn.model.policy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The MLP snapshot's dense layers in float with the JDK Vector API: y[r, yOff + j] = b_j + Σ_i
 * x[r, i]·W[i, j], W input-major. {@link #dense} holds two rows' outputs, four machine vectors
 * each, in registers while the inputs stream past (each weight vector loaded once for both rows);
 * {@link #sparse} skips zero inputs row by row, for one-hot-heavy features; {@link #narrow} takes
 * layers narrower than a machine vector (the heads) as dot products. Only loaded when
 * {@link Dense#vectorised} found the module; tails past whole vectors are scalar.
 */
final class FloatProduct {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final int LANES = F.length();

  private FloatProduct() {}

  static void dense(float[] x, int rows, int nIn, float[] w, float[] b, int nOut, float[] y, int yStride, int yOff) {
    int r = 0;
    for (; r + 1 < rows; r += 2) {
      int x0 = r * nIn;
      int x1 = x0 + nIn;
      int y0 = r * yStride + yOff;
      int y1 = y0 + yStride;
      int j = 0;
      for (; j + 4 * LANES <= nOut; j += 4 * LANES) {
        FloatVector a0 = FloatVector.fromArray(F, b, j);
        FloatVector a1 = FloatVector.fromArray(F, b, j + LANES);
        FloatVector a2 = FloatVector.fromArray(F, b, j + 2 * LANES);
        FloatVector a3 = FloatVector.fromArray(F, b, j + 3 * LANES);
        FloatVector c0 = a0;
        FloatVector c1 = a1;
        FloatVector c2 = a2;
        FloatVector c3 = a3;
        for (int i = 0; i < nIn; i++) {
          FloatVector u = FloatVector.broadcast(F, x[x0 + i]);
          FloatVector v = FloatVector.broadcast(F, x[x1 + i]);
          int wi = i * nOut + j;
          FloatVector w0 = FloatVector.fromArray(F, w, wi);
          FloatVector w1 = FloatVector.fromArray(F, w, wi + LANES);
          FloatVector w2 = FloatVector.fromArray(F, w, wi + 2 * LANES);
          FloatVector w3 = FloatVector.fromArray(F, w, wi + 3 * LANES);
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
        a1.intoArray(y, y0 + j + LANES);
        a2.intoArray(y, y0 + j + 2 * LANES);
        a3.intoArray(y, y0 + j + 3 * LANES);
        c0.intoArray(y, y1 + j);
        c1.intoArray(y, y1 + j + LANES);
        c2.intoArray(y, y1 + j + 2 * LANES);
        c3.intoArray(y, y1 + j + 3 * LANES);
      }
      rowTail(x, x0, nIn, w, b, nOut, y, y0, j);
      rowTail(x, x1, nIn, w, b, nOut, y, y1, j);
    }
    if (r < rows) row(x, r * nIn, nIn, w, b, nOut, y, r * yStride + yOff);
  }

  /** One row's outputs: four vectors at a time (independent accumulators), then {@link #rowTail}. */
  private static void row(float[] x, int xr, int nIn, float[] w, float[] b, int nOut, float[] y, int yr) {
    int j = 0;
    for (; j + 4 * LANES <= nOut; j += 4 * LANES) {
      FloatVector a0 = FloatVector.fromArray(F, b, j);
      FloatVector a1 = FloatVector.fromArray(F, b, j + LANES);
      FloatVector a2 = FloatVector.fromArray(F, b, j + 2 * LANES);
      FloatVector a3 = FloatVector.fromArray(F, b, j + 3 * LANES);
      for (int i = 0; i < nIn; i++) {
        FloatVector u = FloatVector.broadcast(F, x[xr + i]);
        int wi = i * nOut + j;
        a0 = FloatVector.fromArray(F, w, wi).fma(u, a0);
        a1 = FloatVector.fromArray(F, w, wi + LANES).fma(u, a1);
        a2 = FloatVector.fromArray(F, w, wi + 2 * LANES).fma(u, a2);
        a3 = FloatVector.fromArray(F, w, wi + 3 * LANES).fma(u, a3);
      }
      a0.intoArray(y, yr + j);
      a1.intoArray(y, yr + j + LANES);
      a2.intoArray(y, yr + j + 2 * LANES);
      a3.intoArray(y, yr + j + 3 * LANES);
    }
    rowTail(x, xr, nIn, w, b, nOut, y, yr, j);
  }

  /**
   * As {@link #dense} for a layer narrower than a machine vector, whose outputs would all be scalar
   * tails there: each output is a dot product of the row with its weights, output-major
   * ({@code wT[j * nIn + i]}), over two vector accumulators.
   */
  static void narrow(float[] x, int rows, int nIn, float[] wT, float[] b, int nOut, float[] y, int yStride, int yOff) {
    for (int r = 0; r < rows; r++) {
      int xr = r * nIn;
      int yr = r * yStride + yOff;
      for (int j = 0; j < nOut; j++) {
        int wj = j * nIn;
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        int i = 0;
        for (; i + 2 * LANES <= nIn; i += 2 * LANES) {
          a0 = FloatVector.fromArray(F, x, xr + i).fma(FloatVector.fromArray(F, wT, wj + i), a0);
          a1 = FloatVector.fromArray(F, x, xr + i + LANES).fma(FloatVector.fromArray(F, wT, wj + i + LANES), a1);
        }
        float acc = b[j] + a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < nIn; i++) acc += x[xr + i] * wT[wj + i];
        y[yr + j] = acc;
      }
    }
  }

  /** Outputs from {@code j} on for one row: single vectors, then scalar. */
  private static void rowTail(float[] x, int xr, int nIn, float[] w, float[] b, int nOut, float[] y, int yr, int j) {
    for (; j + LANES <= nOut; j += LANES) {
      FloatVector a = FloatVector.fromArray(F, b, j);
      for (int i = 0; i < nIn; i++) a = FloatVector.fromArray(F, w, i * nOut + j).fma(FloatVector.broadcast(F, x[xr + i]), a);
      a.intoArray(y, yr + j);
    }
    for (; j < nOut; j++) {
      float acc = b[j];
      for (int i = 0; i < nIn; i++) acc += x[xr + i] * w[i * nOut + j];
      y[yr + j] = acc;
    }
  }

  /** As {@link #dense}, one row at a time over its non-zero inputs only. */
  static void sparse(float[] x, int rows, int nIn, float[] w, float[] b, int nOut, float[] y, int yStride, int yOff,
      int[] nonZero) {
    for (int r = 0; r < rows; r++) {
      int xr = r * nIn;
      int count = 0;
      for (int i = 0; i < nIn; i++) {
        if (x[xr + i] != 0f) nonZero[count++] = i;
      }
      int yr = r * yStride + yOff;
      int j = 0;
      for (; j + 2 * LANES <= nOut; j += 2 * LANES) {
        FloatVector a0 = FloatVector.fromArray(F, b, j);
        FloatVector a1 = FloatVector.fromArray(F, b, j + LANES);
        for (int k = 0; k < count; k++) {
          int i = nonZero[k];
          FloatVector u = FloatVector.broadcast(F, x[xr + i]);
          a0 = FloatVector.fromArray(F, w, i * nOut + j).fma(u, a0);
          a1 = FloatVector.fromArray(F, w, i * nOut + j + LANES).fma(u, a1);
        }
        a0.intoArray(y, yr + j);
        a1.intoArray(y, yr + j + LANES);
      }
      for (; j < nOut; j++) {
        float acc = b[j];
        for (int k = 0; k < count; k++) acc += x[xr + nonZero[k]] * w[nonZero[k] * nOut + j];
        y[yr + j] = acc;
      }
    }
  }
}
