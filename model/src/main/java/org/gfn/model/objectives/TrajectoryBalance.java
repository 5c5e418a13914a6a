package org.gfn.model.objectives;

/**
 * Trajectory balance (Malkin et al. 2022, eq. 14): for each trajectory
 * δ = log Z + Σ_t log P_F(s_{t+1}|s_t) − log R(x) − Σ_t log P_B(s_t|s_{t+1}); loss = mean δ².
 */
public final class TrajectoryBalance extends TrajectoryObjective {
  @Override
  public String name() {
    return "TB";
  }

  @Override
  public boolean usesLogZ() {
    return true;
  }

  @Override
  double loss(TrajectoryTerms t) {
    int n = t.count();
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int a = t.first(i);
      int len = t.length(i);
      double d = t.logZ - t.logReward(i);
      for (int k = 0; k < len; k++) d += t.logPF[a + k] - t.logPB[a + k];
      loss += d * d / n;
      double g = 2 * d / n;
      for (int k = 0; k < len; k++) {
        t.dLogPF[a + k] += g;
        t.dLogPB[a + k] -= g;
      }
      t.dLogZ += g;
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.logZ;
  }
}
