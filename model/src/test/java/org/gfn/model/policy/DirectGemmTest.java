package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.FloatPointer;
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
      INDArray dz = Nd4j.rand(DataType.FLOAT, m, n);
      String shape = m + "x" + k + "x" + n;
      FloatPointer pa = DirectGemm.pointer(bigA, 0);
      FloatPointer pw = DirectGemm.pointer(flat, 11);
      FloatPointer pdz = DirectGemm.pointer(dz, 0);
      assertSameProduct(a, pa, false, w, pw, true, m, n, "a · wᵀ " + shape);
      assertSameProduct(dz, pdz, true, a, pa, false, n, k, "dzᵀ · a " + shape);
      assertSameProduct(dz, pdz, false, w, pw, false, m, k, "dz · w " + shape);
    }
  }

  private static void assertSameProduct(INDArray a, FloatPointer pa, boolean ta, INDArray b, FloatPointer pb,
      boolean tb, int rows, int cols, String what) {
    INDArray expected = Nd4j.create(DataType.FLOAT, rows, cols);
    INDArray actual = Nd4j.create(DataType.FLOAT, rows, cols);
    Nd4j.gemm(a, b, expected, ta, tb, 1.0, 0.0);
    DirectGemm.gemm(a, pa, ta, b, pb, tb, actual, DirectGemm.pointer(actual, 0));
    float[] e = expected.data().asFloat();
    float[] x = actual.data().asFloat();
    for (int i = 0; i < e.length; i++) assertEquals(e[i], x[i], 1e-5f * (1 + Math.abs(e[i])), what + " at " + i);
  }
}
