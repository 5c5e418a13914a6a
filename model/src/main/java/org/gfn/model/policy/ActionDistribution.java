package org.gfn.model.policy;

/**
 * The one masked softmax over a slice of an output row: the sampler's behaviour policy
 * ((1 − ε)·softmax(logits/T) + ε·uniform over legal actions) and, with ε = 0 and T = 1, the
 * policy's own P_F or P_B that exact metrics and likelihoods read.
 */
public final class ActionDistribution {
  private ActionDistribution() {}

  /**
   * Writes probabilities into {@code probs[0..mask.length)}: 0 on illegal actions.
   *
   * @param out output rows; the logits start at {@code off}
   */
  public static void probabilities(float[] out, int off, boolean[] mask, double epsilon,
      double temperature, double[] probs) {
    int n = mask.length;
    double max = Double.NEGATIVE_INFINITY;
    int legal = 0;
    for (int j = 0; j < n; j++) {
      if (mask[j]) {
        max = Math.max(max, out[off + j] / temperature);
        legal++;
      }
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      probs[j] = mask[j] ? Math.exp(out[off + j] / temperature - max) : 0;
      sum += probs[j];
    }
    for (int j = 0; j < n; j++) {
      probs[j] = mask[j] ? (1 - epsilon) * probs[j] / sum + epsilon / legal : 0;
    }
  }

  /** The policy itself: softmax of the legal logits. */
  public static void probabilities(float[] out, int off, boolean[] mask, double[] probs) {
    probabilities(out, off, mask, 0, 1, probs);
  }

  /**
   * log of the policy's own probability of legal action {@code a} (softmax of the legal logits),
   * in log space: finite where the probability itself underflows (logits hundreds apart).
   */
  public static double logProbability(float[] out, int off, boolean[] mask, int a) {
    if (!mask[a]) return Double.NEGATIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < mask.length; j++) if (mask[j]) max = Math.max(max, out[off + j]);
    double sum = 0;
    for (int j = 0; j < mask.length; j++) if (mask[j]) sum += Math.exp(out[off + j] - max);
    return out[off + a] - max - Math.log(sum);
  }
}
