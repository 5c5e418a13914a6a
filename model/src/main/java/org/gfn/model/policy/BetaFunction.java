package org.gfn.model.policy;

import java.util.SplittableRandom;

/**
 * A small learned function of the inverse temperature β: with u = {@link #normalised}(β),
 * f(β) = b + a·u + q·u² + Σ_h v_h tanh(w_h·u + c_h). The linear and quadratic skips carry the
 * smooth trend (log Z(β) is convex in β) and extrapolate past the training range; the tanh units
 * bend it inside. Parameters in the order [w (H), c (H), v (H), a, q, b]. Logit-GFN's logit scale g(β) = softplus(f(β)) and the learned log Z(β) are both of this
 * form. Immutable apart from {@link #params()} on the learner, which owns the array.
 */
public final class BetaFunction {
  /** Parameters after the tanh units: a, q, b. */
  public static final int SKIP = 3;

  private final int hidden;
  private final double min;
  private final double max;
  private final double[] params;

  /** @param params the parameters, owned by this function from now on (length 3H + 3) */
  public BetaFunction(int hidden, double min, double max, double[] params) {
    if (hidden < 1) throw new IllegalArgumentException("beta function needs >= 1 hidden unit, got " + hidden);
    if (params.length != paramCount(hidden)) {
      throw new IllegalArgumentException("beta function with " + hidden + " units has " + paramCount(hidden)
          + " parameters, got " + params.length);
    }
    this.hidden = hidden;
    this.min = min;
    this.max = max;
    this.params = params;
  }

  public static int paramCount(int hidden) {
    return 3 * hidden + SKIP;
  }

  /**
   * Initial parameters: the tanh units get random slopes and offsets, their output weights and the
   * skip start at 0, so f ≡ {@code bias} until trained.
   */
  public static double[] initialParams(int hidden, double bias, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] p = new double[paramCount(hidden)];
    for (int h = 0; h < hidden; h++) {
      p[h] = rng.nextGaussian();
      p[hidden + h] = rng.nextDouble(-1, 1);
    }
    p[3 * hidden + 2] = bias;
    return p;
  }

  /** The live parameters (not a copy). */
  public double[] params() {
    return params;
  }

  /** The normalised input u of β. */
  public double input(double beta) {
    return normalised(beta, min, max);
  }

  /**
   * β mapped to [−1, 1] over the training range [min, max] (β − min when the range is one value):
   * the input of every function of β, and the first feature of the layer-mode embedding.
   */
  public static double normalised(double beta, double min, double max) {
    return max > min ? (2 * beta - min - max) / (max - min) : beta - min;
  }

  public double value(double beta) {
    double u = input(beta);
    double y = params[3 * hidden + 2] + params[3 * hidden] * u + params[3 * hidden + 1] * u * u;
    for (int h = 0; h < hidden; h++) y += params[2 * hidden + h] * Math.tanh(params[h] * u + params[hidden + h]);
    return y;
  }

  /** Adds {@code dValue} · ∂f(β)/∂params to {@code grad}. */
  public void accumulateGradient(double beta, double dValue, double[] grad) {
    if (dValue == 0) return;
    double u = input(beta);
    for (int h = 0; h < hidden; h++) {
      double t = Math.tanh(params[h] * u + params[hidden + h]);
      double dz = dValue * params[2 * hidden + h] * (1 - t * t);
      grad[h] += dz * u;
      grad[hidden + h] += dz;
      grad[2 * hidden + h] += dValue * t;
    }
    grad[3 * hidden] += dValue * u;
    grad[3 * hidden + 1] += dValue * u * u;
    grad[3 * hidden + 2] += dValue;
  }

  /** log(1 + e^x), stable. */
  public static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }

  /** The logistic sigmoid, softplus' derivative. */
  public static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The pre-activation whose softplus is 1: g(β) starts at 1, the unconditioned policy. */
  public static final double SOFTPLUS_ONE = Math.log(Math.E - 1);
}
