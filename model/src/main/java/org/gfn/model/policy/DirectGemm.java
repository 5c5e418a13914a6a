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

  /** c = a · bᵀ (a: m × k, b: n × k); the pointers are the arrays' ({@link #pointerOrNull}). */
  static void timesTransposed(INDArray a, FloatPointer pa, INDArray b, FloatPointer pb, INDArray c, FloatPointer pc) {
    if (!ENABLED) {
      Nd4j.gemm(a, b, c, false, true, 1.0, 0.0);
      return;
    }
    int m = (int) a.rows();
    int n = (int) b.rows();
    int k = (int) a.columns();
    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, n, k, 1f, pa, k, pb, k,
        0f, pc, n);
  }

  /** c = aᵀ · b (a: k × m, b: k × n). */
  static void transposedTimes(INDArray a, FloatPointer pa, INDArray b, FloatPointer pb, INDArray c, FloatPointer pc) {
    if (!ENABLED) {
      Nd4j.gemm(a, b, c, true, false, 1.0, 0.0);
      return;
    }
    int m = (int) a.columns();
    int n = (int) b.columns();
    int k = (int) a.rows();
    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, m, n, k, 1f, pa, m, pb, n,
        0f, pc, n);
  }

  /** c = a · b (a: m × k, b: k × n). */
  static void times(INDArray a, FloatPointer pa, INDArray b, FloatPointer pb, INDArray c, FloatPointer pc) {
    if (!ENABLED) {
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      return;
    }
    int m = (int) a.rows();
    int n = (int) b.columns();
    int k = (int) a.columns();
    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1f, pa, k, pb, n,
        0f, pc, n);
  }
}
