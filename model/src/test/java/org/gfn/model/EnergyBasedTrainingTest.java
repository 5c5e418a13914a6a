package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn.envs.IsingModel;
import org.gfn.envs.SpinSequence;
import org.gfn.model.learn.Learner;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.train.Components;
import org.gfn.model.train.EnergyBasedTraining;
import org.gfn.model.train.Settings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * EB-GFN on a 4×4 Ising lattice: from exact samples of the true model (σ = 0.1), learn J with a
 * GFlowNet as the negative sampler; the RMSE to the true J must at least halve from the initial
 * guess J = 0 (log-RMSE lower by at least log 2).
 */
class EnergyBasedTrainingTest {

  @Test
  void recoversTheCouplings() {
    IsingModel truth = IsingModel.lattice(4, 0.1);
    List<int[]> data = EnergyBasedTraining.exactSamples(truth, 20_000, 11);
    EnergyBasedTraining.Couplings j = EnergyBasedTraining.zeroCouplings(16);
    SpinSequence env = EnergyBasedTraining.environment(j, 16);
    Settings s = Settings.load(ConfigFactory.parseString(
        "gfn.policy { shared-trunk = true, width = 128 }\ngfn.learner.learning-rate = 2e-3"));
    var arch = Components.architecture(s, env, Objectives.byName("TB", 0.9));
    Learner learner = new Learner(s.learner(), new PolicyNetwork(arch, 2e-3, 5, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
    double initial = EnergyBasedTraining.rmse(j.couplings(), truth.couplings());
    double[] last = new double[1];
    EnergyBasedTraining.train(j, learner, env, data, new EnergyBasedTraining.Config(120, 8, 16, 256, 0.01, 3),
        (jj, it) -> {
          last[0] = EnergyBasedTraining.rmse(jj, truth.couplings());
          if (it % 40 == 39) System.out.printf("EB-GFN iteration %d: log-RMSE %.3f (initial %.3f)%n", it + 1, Math.log(last[0]), Math.log(initial));
        });
    assertTrue(last[0] <= 0.5 * initial, "RMSE " + initial + " -> " + last[0]);
  }
}
