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
    return sumOverTrajectories(t, TrajectoryBalance::trajectoryLoss);
  }

  private static double trajectoryLoss(TrajectoryTerms t, int i, int a, int len, int n) {
    double d = t.logZ[i] - t.logReward(i);
    for (int k = 0; k < len; k++) d += t.logPF[a + k] - t.logPB[a + k];
    double g = 2 * d / n;
    for (int k = 0; k < len; k++) {
      t.dLogPF[a + k] += g;
      t.dLogPB[a + k] -= g;
    }
    t.dLogZ[i] += g;
    return d * d / n;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.logZ[0];
  }
}
