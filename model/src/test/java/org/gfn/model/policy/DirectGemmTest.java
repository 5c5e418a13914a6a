package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DirectGemm}'s three products on OpenBLAS equal {@code Nd4j.gemm}'s, on the kinds of
 * arrays {@link Nd4jMlp} hands them: row views of larger buffers and weight matrices viewed inside
 * a flat parameter vector at an offset.
 */
class DirectGemmTest {

  @Test
  void theTestsRunTheDirectPath() {
    assertTrue(DirectGemm.ENABLED, "the tests run on ND4J's CPU backend");
  }

  @Test
  void theDirectProductsEqualNd4jGemm() {
    Nd4j.getRandom().setSeed(3);
    int[][] shapes = {{7, 5, 3}, {81, 33, 256}, {13, 257, 9}}; // m, k, n
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      INDArray bigA = Nd4j.rand(DataType.FLOAT, m + 4, k); // a row view of a larger buffer, as MlpBuffers views them
      INDArray a = MlpBuffers.matrix(bigA, 0, m, k);
      INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 11 + n * k); // a weight matrix 11 values into a parameter vector
      INDArray w = MlpBuffers.matrix(flat, 11, n, k);
      INDArray expected = Nd4j.create(DataType.FLOAT, m, n);
      INDArray actual = Nd4j.create(DataType.FLOAT, m, n);
      Nd4j.gemm(a, w, expected, false, true, 1.0, 0.0);
      DirectGemm.timesTransposed(a, DirectGemm.pointer(bigA, 0), w, DirectGemm.pointer(flat, 11), actual,
          DirectGemm.pointer(actual, 0));
      assertClose(expected, actual, "a · wᵀ " + m + "x" + k + "x" + n);

      INDArray dz = Nd4j.rand(DataType.FLOAT, m, n);
      INDArray dw = Nd4j.create(DataType.FLOAT, n, k);
      INDArray dwDirect = Nd4j.create(DataType.FLOAT, n, k);
      Nd4j.gemm(dz, a, dw, true, false, 1.0, 0.0);
      DirectGemm.transposedTimes(dz, DirectGemm.pointer(dz, 0), a, DirectGemm.pointer(bigA, 0), dwDirect,
          DirectGemm.pointer(dwDirect, 0));
      assertClose(dw, dwDirect, "dzᵀ · a " + m + "x" + k + "x" + n);

      INDArray da = Nd4j.create(DataType.FLOAT, m, k);
      INDArray daDirect = Nd4j.create(DataType.FLOAT, m, k);
      Nd4j.gemm(dz, w, da, false, false, 1.0, 0.0);
      DirectGemm.times(dz, DirectGemm.pointer(dz, 0), w, DirectGemm.pointer(flat, 11), daDirect,
          DirectGemm.pointer(daDirect, 0));
      assertClose(da, daDirect, "dz · w " + m + "x" + k + "x" + n);
    }
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    float[] e = expected.dup().data().asFloat();
    float[] x = actual.dup().data().asFloat();
    assertEquals(e.length, x.length, what);
    for (int i = 0; i < e.length; i++) assertEquals(e[i], x[i], 1e-5f * (1 + Math.abs(e[i])), what + " at " + i);
  }
}
