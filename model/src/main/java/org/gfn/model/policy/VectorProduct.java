package org.gfn.model.policy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * y = x·W + b with the JDK Vector API (incubator module {@code jdk.incubator.vector}): per row,
 * the outputs in blocks of two machine vectors held in registers while the inputs stream past,
 * a fused multiply-add each. About four times the scalar loops on the short rows of an entity
 * policy (the JIT's own vectoriser gives up on rows of tens of values); callers pad nOut to
 * {@link #LANES} where they can, as the tail is scalar. Only loaded when {@link Dense#vectorised}
 * found the module.
 */
final class VectorProduct {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** Doubles per machine vector. */
  static final int LANES = S.length();

  private VectorProduct() {}

  static void forward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y) {
    int lanes = S.length();
    for (int r = 0; r < m; r++) {
      int xr = r * nIn;
      int yr = r * nOut;
      int j = 0;
      for (; j + 2 * lanes <= nOut; j += 2 * lanes) {
        DoubleVector a0 = DoubleVector.zero(S); // no branches or merges: the JIT keeps both in registers
        DoubleVector a1 = DoubleVector.zero(S);
        for (int i = 0; i < nIn; i++) {
          DoubleVector xv = DoubleVector.broadcast(S, x[xr + i]);
          int wi = w + i * nOut + j;
          a0 = DoubleVector.fromArray(S, p, wi).fma(xv, a0);
          a1 = DoubleVector.fromArray(S, p, wi + lanes).fma(xv, a1);
        }
        a0.intoArray(y, yr + j);
        a1.intoArray(y, yr + j + lanes);
      }
      for (; j + lanes <= nOut; j += lanes) {
        DoubleVector a0 = DoubleVector.zero(S);
        for (int i = 0; i < nIn; i++) {
          a0 = DoubleVector.fromArray(S, p, w + i * nOut + j).fma(DoubleVector.broadcast(S, x[xr + i]), a0);
        }
        a0.intoArray(y, yr + j);
      }
      for (; j < nOut; j++) { // scalar (masked loads are not compiled to vector code in JDK 17)
        double acc = 0;
        for (int i = 0; i < nIn; i++) acc += x[xr + i] * p[w + i * nOut + j];
        y[yr + j] = acc;
      }
      if (b >= 0) {
        for (int k = 0; k < nOut; k++) y[yr + k] += p[b + k];
      }
    }
  }
}
