package org.gfn.model.policy;

/**
 * The environment-facing view of a quantile-flow policy ({@link QuantileFlows}): the network
 * gives n log-flow quantiles per forward action; this evaluator reports the usual layout, the
 * P_F logits being the distorted expected flows, so samplers and exact metrics use it like any
 * other evaluator. The other heads are copied. Not thread-safe.
 */
final class QuantileEvaluator implements PolicyEvaluator {
  private final PolicyEvaluator inner;
  private final PolicyArchitecture outer;
  private final int n;
  private final double[] weights;
  private float[] raw = new float[0];

  QuantileEvaluator(PolicyEvaluator inner, QuantileFlows quantiles) {
    this.inner = inner;
    this.n = quantiles.n();
    this.weights = quantiles.weights();
    PolicyArchitecture a = inner.architecture();
    if (a.numActions() % n != 0) {
      throw new IllegalArgumentException(a.numActions() + " network outputs are not " + n + " quantiles per action");
    }
    this.outer = new PolicyArchitecture(a.featureSize(), a.numActions() / n, a.numBackwardActions(), a.hiddenLayers(),
        a.width(), a.activation(), a.sharedTrunk(), a.learnedBackward(), a.flowHead());
  }

  @Override
  public PolicyArchitecture architecture() {
    return outer;
  }

  @Override
  public void evaluate(float[] features, int rows, float[] out) {
    PolicyArchitecture a = inner.architecture();
    int wi = a.outputWidth();
    int wo = outer.outputWidth();
    if (raw.length < rows * wi) raw = new float[rows * wi];
    inner.evaluate(features, rows, raw);
    int nA = outer.numActions();
    int rest = wo - nA; // P_B logits and log F, after the forward block in both layouts
    for (int r = 0; r < rows; r++) {
      QuantileFlows.logits(raw, r * wi + a.forwardOffset(), nA, n, weights, out, r * wo + outer.forwardOffset());
      System.arraycopy(raw, r * wi + a.backwardOffset(), out, r * wo + outer.backwardOffset(), rest);
    }
  }
}
