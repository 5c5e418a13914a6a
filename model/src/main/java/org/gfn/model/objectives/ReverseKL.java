package org.gfn.model.objectives;

/**
 * Reverse KL, KL(P_F(τ) ‖ P_B(τ|x)·R(x)/Z), by REINFORCE with a learned baseline (Malkin et al.,
 * "GFlowNets and variational inference", ICLR 2023). With f(τ) = log P_F(τ) − log P_B(τ|x) −
 * log R(x), the gradient is E[(f − b)·∇ log P_F] − E[∇ log P_B]; the baseline b = −log Z uses the
 * log Z parameter, trained to regress −f. Trajectories are weighted by self-normalised importance
 * weights P_F(τ)/π_b(τ) against the behaviour policy that sampled them (its log-probability is
 * stored on each trajectory), so stale, explored or replayed trajectories are corrected: on-policy
 * they are all 1/n. The loss reported is the baseline's Σ w·(f + log Z)², 0 at the exact solution.
 */
public final class ReverseKL extends TrajectoryObjective {
  @Override
  public String name() {
    return "RKL";
  }

  @Override
  public boolean usesLogZ() {
    return true;
  }

  @Override
  double loss(TrajectoryTerms t) {
    int n = t.count();
    double[] f = new double[n];
    double[] logW = new double[n];
    for (int i = 0; i < n; i++) {
      double pf = t.sumLogPF(i);
      f[i] = pf - t.sumLogPB(i) - t.logReward(i);
      logW[i] = pf - t.behaviourLogProb(i);
    }
    double[] w = ImportanceWeights.selfNormalised(logW);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double adv = f[i] + t.logZ[i]; // f − b with b = −log Z
      loss += w[i] * adv * adv;
      int a = t.first(i);
      for (int k = 0; k < t.length(i); k++) {
        t.dLogPF[a + k] += w[i] * adv;
        t.dLogPB[a + k] -= w[i];
      }
      t.dLogZ[i] += 2 * w[i] * adv;
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.logZ[0];
  }
}
