package org.gfn.model.policy;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-precision matrix products of {@link Nd4jMlp} on row-major ND4J buffers, straight through
 * OpenBLAS's {@code cblas_sgemm} (the library ND4J's CPU backend runs its own products with):
 * {@code Nd4j.gemm} builds and validates an ND4J op around each product, about 11 µs a call when
 * warm and far more in a fresh JVM. Only on ND4J's CPU backend, where the buffers are host memory;
 * elsewhere (or with {@code -Dgfn.blas=nd4j}) every product goes through {@code Nd4j.gemm}.
 */
final class DirectGemm {
  /** Whether products go to cblas_sgemm. */
  static final boolean ENABLED = !"nd4j".equals(System.getProperty("gfn.blas")) && Nd4j.getEnvironment().isCPU();

  private DirectGemm() {}

  /** A pointer to the first value of {@code a}'s buffer, {@code offset} values in. */
  static FloatPointer pointer(INDArray a, long offset) {
    return new FloatPointer(a.data().addressPointer()).position(offset);
  }

  /** A pointer to the first value of {@code a}'s buffer, {@code offset} values in; null when not {@link #ENABLED}. */
  static FloatPointer pointerOrNull(INDArray a, long offset) {
    return ENABLED ? pointer(a, offset) : null;
  }

  /**
   * c = op(a) · op(b), op the transpose where asked, as {@code Nd4j.gemm(a, b, c, transposeA,
   * transposeB, 1, 0)} computes it; the pointers are the arrays' first values ({@link #pointerOrNull}).
   */
  static void gemm(INDArray a, FloatPointer pa, boolean transposeA, INDArray b, FloatPointer pb, boolean transposeB,
      INDArray c, FloatPointer pc) {
    if (!ENABLED) {
      Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
      return;
    }
    int m = (int) (transposeA ? a.columns() : a.rows());
    int k = (int) (transposeA ? a.rows() : a.columns());
    int n = (int) (transposeB ? b.rows() : b.columns());
    openblas.cblas_sgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
        transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1f, pa, (int) a.columns(), pb,
        (int) b.columns(), 0f, pc, n);
  }
}
