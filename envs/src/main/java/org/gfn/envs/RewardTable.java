package org.gfn.envs;

import java.util.Arrays;

/**
 * log R of every complete sequence of a fixed length over V tokens, indexed by the base-V code
 * ({@link PrependAppendSequence#code}); built by {@link SequenceRewards} from a data file.
 */
public final class RewardTable implements LogReward {
  private static final long serialVersionUID = 1L;
  private final int vocab;
  private final double[] logR;

  RewardTable(int vocab, double[] logR) {
    this.vocab = vocab;
    this.logR = logR;
  }

  @Override
  public double logReward(int[] x) {
    return logR[PrependAppendSequence.code(x, vocab)];
  }

  public int size() {
    return logR.length;
  }

  public double logRewardOf(int code) {
    return logR[code];
  }

  /** Exact log Z = log Σ_x R(x). */
  public double logZ() {
    double max = Arrays.stream(logR).max().orElseThrow();
    double s = 0;
    for (double v : logR) s += Math.exp(v - max);
    return max + Math.log(s);
  }

  /** The codes of the k highest-reward sequences (the "modes" that papers count), best first. */
  public int[] topK(int k) {
    Integer[] idx = new Integer[logR.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(logR[b], logR[a]));
    int[] out = new int[Math.min(k, idx.length)];
    for (int i = 0; i < out.length; i++) out[i] = idx[i];
    return out;
  }
}
