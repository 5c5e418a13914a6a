package org.gfn.model.metrics;

import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.gfn.envs.BitSequence;
import org.gfn.envs.BitSequenceModes;
import org.gfn.model.policy.ActionDistribution;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;

/**
 * log P_F(x) of complete bit sequences under a policy: append-only sequences have exactly one
 * trajectory, so the sum of log P_F along it (exit included) is the sampler's exact log-probability.
 * Used for the TB paper's test-set Spearman correlation between log R(x) and log p(x).
 */
public final class SequenceLikelihood {
  private SequenceLikelihood() {}

  /** log P_F of each sequence given as bits. */
  public static double[] logProbabilities(BitSequence env, PolicyEvaluator policy, List<int[]> sequences) {
    PolicyArchitecture arch = policy.architecture();
    int words = env.stateSize();
    int f = env.featureSize();
    int w = arch.outputWidth();
    int nA = env.numActions();
    int batch = 256;
    double[] out = new double[sequences.size()];
    float[] feats = new float[batch * (words + 1) * f];
    float[] logits = new float[batch * (words + 1) * w];
    boolean[] mask = new boolean[nA];
    double[] probs = new double[nA];
    for (int base = 0; base < sequences.size(); base += batch) {
      int n = Math.min(batch, sequences.size() - base);
      int[][][] states = new int[n][words + 1][];
      int[][] acts = new int[n][words + 1];
      int row = 0;
      for (int i = 0; i < n; i++) {
        int[] x = env.fromBits(sequences.get(base + i));
        int[] s = env.initialState();
        for (int t = 0; t <= words; t++) {
          states[i][t] = s;
          acts[i][t] = t < words ? x[t] : env.exitAction();
          env.encode(s, feats, row++ * f);
          if (t < words) s = env.step(s, x[t]);
        }
      }
      policy.evaluate(feats, row, logits);
      row = 0;
      for (int i = 0; i < n; i++) {
        double lp = 0;
        for (int t = 0; t <= words; t++) {
          env.forwardMask(states[i][t], mask);
          ActionDistribution.probabilities(logits, row++ * w + arch.forwardOffset(), mask, probs);
          lp += Math.log(probs[acts[i][t]]);
        }
        out[base + i] = lp;
      }
    }
    return out;
  }

  /** Spearman correlation between log R and log P_F over the task's test set. */
  public static double testSetSpearman(BitSequence env, BitSequenceModes modes, long testSeed,
      PolicyEvaluator policy) {
    List<int[]> test = modes.testSet(testSeed);
    double[] logR = new double[test.size()];
    for (int i = 0; i < logR.length; i++) logR[i] = env.logReward(env.fromBits(test.get(i)));
    return new SpearmansCorrelation().correlation(logR, logProbabilities(env, policy, test));
  }
}
