package org.gfn.model.objectives;

/**
 * Forward KL, KL(P_B(τ|x)·R(x)/Z ‖ P_F(τ)) (Malkin et al., "GFlowNets and variational inference",
 * ICLR 2023): its gradient −E_target[∇ log P_F(τ)] is estimated with self-normalised importance
 * weights R(x)·P_B(τ|x)/π_b(τ) against the behaviour policy that sampled each trajectory. P_B is
 * not trained (uniform: no P_B head is built). Log Z is the importance-sampling estimate
 * log mean w; the loss reported is the weighted estimate of the KL itself, Σ w·(log R + log P_B −
 * log Ẑ − log P_F), 0 at the exact solution.
 */
public final class ForwardKL extends TrajectoryObjective {
  @Override
  public String name() {
    return "FKL";
  }

  @Override
  public boolean needsBackwardHead() {
    return false;
  }

  private static double[] logWeights(TrajectoryTerms t) {
    double[] logW = new double[t.count()];
    for (int i = 0; i < logW.length; i++) logW[i] = t.logReward(i) + t.sumLogPB(i) - t.behaviourLogProb(i);
    return logW;
  }

  @Override
  double loss(TrajectoryTerms t) {
    double[] logW = logWeights(t);
    double[] w = ImportanceWeights.selfNormalised(logW);
    double logZ = ImportanceWeights.logMean(logW);
    double loss = 0;
    for (int i = 0; i < w.length; i++) {
      loss += w[i] * (t.logReward(i) + t.sumLogPB(i) - logZ - t.sumLogPF(i));
      int a = t.first(i);
      for (int k = 0; k < t.length(i); k++) t.dLogPF[a + k] -= w[i];
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return ImportanceWeights.logMean(logWeights(t));
  }
}
