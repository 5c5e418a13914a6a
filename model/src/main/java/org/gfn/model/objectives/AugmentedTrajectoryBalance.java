package org.gfn.model.objectives;

/**
 * Trajectory balance with GAFlowNet's intrinsic rewards (Pan et al. 2022; its TB form as in
 * torchgfn's GAFN example): with r(s) ≥ 0 the intrinsic reward of each row (supplied per minibatch
 * through {@link Objective.Prepared#intrinsicRewards}), δ = log Z + Σ log P_F − log(R(x) + r(x)) −
 * Σ_{t≥1} log(P_B(s_{t−1}|s_t) + r(s_t)/F(s_t)) with edge-based rewards (the intrinsic flow r(s_t)
 * leaves the edge into s_t, which needs the log F head), or δ = log Z + Σ log P_F − log(R(x) +
 * r(x)) − Σ log P_B with terminal ones only; loss = mean δ². With r ≡ 0 both are TB.
 */
public final class AugmentedTrajectoryBalance extends TrajectoryObjective {
  private final boolean edge;

  public AugmentedTrajectoryBalance(boolean edge) {
    this.edge = edge;
  }

  @Override
  public String name() {
    return edge ? "TB+GAFN(edge)" : "TB+GAFN";
  }

  @Override
  public boolean usesLogZ() {
    return true;
  }

  @Override
  public boolean needsFlowHead() {
    return edge;
  }

  @Override
  boolean usesIntrinsicRewards() {
    return true;
  }

  @Override
  double loss(TrajectoryTerms t) {
    return sumOverTrajectories(t, this::trajectoryLoss);
  }

  private double trajectoryLoss(TrajectoryTerms t, int i, int a, int len, int n) {
    double[] logR = t.rows.logIntrinsic;
    double d = t.logZ[i] - logAddExp(t.logReward(i), logR[a + len - 1]);
    double[] wB = new double[len]; // ∂ log(P_B + r/F) / ∂ log P_B at each row
    for (int k = 0; k < len; k++) {
      d += t.logPF[a + k];
      if (k == 0) continue;
      if (edge) {
        double pb = t.logPB[a + k];
        double flow = logR[a + k] - t.logF[a + k];
        double u = logAddExp(pb, flow);
        d -= u;
        wB[k] = Math.exp(pb - u);
      } else {
        d -= t.logPB[a + k];
        wB[k] = 1;
      }
    }
    double g = 2 * d / n;
    for (int k = 0; k < len; k++) {
      t.dLogPF[a + k] += g;
      if (k == 0) continue;
      t.dLogPB[a + k] -= g * wB[k];
      if (edge) t.dLogF[a + k] += g * (1 - wB[k]); // ∂(−u)/∂ log F = +e^{flow − u}
    }
    t.dLogZ[i] += g;
    return d * d / n;
  }

  private static double logAddExp(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) return y;
    if (y == Double.NEGATIVE_INFINITY) return x;
    double m = Math.max(x, y);
    return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.logZ[0];
  }
}
