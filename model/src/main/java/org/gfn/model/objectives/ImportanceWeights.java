package org.gfn.model.objectives;

/** Self-normalised importance weights from log-weights, computed stably. */
final class ImportanceWeights {
  private ImportanceWeights() {}

  /** w_i = exp(logW_i) / Σ_j exp(logW_j). */
  static double[] selfNormalised(double[] logW) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logW) max = Math.max(max, v);
    double[] w = new double[logW.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(logW[i] - max);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) w[i] /= sum;
    return w;
  }

  /** log((1/n) Σ exp(logW_i)). */
  static double logMean(double[] logW) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logW) max = Math.max(max, v);
    double sum = 0;
    for (double v : logW) sum += Math.exp(v - max);
    return max + Math.log(sum / logW.length);
  }
}
