package org.gfn.model.objectives;

/**
 * Log-partition variance, ZVar / VarGrad (Zhang et al. 2023; Richter et al. 2020): each
 * trajectory gives an estimate ζ = log R(x) + Σ log P_B − Σ log P_F of log Z, and the loss is
 * their batch variance, mean (ζ − mean ζ)². No log Z parameter is needed; its estimate is mean ζ.
 */
public final class LogPartitionVariance extends TrajectoryObjective {
  @Override
  public String name() {
    return "ZVar";
  }

  private static double[] zeta(TrajectoryTerms t) {
    double[] z = new double[t.count()];
    for (int i = 0; i < z.length; i++) {
      int a = t.first(i);
      double v = t.logReward(i);
      for (int k = 0; k < t.length(i); k++) v += t.logPB[a + k] - t.logPF[a + k];
      z[i] = v;
    }
    return z;
  }

  @Override
  double loss(TrajectoryTerms t) {
    double[] z = zeta(t);
    int n = z.length;
    double mean = 0;
    for (double v : z) mean += v / n;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double d = z[i] - mean;
      loss += d * d / n;
      double g = 2 * d / n; // the mean's own derivative sums to zero
      int a = t.first(i);
      for (int k = 0; k < t.length(i); k++) {
        t.dLogPB[a + k] += g;
        t.dLogPF[a + k] -= g;
      }
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    double mean = 0;
    double[] z = zeta(t);
    for (double v : z) mean += v / z.length;
    return mean;
  }
}
