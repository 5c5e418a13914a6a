package org.gfn.envs;

import java.util.Arrays;

/** Invariant checks shared by every environment, so no environment has to be trusted with them. */
public final class Environments {
  private Environments() {}

  /**
   * log R(x), refusing a value that is NaN or +∞ (a reward that returned NaN, a negative value or
   * infinity). −∞ (R = 0) is refused too: GFlowNets need R &gt; 0 everywhere.
   */
  public static double checkedLogReward(Environment env, int[] x) {
    double lr = env.logReward(x);
    if (Double.isNaN(lr) || Double.isInfinite(lr)) {
      throw new IllegalStateException(
          "reward of " + env.name() + " at x=" + Arrays.toString(x) + " gave log R = " + lr
              + "; rewards must be finite and strictly positive (a negative or NaN R gives NaN)");
    }
    return lr;
  }

}
