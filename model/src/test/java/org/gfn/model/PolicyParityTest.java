package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.policy.PolicySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

class PolicyParityTest {

  @ParameterizedTest
  @CsvSource({"relu,false,true,true", "tanh,true,true,true", "leakyrelu,false,false,false", "elu,false,true,false"})
  void plainJavaMatchesDl4jTo1e5(String act, boolean shared, boolean pb, boolean flow) {
    PolicyArchitecture arch = new PolicyArchitecture(24, 5, 4, 2, 64, act, shared, pb, flow);
    PolicyNetwork net = new PolicyNetwork(arch, 1e-3, 3, DataType.FLOAT);
    Random rng = new Random(1);
    float[] params = net.params(); // random biases too (they start at 0), so their layout is checked
    for (int i = 0; i < params.length; i++) params[i] += (float) (0.2 * rng.nextGaussian());
    net.setParams(params);
    int rows = 37;
    float[] x = new float[rows * 24];
    for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat() < 0.3 ? rng.nextFloat() * 2 - 1 : 0f;
    double[] dl4j = net.forward(x, rows);
    float[] plain = new float[rows * arch.outputWidth()];
    net.snapshot(0).evaluator().evaluate(x, rows, plain);
    float[] fwdOnly = new float[rows * arch.outputWidth()];
    net.snapshot(0).forwardEvaluator().evaluate(x, rows, fwdOnly);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < arch.numActions(); j++) {
        int k = r * arch.outputWidth() + j;
        assertEquals(plain[k], fwdOnly[k], 0f, "forward-only evaluator, row " + r);
      }
    }
    int[][] heads = arch.heads();
    for (int r = 0; r < rows; r++) {
      for (int[] h : heads) {
        for (int j = h[0]; j < h[0] + h[1]; j++) {
          int k = r * arch.outputWidth() + j;
          assertEquals(dl4j[k], plain[k], 1e-5, "row " + r + " col " + j);
        }
      }
    }
  }

  @Test
  void snapshotRoundTripsExactly() {
    PolicyArchitecture arch = new PolicyArchitecture(10, 3, 2, 2, 8, "relu", false, true, true);
    PolicyNetwork a = new PolicyNetwork(arch, 1e-3, 1, DataType.FLOAT);
    PolicyNetwork b = new PolicyNetwork(arch, 1e-3, 2, DataType.FLOAT);
    PolicySnapshot s = a.snapshot(7);
    assertEquals(arch.paramCount(), s.params().length);
    b.setParams(s.params());
    assertArrayEquals(s.params(), b.params());
    assertEquals(7, s.version());
    assertThrows(IllegalArgumentException.class, () -> new PolicySnapshot(1, arch, new float[3]));
  }

  @Test
  void badArchitectureIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PolicyArchitecture(10, 3, 2, 2, 8, "sigmoidal", false, true, true));
    assertThrows(IllegalArgumentException.class, () -> new PolicyArchitecture(10, 3, 2, 0, 8, "relu", false, true, true));
  }
}
