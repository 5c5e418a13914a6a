package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ising preset through the main job reports the sampler's statistics next to a Gibbs chain's. */
class IsingJobTest {
  @TempDir File dir;

  @Test
  void summaryComparesTheSamplerWithGibbs() {
    File out = new File(dir, "ising");
    Runs.Outcome o = Runs.train(true, Runs.args("../conf/ising-10x10-tb.conf", out, "env.ising.side=4",
        "train.trajectories=8192", "train.eval-every=128", "spark.plots=false").toArray(new String[0]));
    assertEquals(0, o.rc(), o.err());
    assertTrue(o.out().contains("ising result"), o.out());
    Config s = Runs.summary(out);
    // the 4x4 reference at sigma = 0.1 (exact: energy -1.454, correlation 0.227; IsingTest)
    assertEquals(-1.454, s.getDouble("gibbs_energy"), 0.05);
    assertEquals(0.227, s.getDouble("gibbs_nn_correlation"), 0.01);
    for (String k : new String[] {"sampler_energy", "sampler_abs_magnetisation", "sampler_nn_correlation"}) {
      assertTrue(Double.isFinite(s.getDouble(k)), k);
    }
    assertTrue(s.getDouble("sampler_abs_magnetisation") > 0 && s.getDouble("sampler_abs_magnetisation") <= 1);
    // independent fair spins (an untrained sampler) have energy 0 and correlation 0
    assertEquals(s.getDouble("gibbs_energy"), s.getDouble("sampler_energy"), 0.5, "trained sampler's energy vs Gibbs");
    assertTrue(s.getDouble("sampler_nn_correlation") > 0.1, "trained sampler's correlation " + s.getDouble("sampler_nn_correlation"));
  }
}
