package org.gfn.model.policy;

import java.util.Arrays;

/**
 * A temperature-conditioned evaluator over the environment's own features: each row is evaluated
 * at its β ({@link #setBetas}; 1 until set). In layer mode it appends the β embedding to the
 * features before the network; in logit-scaling mode it multiplies the row's P_F logits by g(β).
 * It reports the environment-facing architecture (the environment's feature size), so samplers
 * and exact metrics use it like any other evaluator. Not thread-safe.
 */
final class TemperedEvaluator implements PolicyEvaluator {
  private final PolicyEvaluator inner;
  private final TemperatureConditioning conditioning;
  private final BetaFunction scale;
  private final PolicyArchitecture outer;
  private final int f;
  private final int e;
  private double[] betas = new double[0];
  private boolean fixed = true;
  private double fixedBeta = 1.0;
  private float[] augmented = new float[0];

  TemperedEvaluator(PolicyEvaluator inner, TemperatureConditioning conditioning) {
    this.inner = inner;
    this.conditioning = conditioning;
    this.scale = conditioning.mode() == TemperatureConditioning.Mode.LOGIT_SCALING ? conditioning.scaleFunction() : null;
    PolicyArchitecture a = inner.architecture();
    this.e = conditioning.extraFeatures();
    this.f = a.featureSize() - e;
    this.outer = new PolicyArchitecture(f, a.numActions(), a.numBackwardActions(), a.hiddenLayers(), a.width(),
        a.activation(), a.sharedTrunk(), a.learnedBackward(), a.flowHead());
  }

  @Override
  public PolicyArchitecture architecture() {
    return outer;
  }

  @Override
  public TemperatureConditioning temperature() {
    return conditioning;
  }

  @Override
  public void setBetas(double[] rowBetas) {
    betas = rowBetas;
    fixed = false;
  }

  @Override
  public void setBeta(double beta) {
    fixedBeta = beta;
    fixed = true;
  }

  private double beta(int row) {
    return fixed ? fixedBeta : betas[row];
  }

  /** g(β) in logit-scaling mode, 1 in layer mode. */
  double logitScale(double beta) {
    return scale == null ? 1.0 : BetaFunction.softplus(scale.value(beta));
  }

  @Override
  public void evaluate(float[] features, int rows, float[] out) {
    if (e == 0) {
      inner.evaluate(features, rows, out);
    } else {
      int fi = f + e;
      if (augmented.length < rows * fi) augmented = new float[rows * fi];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(features, r * f, augmented, r * fi, f);
        conditioning.embed(beta(r), augmented, r * fi + f);
      }
      inner.evaluate(augmented, rows, out);
    }
    if (scale == null) return;
    int w = outer.outputWidth();
    int fo = outer.forwardOffset();
    int nA = outer.numActions();
    double last = Double.NaN;
    float g = 1f;
    for (int r = 0; r < rows; r++) {
      double b = beta(r);
      if (b != last) {
        g = (float) logitScale(b);
        last = b;
      }
      int o = r * w + fo;
      for (int j = 0; j < nA; j++) out[o + j] *= g;
    }
  }

  @Override
  public String toString() {
    return "TemperedEvaluator[" + conditioning + ", betas " + (fixed ? "= " + fixedBeta : Arrays.toString(betas)) + "]";
  }
}
