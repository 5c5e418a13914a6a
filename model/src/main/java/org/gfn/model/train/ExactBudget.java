package org.gfn.model.train;

import org.gfn.envs.Environment;
import org.gfn.model.config.SettingsException;
import org.gfn.model.policy.PolicyEvaluator;

/**
 * What one exact evaluation costs: a policy forward for every state of the space (plus masks and
 * the DP over the edges). Estimated at start from the space's size and a timed forward pass of
 * the run's policy shape, so that a space too large to evaluate within the budget is refused
 * before any work, not discovered an hour in.
 */
public final class ExactBudget {
  private static final int ROWS = 256;
  /**
   * Timed forwards repeat for at least this long, then until 20 in a row bring no new best (the
   * JIT must have compiled the path), for at most {@link #MAX_TIMING_NANOS}.
   */
  private static final long TIMING_NANOS = 300_000_000L;
  private static final long MAX_TIMING_NANOS = 5_000_000_000L;
  /** Masks, softmax and the DP over the edges, measured at about half the forward's cost. */
  private static final double OVERHEAD = 1.5;

  private ExactBudget() {}

  /** Estimated seconds of one exact evaluation of {@code env}'s space with {@code policy}. */
  public static double estimateSeconds(Environment env, PolicyEvaluator policy) {
    int f = env.featureSize();
    float[] features = new float[ROWS * f];
    for (int r = 0; r < ROWS; r++) env.encode(env.initialState(), features, r * f);
    float[] out = new float[ROWS * policy.architecture().outputWidth()];
    // The fastest of repeated forwards: the first ones run in the interpreter, which is much
    // slower than compiled code, and the Vector API's far more so than scalar loops.
    long best = Long.MAX_VALUE;
    long start = System.nanoTime();
    int sinceBest = 0;
    while (true) {
      long t0 = System.nanoTime();
      policy.evaluate(features, ROWS, out);
      long t = System.nanoTime() - t0;
      if (t < best * 0.95) {
        sinceBest = 0;
      } else {
        sinceBest++;
      }
      best = Math.min(best, t);
      long elapsed = System.nanoTime() - start;
      if (elapsed > MAX_TIMING_NANOS || (elapsed > TIMING_NANOS && sinceBest >= 20)) break;
    }
    return env.enumerableStates() * (best / 1e9 / ROWS) * OVERHEAD;
  }

  /** Refuses exact metrics for {@code env} when one evaluation would take over {@code maxSeconds}. */
  public static void check(Environment env, PolicyEvaluator policy, double maxSeconds) {
    double est = estimateSeconds(env, policy);
    if (est > maxSeconds) {
      throw new SettingsException(String.format("exact metrics of %s would take about %.0f s per evaluation"
          + " (%,d states, one policy forward each) against gfn.train.exact-eval-max-s = %s: train it with"
          + " gfn.train.exact-metrics = false, raise that limit, or choose a smaller space",
          env.name(), est, env.enumerableStates(), maxSeconds));
    }
  }
}
