package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.Nd4jMlp;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The hand-written ND4J MLP computes what DL4J's network computes: the same initial parameters,
 * outputs, parameter gradients, Adam steps and Adam state, with shared and separate trunks, over
 * minibatches of different sizes (its buffers are reused and regrown).
 */
class Nd4jMlpTest {

  @ParameterizedTest
  @CsvSource({"true,relu", "false,relu", "false,tanh", "true,leakyrelu", "true,elu"})
  void itTrainsAsTheDl4jNetworkDoes(boolean shared, String activation) {
    Environment env = Fixtures.grid(2, 4);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 12, activation, shared, true, true);
    PolicyNetwork dl4j = new PolicyNetwork(arch, 1e-2, step -> 1.0 / (1 + step), 5, DataType.FLOAT);
    Nd4jMlp mine = new Nd4jMlp(arch, 1e-2, step -> 1.0 / (1 + step), 5);
    assertArrayEquals(dl4j.params(), mine.params(), "the same initialisation");
    double tol = 2e-5; // single precision, different summation orders
    Objective obj = Objectives.byName("SubTB", 0.9);
    int[] sizes = {3, 7, 2, 7, 9};
    for (int step = 0; step < sizes.length; step++) {
      List<Trajectory> batch = Fixtures.trajectories(env, arch, sizes[step], 11 + step);
      Objective.Prepared p = obj.prepare(batch, env, arch);
      double[] a = dl4j.forward(p.features(), p.rows());
      double[] b = mine.forward(p.features(), p.rows());
      assertClose(a, b, tol, "outputs at step " + step);
      dl4j.backward(p.compute(a, 0.0).dOutputs());
      mine.backward(p.compute(b, 0.0).dOutputs());
      assertClose(dl4j.gradient(), mine.gradient(), tol, "gradient at step " + step);
      assertEquals(dl4j.gradientNorm(), mine.gradientNorm(), tol * (1 + dl4j.gradientNorm()));
      dl4j.scaleGradient(0.5);
      mine.scaleGradient(0.5);
      dl4j.applyUpdate(step);
      mine.applyUpdate(step);
      assertClose(toDouble(dl4j.params()), toDouble(mine.params()), tol, "parameters after step " + step);
      assertClose(dl4j.updaterState(), mine.updaterState(), tol, "Adam state after step " + step);
    }
  }

  @Test
  void adamStateMovesBetweenTheTwoClasses() {
    Environment env = Fixtures.grid(2, 4);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 1, 8, "relu", false, true, true);
    PolicyNetwork dl4j = new PolicyNetwork(arch, 1e-2, 3, DataType.DOUBLE);
    Nd4jMlp mine = new Nd4jMlp(arch, 1e-2, step -> 1.0, 3);
    double[] state = new double[dl4j.updaterState().length];
    for (int i = 0; i < state.length; i++) state[i] = i * 0.25; // exact in float
    dl4j.setUpdaterState(state);
    mine.setUpdaterState(dl4j.updaterState());
    assertArrayEquals(state, mine.updaterState(), 0);
    assertThrows(IllegalArgumentException.class, () -> mine.setUpdaterState(new double[3]));
    assertThrows(IllegalArgumentException.class, () -> mine.setParams(new float[3]));
  }

  private static void assertClose(double[] want, double[] got, double tol, String what) {
    assertEquals(want.length, got.length, what);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], tol * (1 + Math.abs(want[i])), what + ", index " + i);
    }
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) d[i] = v[i];
    return d;
  }

}
