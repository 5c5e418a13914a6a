package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.gfn.model.train.EnergyBasedRun;
import org.gfn.model.train.EnergyBasedSettings;
import org.gfn.model.train.Settings;
import org.junit.jupiter.api.Test;

/**
 * EB-GFN on a 4×4 Ising lattice, configured as the preset conf/ebgfn-ising.conf is: from exact
 * samples of the true model (σ = 0.1), learn J with a GFlowNet as the negative sampler; the RMSE
 * to the true J must at least halve from the initial guess J = 0 (log-RMSE lower by at least
 * log 2).
 */
class EnergyBasedTrainingTest {

  @Test
  void recoversTheCouplings() {
    Settings s = Settings.load(ConfigFactory.parseString(String.join("\n",
        "gfn.env { type = ising, ising { side = 4, sigma = 0.1 } }",
        "gfn.policy { shared-trunk = true, width = 128 }",
        "gfn.learner { learning-rate = 2e-3, clip-norm = 10 }",
        "gfn.ebgfn { enabled = true, iterations = 120, report-every = 40 }")));
    EnergyBasedSettings e = EnergyBasedSettings.read(s);
    List<int[]> data = EnergyBasedRun.localData(s, e);
    assertEquals(20_000, data.size());
    List<EnergyBasedRun.Row> seen = new ArrayList<>();
    EnergyBasedRun.Result r = EnergyBasedRun.run(s, e, data, row -> {
      seen.add(row);
      System.out.println("EB-GFN " + row.progressLine());
    });
    assertEquals(3, seen.size());
    assertEquals(120 * 8, seen.get(2).learnerStep());
    assertTrue(r.finalRmse() <= 0.5 * r.initialRmse(), "RMSE " + r.initialRmse() + " -> " + r.finalRmse());
  }
}
