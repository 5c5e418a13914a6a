package org.gfn.model.policy;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A temperature-conditional policy (Logit-GFN, Kim et al. 2023): one policy for the targets
 * R(x)^β, β drawn per trajectory from [min, max] (uniformly or log-uniformly). In
 * {@link Mode#LOGIT_SCALING} the P_F logits of the unconditioned network are multiplied by a
 * learned positive g(β) = softplus(f(β)) ({@link BetaFunction}, parameters {@code scale}); in
 * {@link Mode#LAYER} (the paper's baseline) the network reads an embedding of β appended to the
 * state's features. What travels in a {@link PolicySnapshot} to the executors.
 *
 * @param scale g's parameters in logit-scaling mode (empty in layer mode)
 * @param evalBetas the β at which exact metrics are reported (enumerable environments)
 */
public record TemperatureConditioning(Mode mode, Distribution distribution, double min, double max,
    int hidden, double[] scale, double[] evalBetas) implements Serializable {

  /** How the policy is conditioned on β. */
  public enum Mode {
    LOGIT_SCALING, LAYER
  }

  /** How β is drawn per trajectory. */
  public enum Distribution {
    UNIFORM, LOG_UNIFORM
  }

  /** Width of the β embedding appended to the features in layer mode. */
  public static final int EMBEDDING = 8;

  public TemperatureConditioning {
    if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("temperature range needs 0 < min <= max, got [" + min + ", " + max + "]");
    }
    int want = mode == Mode.LOGIT_SCALING ? BetaFunction.paramCount(hidden) : 0;
    if (hidden < 1 || scale.length != want) {
      throw new IllegalArgumentException("logit scale needs " + want + " parameters for " + hidden + " hidden units, got " + scale.length);
    }
    for (double b : evalBetas) {
      if (!(b > 0) || Double.isInfinite(b)) throw new IllegalArgumentException("evaluation beta must be > 0, got " + b);
    }
  }

  /** The conditioning as configured, with g ≡ 1 (the unconditioned policy) before training. */
  public static TemperatureConditioning initial(Mode mode, Distribution distribution, double min, double max,
      int hidden, double[] evalBetas, long seed) {
    double[] scale = mode == Mode.LOGIT_SCALING
        ? BetaFunction.initialParams(hidden, BetaFunction.SOFTPLUS_ONE, seed) : new double[0];
    return new TemperatureConditioning(mode, distribution, min, max, hidden, scale, evalBetas);
  }

  /** The same conditioning with other logit-scale parameters (copied). */
  public TemperatureConditioning withScale(double[] params) {
    return new TemperatureConditioning(mode, distribution, min, max, hidden, params.clone(), evalBetas);
  }

  /** Extra input features the network reads (layer mode) beyond the environment's. */
  public int extraFeatures() {
    return mode == Mode.LAYER ? EMBEDDING : 0;
  }

  /** One β from the training distribution. */
  public double draw(SplittableRandom rng) {
    if (min == max) return min;
    return distribution == Distribution.UNIFORM ? rng.nextDouble(min, max)
        : Math.exp(rng.nextDouble(Math.log(min), Math.log(max)));
  }

  /** The function g is made of (a fresh view over a copy of the parameters). */
  public BetaFunction scaleFunction() {
    return new BetaFunction(hidden, min, max, scale.clone());
  }

  /**
   * Writes the {@link #EMBEDDING} features of β at {@code dst[off..]}: u = β normalised to [−1, 1]
   * over the training range (β − min when the range is one value), log β, and sin/cos of πku for
   * k = 1..3.
   */
  public void embed(double beta, float[] dst, int off) {
    double u = BetaFunction.normalised(beta, min, max);
    dst[off] = (float) u;
    dst[off + 1] = (float) Math.log(beta);
    for (int k = 1; k <= 3; k++) {
      dst[off + 2 * k] = (float) Math.sin(Math.PI * k * u);
      dst[off + 2 * k + 1] = (float) Math.cos(Math.PI * k * u);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemperatureConditioning t && t.mode == mode && t.distribution == distribution
        && t.min == min && t.max == max && t.hidden == hidden && Arrays.equals(t.scale, scale)
        && Arrays.equals(t.evalBetas, evalBetas);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(scale) * 31 + mode.hashCode();
  }

  @Override
  public String toString() {
    return "TemperatureConditioning[" + mode + ", " + distribution + " [" + min + ", " + max + "], hidden " + hidden + "]";
  }
}
