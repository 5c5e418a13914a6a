package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API product against the scalar loops it replaces (the fallback without the module):
 * every shape an entity policy uses — widths below, at and between whole vectors, with and
 * without bias, weights at an offset — to 1e-12; and the switch that turns it off.
 */
class VectorProductTest {

  @Test
  void theTestJvmRunsTheVectorPath() {
    assertTrue(Dense.vectorised(), "surefire starts the tests with --add-modules=jdk.incubator.vector");
    assertTrue(Dense.JAVA != Dense.SCALAR);
  }

  @Test
  void vectorProductMatchesTheScalarLoops() {
    Random rng = new Random(11);
    int[] sizes = {1, 3, 7, 8, 9, 16, 17, 31, 32, 33, 64, 70};
    for (int nOut : sizes) {
      for (int nIn : new int[] {1, 5, 8, 32}) {
        for (int m : new int[] {1, 4}) {
          int w = rng.nextInt(5);
          boolean bias = rng.nextBoolean();
          double[] p = new double[w + nIn * nOut + nOut];
          for (int k = 0; k < p.length; k++) p[k] = rng.nextGaussian();
          double[] x = new double[m * nIn];
          for (int k = 0; k < x.length; k++) x[k] = rng.nextInt(4) == 0 ? 0 : rng.nextGaussian();
          int b = bias ? w + nIn * nOut : -1;
          double[] expected = new double[m * nOut];
          double[] actual = new double[m * nOut];
          Dense.SCALAR.forward(x, m, nIn, p, w, b, nOut, expected);
          VectorProduct.forward(x, m, nIn, p, w, b, nOut, actual);
          for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * (1 + Math.abs(expected[k])),
                "m=" + m + " nIn=" + nIn + " nOut=" + nOut + " bias=" + bias + " at " + k);
          }
        }
      }
    }
  }

  @Test
  void vectorRowSumsMatchTheScalarLoops() {
    Random rng = new Random(12);
    for (int nOut : new int[] {1, 15, 16, 17, 32, 64, 70}) {
      float[] w = new float[50 * nOut];
      for (int k = 0; k < w.length; k++) w[k] = (float) rng.nextGaussian();
      int[] rows = new int[30];
      for (int k = 0; k < rows.length; k++) rows[k] = rng.nextInt(50);
      float[] expected = new float[nOut];
      float[] actual = new float[nOut];
      for (int j = 0; j < nOut; j++) expected[j] = actual[j] = j * 0.5f;
      Dense.SCALAR.sumRows(w, rows, 25, nOut, expected);
      VectorProduct.sumRows(w, rows, 25, nOut, actual);
      for (int j = 0; j < nOut; j++) assertEquals(expected[j], actual[j], 0f, "nOut=" + nOut + " at " + j);
    }
  }

  @Test
  void vectorNeighbourSumsMatchTheScalarLoops() {
    Random rng = new Random(13);
    for (int d : new int[] {1, 3, 8, 13, 32, 64}) {
      double[] h = new double[40 * d];
      for (int k = 0; k < h.length; k++) h[k] = rng.nextGaussian();
      int[] rows = new int[25];
      for (int k = 0; k < rows.length; k++) rows[k] = rng.nextInt(40);
      double[] expected = new double[3 * d];
      for (int j = 0; j < expected.length; j++) expected[j] = j * 0.25;
      double[] actual = expected.clone();
      for (int row : rows) for (int j = 0; j < d; j++) expected[d + j] += h[row * d + j];
      VectorProduct.addRows(h, rows, d, actual, d);
      for (int j = 0; j < actual.length; j++) assertEquals(expected[j], actual[j], 1e-12, "d=" + d + " at " + j);
    }
  }

  @Test
  void aSystemPropertyTurnsTheVectorPathOff() {
    Dense chosen = Dense.JAVA; // initialised before the property is set
    String before = System.getProperty("gfn.simd");
    try {
      System.setProperty("gfn.simd", "false");
      assertFalse(Dense.vectorised());
      assertEquals(5, Dense.SCALAR.padded(5), "scalar loops need no padding");
      assertEquals(0, chosen.padded(5) % VectorProduct.LANES, "the vector path pads to whole vectors");
    } finally {
      if (before == null) System.clearProperty("gfn.simd");
      else System.setProperty("gfn.simd", before);
    }
  }

  @Test
  void theMlpSnapshotsVectorPathMatchesItsScalarLoops() {
    Random rng = new Random(5);
    for (int features : new int[] {7, 32, 50}) {
      for (int width : new int[] {16, 70, 256}) {
        for (boolean shared : new boolean[] {true, false}) {
          PolicyArchitecture arch = new PolicyArchitecture(features, 5, 3, 2, width, "relu", shared, true, true);
          float[] params = new float[arch.paramCount()]; // biases too (DL4J initialises them to 0)
          for (int k = 0; k < params.length; k++) params[k] = (float) (rng.nextGaussian() / Math.sqrt(width));
          PolicySnapshot snap = new PolicySnapshot(0, arch, params);
          for (int rows : new int[] {1, 2, 3, 5}) {
            float[] x = new float[rows * features];
            for (int k = 0; k < x.length; k++) x[k] = rng.nextInt(3) == 0 ? (float) rng.nextGaussian() : 0f;
            float[] expected = new float[rows * arch.outputWidth()];
            float[] actual = new float[rows * arch.outputWidth()];
            new MlpForward(snap, false, false).evaluate(x, rows, expected);
            new MlpForward(snap, false, true).evaluate(x, rows, actual);
            for (int k = 0; k < expected.length; k++) {
              assertEquals(expected[k], actual[k], 1e-5 * (1 + Math.abs(expected[k])),
                  features + " features, width " + width + ", shared " + shared + ", " + rows + " rows, output " + k);
            }
          }
        }
      }
    }
  }
}
