package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.envs.Environments;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;

/**
 * The importance-sampling estimate of log Z = log Σ_x R(x) from the trained sampler, the
 * marginal-likelihood estimate when R is likelihood × prior (PhyloGFN-Bayesian): with K
 * on-policy trajectories τ_k ending at x_k, log Ẑ = log (1/K) Σ_k R(x_k) P_B(τ_k | x_k) / P_F(τ_k),
 * unbiased in Z for any policy that reaches every object, and the lower bound (ELBO)
 * (1/K) Σ_k log [R(x_k) P_B(τ_k | x_k) / P_F(τ_k)] ≤ log Z. Both are averaged over independent
 * repeats, with the standard error of the mean over them. Rewards are the noiseless R(x).
 */
public final class LogEvidence {
  private LogEvidence() {}

  /**
   * @param logZ mean over repeats of log Ẑ
   * @param stdErr standard error of {@code logZ} over the repeats (NaN with one repeat)
   * @param elbo mean over repeats of the lower bound
   * @param samples K, trajectories per repeat
   * @param repeats independent repeats
   */
  public record Estimate(double logZ, double stdErr, double elbo, int samples, int repeats, double logMultiplicity) {
    /** log Ẑ minus the environment's {@link Environment#logTerminalMultiplicity}: the marginal likelihood. */
    public double logMarginalLikelihood() {
      return logZ - logMultiplicity;
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("log_z_is", logZ);
      m.put("log_z_is_stderr", stdErr);
      m.put("log_z_elbo", elbo);
      m.put("log_z_is_samples", samples);
      m.put("log_z_is_repeats", repeats);
      if (logMultiplicity != 0) {
        m.put("log_marginal_likelihood", logMarginalLikelihood());
        m.put("log_marginal_likelihood_elbo", elbo - logMultiplicity);
      }
      return m;
    }

    public String line() {
      String ml = logMultiplicity == 0 ? "" : String.format("; log marginal likelihood %.4f (ELBO %.4f)",
          logMarginalLikelihood(), elbo - logMultiplicity);
      return String.format("log-evidence: importance-sampled log Z %.4f +/- %.4f (s.e. over %d repeats of %d samples), "
          + "ELBO %.4f", logZ, stdErr, repeats, samples, elbo) + ml;
    }
  }

  public static Estimate estimate(Environment env, PolicyEvaluator policy, int samples, int repeats, long seed) {
    if (samples < 1 || repeats < 1) throw new IllegalArgumentException("log-evidence needs samples and repeats >= 1");
    if (env.stochasticTransitions()) {
      throw new IllegalArgumentException("the log-evidence estimate needs deterministic transitions (P_F of a path)");
    }
    RolloutSampler sampler = new RolloutSampler(env, policy);
    double[] logZ = new double[repeats];
    double[] elbo = new double[repeats];
    int chunk = 256;
    for (int r = 0; r < repeats; r++) {
      double max = Double.NEGATIVE_INFINITY;
      double[] logW = new double[samples];
      for (int start = 0; start < samples; start += chunk) {
        int n = Math.min(chunk, samples - start);
        int[][] starts = new int[n][];
        SplittableRandom[] rngs = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
          starts[i] = env.initialState();
          rngs[i] = new SplittableRandom(Seeds.derive(Seeds.derive(seed, r), start + i));
        }
        RolloutSampler.Walk[] walks = sampler.walk(starts, rngs, Exploration.ON_POLICY, true);
        for (int i = 0; i < n; i++) {
          RolloutSampler.Walk w = walks[i];
          int[] x = w.states().get(w.states().size() - 1);
          double lw = Environments.checkedLogReward(env, x) + w.logBackward() - w.logProb();
          logW[start + i] = lw;
          max = Math.max(max, lw);
        }
      }
      double sum = 0;
      double mean = 0;
      for (double lw : logW) {
        sum += Math.exp(lw - max);
        mean += lw / samples;
      }
      logZ[r] = max + Math.log(sum / samples);
      elbo[r] = mean;
    }
    return new Estimate(mean(logZ), repeats > 1 ? sd(logZ) / Math.sqrt(repeats) : Double.NaN, mean(elbo), samples, repeats,
        env.logTerminalMultiplicity());
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }

  private static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return Math.sqrt(s / (x.length - 1));
  }
}
