package org.gfn.model.ebgfn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.SpinSequence;
import org.gfn.model.policy.ActionDistribution;
import org.gfn.model.policy.PolicyEvaluator;

/**
 * The EB-GFN paper's back-and-forth Metropolis–Hastings step on spin sequences: from x, go back K
 * steps (the fixed-order tree's backward policy is deterministic: unset the last K spins), complete
 * them again with P_F, and accept the new x' with probability
 * min(1, R(x')·P_F(x | s) / (R(x)·P_F(x' | s))), s the shared prefix. The step leaves R/Z invariant
 * whatever P_F is; a good P_F makes it a large-block Gibbs move with a high acceptance rate.
 */
public final class BackAndForth {
  /** The refined samples and the fraction of proposals accepted. */
  public record Result(List<int[]> samples, double acceptance) {}

  private BackAndForth() {}

  public static Result step(SpinSequence env, PolicyEvaluator pf, List<int[]> xs, int k, SplittableRandom rng) {
    int n = env.stateSize();
    if (k < 1 || k > n) throw new IllegalArgumentException("back-and-forth steps must be in [1, " + n + "], got " + k);
    int b = xs.size();
    int features = env.featureSize();
    int width = pf.architecture().outputWidth();
    int off = pf.architecture().forwardOffset();
    int[][] proposed = new int[b][];
    double[] logNew = new double[b];
    double[] logOld = new double[b];
    for (int i = 0; i < b; i++) {
      proposed[i] = xs.get(i).clone();
      for (int site = n - k; site < n; site++) proposed[i][site] = 0;
    }
    float[] in = new float[2 * b * features];
    float[] out = new float[2 * b * width];
    boolean[] mask = new boolean[env.numActions()];
    double[] probs = new double[env.numActions()];
    for (int t = 0; t < k; t++) {
      int site = n - k + t;
      for (int i = 0; i < b; i++) {
        env.encode(proposed[i], in, i * features);
        env.encode(prefix(xs.get(i), site), in, (b + i) * features);
      }
      pf.evaluate(in, 2 * b, out);
      for (int i = 0; i < b; i++) {
        env.forwardMask(proposed[i], mask);
        ActionDistribution.probabilities(out, i * width + off, mask, probs);
        int a = rng.nextDouble() < probs[0] ? 0 : 1;
        logNew[i] += Math.log(probs[a]);
        proposed[i] = env.step(proposed[i], a);
        ActionDistribution.probabilities(out, (b + i) * width + off, mask, probs);
        logOld[i] += Math.log(probs[xs.get(i)[site] < 0 ? 0 : 1]);
      }
    }
    List<int[]> result = new ArrayList<>(b);
    int accepted = 0;
    for (int i = 0; i < b; i++) {
      int[] x = xs.get(i);
      double logA = env.logReward(proposed[i]) - env.logReward(x) + logOld[i] - logNew[i];
      boolean accept = logA >= 0 || rng.nextDouble() < Math.exp(logA);
      result.add(accept ? proposed[i] : x);
      if (accept) accepted++;
    }
    return new Result(result, b == 0 ? Double.NaN : accepted / (double) b);
  }

  /** x with the sites from {@code from} on unset. */
  private static int[] prefix(int[] x, int from) {
    int[] p = x.clone();
    for (int i = from; i < p.length; i++) p[i] = 0;
    return p;
  }
}
