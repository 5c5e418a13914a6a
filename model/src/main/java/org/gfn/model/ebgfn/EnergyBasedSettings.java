package org.gfn.model.ebgfn;

import org.gfn.model.config.ConfigReader;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;

/**
 * EB-GFN settings ({@code gfn.ebgfn.*}), read and validated eagerly.
 *
 * @param enabled whether the run is EB-GFN (J learned from data) instead of plain sampling
 * @param dataSamples ground-truth samples
 * @param gibbsBurnIn sweeps discarded at the start of each Gibbs chain
 * @param gibbsThin sweeps between kept Gibbs samples
 * @param iterations energy steps
 * @param gflownetSteps TB steps per iteration
 * @param negatives GFlowNet samples per energy step
 * @param energyLearningRate step size of J
 * @param reportEvery iterations between progress lines
 * @param mhSteps K of the back-and-forth MH refinement (0: negatives are plain GFlowNet samples)
 */
public record EnergyBasedSettings(boolean enabled, int dataSamples, int gibbsBurnIn, int gibbsThin,
    int iterations, int gflownetSteps, int negatives, double energyLearningRate, int reportEvery, int mhSteps) {

  public static EnergyBasedSettings read(Settings s) {
    ConfigReader r = new ConfigReader(s.config());
    EnergyBasedSettings e = new EnergyBasedSettings(
        r.bool("gfn.ebgfn.enabled"),
        r.intIn("gfn.ebgfn.data-samples", 1, 100_000_000),
        r.intIn("gfn.ebgfn.gibbs-burn-in", 0, Integer.MAX_VALUE),
        r.intIn("gfn.ebgfn.gibbs-thin", 1, 1_000_000),
        r.intIn("gfn.ebgfn.iterations", 1, Integer.MAX_VALUE),
        r.intIn("gfn.ebgfn.gflownet-steps", 1, 1_000_000),
        r.intIn("gfn.ebgfn.negatives", 1, 100_000_000),
        r.doubleIn("gfn.ebgfn.energy-learning-rate", 0, 100, true),
        r.intIn("gfn.ebgfn.report-every", 1, Integer.MAX_VALUE),
        r.intIn("gfn.ebgfn.mh-steps", 0, 1_000_000));
    int sites = s.env().isingSide() * s.env().isingSide();
    if (e.mhSteps() > sites) {
      throw new SettingsException("gfn.ebgfn.mh-steps = " + e.mhSteps() + " exceeds the lattice's " + sites + " sites");
    }
    if (e.enabled() && !s.env().type().equals("ising")) {
      throw new SettingsException("gfn.ebgfn.enabled = true needs gfn.env.type = ising, got " + s.env().type());
    }
    return e;
  }

  /** Whether the ground truth is sampled exactly (small lattices) rather than by Gibbs chains. */
  public static boolean exact(int sites) {
    return sites <= 20;
  }
}
