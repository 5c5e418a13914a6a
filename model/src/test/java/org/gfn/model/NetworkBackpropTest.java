package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The loss gradient with respect to the DL4J parameters, through backpropGradient, in double. */
class NetworkBackpropTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void parameterGradientMatchesFiniteDifferences(boolean shared) {
    Environment env = Fixtures.grid(2, 4);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 6, "tanh", shared, true, true);
    PolicyNetwork net = new PolicyNetwork(arch, 1e-3, 9, DataType.DOUBLE);
    Objective obj = Objectives.byName("SubTB", 0.9);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 5, 2);
    Objective.Prepared p = obj.prepare(batch, env, arch);
    p.compute(net.forward(p.features(), p.rows()), 0.0);
    net.backward(p.compute(net.forward(p.features(), p.rows()), 0.0).dOutputs());
    double[] g = net.gradient();
    float[] base = net.params();
    double h = 1e-3; // parameters are stored as float in the snapshot layout; perturb coarsely
    int checked = 0;
    for (int i = 0; i < base.length; i += Math.max(1, base.length / 60)) {
      float[] up = base.clone();
      up[i] += (float) h;
      net.setParams(up);
      double lu = p.compute(net.forward(p.features(), p.rows()), 0.0).loss();
      float[] dn = base.clone();
      dn[i] -= (float) h;
      net.setParams(dn);
      double ld = p.compute(net.forward(p.features(), p.rows()), 0.0).loss();
      double fd = (lu - ld) / ((double) up[i] - dn[i]);
      assertEquals(fd, g[i], 1e-4 + 1e-3 * Math.abs(fd), "param " + i);
      if (Math.abs(fd) > 1e-6) checked++;
      net.setParams(base);
    }
    assertTrue(checked > 10);
  }
}
