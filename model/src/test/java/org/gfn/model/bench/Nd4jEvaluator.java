package org.gfn.model.bench;

import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicyNetwork;

/** Batched ND4J inference through the DL4J network, the alternative the benchmark compares against. */
final class Nd4jEvaluator implements PolicyEvaluator {
  private final PolicyNetwork net;

  Nd4jEvaluator(PolicyNetwork net) {
    this.net = net;
  }

  @Override
  public PolicyArchitecture architecture() {
    return net.architecture();
  }

  @Override
  public void evaluate(float[] features, int rows, float[] out) {
    double[] y = net.forward(features, rows);
    for (int i = 0; i < y.length; i++) out[i] = (float) y[i];
  }
}
