package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.gfn.model.config.Settings;
import org.gfn.model.ebgfn.EnergyBasedRun;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EB-GFN on a 4×4 Ising lattice, configured as the preset conf/ebgfn-ising.conf is: from exact
 * samples of the true model (σ = 0.1), learn J with a GFlowNet as the negative sampler; the RMSE
 * to the true J must at least halve from the initial guess J = 0 (log-RMSE lower by at least
 * log 2).
 */
class EnergyBasedTrainingTest {

  /** mh-steps 0: negatives from the GFlowNet; 16: data moved by a full back-and-forth MH step. */
  @ParameterizedTest
  @CsvSource({"0, 120", "16, 100"})
  void recoversTheCouplings(int mhSteps, int iterations) {
    Settings s = Settings.load(ConfigFactory.parseString(String.join("\n",
        "gfn.env { type = ising, ising { side = 4, sigma = 0.1 } }",
        "gfn.policy { shared-trunk = true, width = 128 }",
        "gfn.learner { learning-rate = 2e-3, clip-norm = 10 }",
        "gfn.ebgfn { enabled = true, report-every = 20, iterations = " + iterations + ", mh-steps = " + mhSteps + " }")));
    EnergyBasedSettings e = EnergyBasedSettings.read(s);
    List<int[]> data = EnergyBasedRun.localData(s, e);
    assertEquals(20_000, data.size());
    List<EnergyBasedRun.Row> seen = new ArrayList<>();
    EnergyBasedRun.Result r = EnergyBasedRun.run(s, e, data, row -> {
      seen.add(row);
      System.out.println("EB-GFN " + row.progressLine());
    });
    assertEquals(iterations / 20, seen.size());
    assertEquals(iterations * 8, seen.get(seen.size() - 1).learnerStep());
    assertEquals(mhSteps > 0, !Double.isNaN(seen.get(0).acceptance()));
    assertTrue(r.finalRmse() <= 0.5 * r.initialRmse(), "RMSE " + r.initialRmse() + " -> " + r.finalRmse());
  }
}
