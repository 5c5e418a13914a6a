package org.gfn.model.policy;

import java.io.Serializable;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Distributional edge flows (quantile matching, Zhang et al. 2023): the policy network gives every
 * forward edge n quantiles of its log-flow, at the fixed levels τ_k = (2k + 1) / 2n, laid out
 * action-major ({@code q(s, a, k)} at output {@code a·n + k}). The policy acts on the distorted
 * expected flow, logit(a) = log Σ_k w_k exp q(s, a, k), with w_k the mass a distortion of the
 * level axis gives the k-th bin [k/n, (k+1)/n]: neutral (w_k = 1/n, P_F ∝ E[F]), CVaR_η (the lower
 * η tail only: risk-averse for η < 1), or Wang's g(u) = Φ(Φ⁻¹(u) − η) (η < 0 risk-averse, η > 0
 * risk-seeking, the paper's sign). What travels in a {@link PolicySnapshot} to the executors.
 *
 * @param n quantiles per edge (1 … 256)
 * @param distortion how the policy weighs the quantile levels
 * @param eta the distortion's parameter (CVaR: 0 < η ≤ 1; Wang: any finite; neutral: unused)
 * @param kappa the quantile Huber loss's threshold κ (> 0)
 */
public record QuantileFlows(int n, Distortion distortion, double eta, double kappa) implements Serializable {

  /** Distortions of the quantile levels the policy acts on. */
  public enum Distortion {
    NEUTRAL, CVAR, WANG
  }

  public QuantileFlows {
    if (n < 1 || n > 256) throw new IllegalArgumentException("quantiles must be in 1..256, got " + n);
    if (!(kappa > 0) || Double.isInfinite(kappa)) throw new IllegalArgumentException("kappa must be > 0, got " + kappa);
    if (distortion == Distortion.CVAR && !(eta > 0 && eta <= 1)) {
      throw new IllegalArgumentException("CVaR needs 0 < eta <= 1, got " + eta);
    }
    if (!Double.isFinite(eta)) throw new IllegalArgumentException("eta must be finite, got " + eta);
  }

  /** The k-th quantile level (2k + 1) / 2n. */
  public double tau(int k) {
    return (2.0 * k + 1) / (2.0 * n);
  }

  /** The policy's weight of each quantile level (non-negative, summing to 1). */
  public double[] weights() {
    double[] w = new double[n];
    double prev = 0;
    for (int k = 0; k < n; k++) {
      double next = distorted((k + 1.0) / n);
      w[k] = Math.max(0, next - prev);
      prev = next;
    }
    double sum = 0;
    for (double v : w) sum += v;
    for (int k = 0; k < n; k++) w[k] /= sum;
    return w;
  }

  /** g(u): the distorted probability of the levels [0, u]. */
  private double distorted(double u) {
    if (u >= 1) return 1;
    return switch (distortion) {
      case NEUTRAL -> u;
      case CVAR -> Math.min(1, u / eta);
      case WANG -> {
        NormalDistribution phi = new NormalDistribution(null, 0, 1);
        yield phi.cumulativeProbability(phi.inverseCumulativeProbability(u) - eta);
      }
    };
  }

  /**
   * Writes the P_F logits of one row: {@code out[outOff + a] = log Σ_k w_k exp raw[rawOff + a·n + k]}
   * for the {@code actions} forward edges.
   */
  public static void logits(float[] raw, int rawOff, int actions, int n, double[] w, float[] out, int outOff) {
    for (int a = 0; a < actions; a++) {
      int o = rawOff + a * n;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) if (w[k] > 0) max = Math.max(max, raw[o + k]);
      double sum = 0;
      for (int k = 0; k < n; k++) if (w[k] > 0) sum += w[k] * Math.exp(raw[o + k] - max);
      out[outOff + a] = (float) (max + Math.log(sum));
    }
  }
}
