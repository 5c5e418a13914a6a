package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The learner MLP's Vector API loops (ReLU, its derivative, Adam) give the same bits as the scalar
 * loops they replace (and the values of {@link Activation}'s definitions), at row lengths below, at
 * and between whole machine vectors, with ReLU outputs that are exactly zero.
 */
class VectorMlpLoopsTest {
  private static final int[] LENGTHS = {1, 7, 16, 17, 31, 64, 257};

  @Test
  void theLearnerRunsTheVectorLoops() {
    assertTrue(MlpLoops.SIMD, "surefire starts the tests with --add-modules=jdk.incubator.vector");
  }

  @Test
  void reluAndItsSlopeMatchTheScalarLoops() {
    Random rng = new Random(3);
    for (int n : LENGTHS) {
      float[] y = gaussian(rng, 2 * n + 3);
      float[] vector = new float[y.length];
      float[] scalar = new float[y.length];
      VectorMlpLoops.relu(y, 3, 2 * n, vector, 1);
      MlpLoops.scalarRelu(y, 3, 2 * n, scalar, 1, 0);
      assertArrayEquals(scalar, vector, "relu, n=" + n);
      for (int j = 0; j < 2 * n; j++) assertEquals(Activation.RELU.apply(y[3 + j]), vector[1 + j], 0f);

      float[] e = gaussian(rng, 2 * n + 3);
      float[] a = vector; // ReLU outputs: about half exactly 0
      float[] slopeVector = new float[2 * n + 1];
      float[] slopeScalar = new float[2 * n + 1];
      VectorMlpLoops.reluSlope(e, a, 1, 2 * n, slopeVector, 1);
      MlpLoops.scalarReluSlope(e, a, 1, 2 * n, slopeScalar, 1, 0);
      assertArrayEquals(slopeScalar, slopeVector, "relu slope, n=" + n);
      for (int j = 0; j < 2 * n; j++) {
        assertEquals(e[1 + j] * (float) Activation.RELU.slopeAtOutput(a[1 + j]), slopeVector[1 + j], 0f); // -0 == +0
      }
    }
  }

  @Test
  void adamMatchesTheScalarLoop() {
    Random rng = new Random(4);
    for (int n : LENGTHS) {
      float[] p = gaussian(rng, n);
      float[] m = gaussian(rng, n);
      float[] v = new float[n];
      for (int i = 0; i < n; i++) v[i] = (float) Math.abs(rng.nextGaussian());
      float[] p2 = p.clone();
      float[] m2 = m.clone();
      float[] v2 = v.clone();
      for (int t = 0; t < 3; t++) {
        float[] g = gaussian(rng, n);
        VectorMlpLoops.adam(p, g, m, v, 0.9f, 0.999f, 1e-8f, 0.01f);
        MlpLoops.scalarAdam(p2, g, m2, v2, 0.9f, 0.999f, 1e-8f, 0.01f, 0);
      }
      assertArrayEquals(p2, p, "parameters, n=" + n);
      assertArrayEquals(m2, m, "first moments, n=" + n);
      assertArrayEquals(v2, v, "second moments, n=" + n);
    }
  }

  @Test
  void flushedMomentsNeverBecomeSubnormalWhenGradientsStayZero() {
    Random rng = new Random(5);
    int n = 1001;
    float[] g = gaussian(rng, n);
    for (int i = 0; i < n; i++) g[i] *= 1e-2f;
    float[] p = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    for (int t = 0; t < 1200; t++) {
      if (t == 100) {
        for (int i = 1; i < n; i += 2) g[i] = 0f; // units that stay off from here on
      }
      MlpLoops.adam(p, g, m, v, 0.9f, 0.999f, 1e-8f, 1e-3f);
      if (t % MlpLoops.FLUSH_EVERY == 0) MlpLoops.flushTinyMoments(m, v);
      for (float x : m) assertFalse(x != 0 && Math.abs(x) < Float.MIN_NORMAL, "subnormal first moment at step " + t);
    }
    assertEquals(0f, m[1], "a first moment 1,100 steps after its gradient stopped is 0");
    assertTrue(v[1] > 0, "its second moment decays far more slowly");
  }

  @Test
  void theSumOfSquaresOverEightPartialSumsIsTheSum() {
    Random rng = new Random(6);
    for (int n : new int[] {0, 1, 7, 8, 9, 1001}) {
      float[] x = gaussian(rng, n);
      double expected = 0;
      for (float f : x) expected += (double) f * f;
      assertEquals(expected, MlpLoops.sumOfSquares(x), 1e-12 * (1 + expected), "n=" + n);
    }
  }

  private static float[] gaussian(Random rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) rng.nextGaussian();
    return x;
  }
}
