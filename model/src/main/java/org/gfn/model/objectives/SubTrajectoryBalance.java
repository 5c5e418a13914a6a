package org.gfn.model.objectives;

/**
 * Sub-trajectory balance SubTB(λ) (Madan et al. 2023) with the {@code geometric_within}
 * weighting. A trajectory s_0..s_L is extended with the sink, whose log-flow is log R(x) and whose
 * backward probability is 1, giving flow nodes u_0..u_{L+1}. For every pair i &lt; j,
 * δ_ij = log F(u_i) + Σ_{t=i}^{j−1} [log P_F(u_{t+1}|u_t) − log P_B(u_t|u_{t+1})] − log F(u_j),
 * weighted by λ^{j−i} normalised to sum to 1 within the trajectory; loss = mean over trajectories.
 */
public final class SubTrajectoryBalance extends TrajectoryObjective {
  private final double lambda;

  public SubTrajectoryBalance(double lambda) {
    if (!(lambda > 0)) throw new IllegalArgumentException("SubTB lambda must be > 0, got " + lambda);
    this.lambda = lambda;
  }

  @Override
  public String name() {
    return "SubTB";
  }

  @Override
  public boolean needsFlowHead() {
    return true;
  }

  @Override
  double loss(TrajectoryTerms t) {
    return sumOverTrajectories(t, this::trajectoryLoss);
  }

  private double trajectoryLoss(TrajectoryTerms t, int i, int a, int len, int n) {
    // states s_0..s_L, L+1 = len; nodes 0..len (len = sink)
    int nodes = len + 1;
    double loss = 0;
    double[] logFn = new double[nodes];
    for (int k = 0; k < len; k++) logFn[k] = t.logF[a + k];
    logFn[len] = t.logReward(i);
    double[] c = new double[nodes]; // c[j] = Σ_{k<j} (logPF_k − logPB_{k+1})
    for (int k = 0; k < len; k++) {
      double pb = k + 1 < len ? t.logPB[a + k + 1] : 0.0;
      c[k + 1] = c[k] + t.logPF[a + k] - pb;
    }
    double wsum = 0;
    for (int p = 0; p < nodes; p++) {
      for (int q = p + 1; q < nodes; q++) wsum += Math.pow(lambda, q - p);
    }
    double[] gNode = new double[nodes];
    double[] gEdge = new double[nodes + 1]; // difference array over edges k (k -> k+1)
    for (int p = 0; p < nodes; p++) {
      for (int q = p + 1; q < nodes; q++) {
        double w = Math.pow(lambda, q - p) / wsum / n;
        double d = logFn[p] + c[q] - c[p] - logFn[q];
        loss += w * d * d;
        double g = 2 * w * d;
        gNode[p] += g;
        gNode[q] -= g;
        gEdge[p] += g;
        gEdge[q] -= g;
      }
    }
    double run = 0;
    for (int k = 0; k < len; k++) {
      run += gEdge[k];
      t.dLogPF[a + k] += run;
      if (k + 1 < len) t.dLogPB[a + k + 1] -= run;
      t.dLogF[a + k] += gNode[k];
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.count() == 0 ? Double.NaN : t.logF[t.first(0)];
  }
}
