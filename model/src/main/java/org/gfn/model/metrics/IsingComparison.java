package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.envs.Environment;
import org.gfn.envs.GibbsSampler;
import org.gfn.envs.IsingModel;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;

/**
 * A trained Ising sampler's statistics (mean energy, mean |magnetisation|, mean nearest-neighbour
 * correlation over on-policy draws) against a Gibbs chain's on the same model.
 */
public record IsingComparison(int samples, double energy, double absMagnetisation, double correlation,
    GibbsSampler.Statistics gibbs) {
  /** Sampler draws the runs compare. */
  public static final int SAMPLES = 10_000;
  /** Gibbs reference length: sweeps discarded, then sweeps averaged. */
  public static final int BURN_IN = 2_000;
  public static final int SWEEPS = 20_000;

  /** {@link #SAMPLES} draws of {@code policy} against the Gibbs reference. */
  public static IsingComparison of(IsingModel model, Environment env, PolicyEvaluator policy, long seed, long version) {
    int samples = SAMPLES;
    double e = 0;
    double m = 0;
    double c = 0;
    for (Trajectory t : new RolloutSampler(env, policy).sample(samples, Exploration.ON_POLICY, seed, 0, version)) {
      e += model.energy(t.terminal()) / samples;
      m += Math.abs(IsingModel.magnetisation(t.terminal())) / samples;
      c += model.neighbourCorrelation(t.terminal()) / samples;
    }
    return new IsingComparison(samples, e, m, c, GibbsSampler.run(model, BURN_IN, SWEEPS, seed));
  }

  public String line() {
    return String.format("ising result (%d samples vs Gibbs, %d sweeps): energy %.3f vs %.3f, |magnetisation| %.4f vs %.4f,"
        + " neighbour correlation %.4f vs %.4f", samples, gibbs.samples(), energy, gibbs.energy(), absMagnetisation,
        gibbs.absMagnetisation(), correlation, gibbs.neighbourCorrelation());
  }

  /** Summary fields: sampler_* and gibbs_* statistics. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sampler_energy", energy);
    m.put("gibbs_energy", gibbs.energy());
    m.put("sampler_abs_magnetisation", absMagnetisation);
    m.put("gibbs_abs_magnetisation", gibbs.absMagnetisation());
    m.put("sampler_nn_correlation", correlation);
    m.put("gibbs_nn_correlation", gibbs.neighbourCorrelation());
    return m;
  }
}
