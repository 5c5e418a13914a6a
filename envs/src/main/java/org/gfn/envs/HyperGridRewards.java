package org.gfn.envs;

import java.util.HashSet;
import java.util.Set;

/** The HyperGrid rewards of torchgfn and gfnx. */
public final class HyperGridRewards {
  /** Tolerance torchgfn uses in its strict inequalities. */
  private static final double EPS = 1e-12;

  private HyperGridRewards() {}

  /**
   * The original reward (Bengio et al. 2021): with a_i = |x_i/(H−1) − 0.5|,
   * R = R0 + R1·∏1[a_i &gt; 0.25] + R2·∏1[0.3 &lt; a_i &lt; 0.4].
   */
  public static LogReward original(int height, double r0, double r1, double r2) {
    if (!(r0 > 0)) throw new IllegalArgumentException("HyperGrid R0 must be > 0, got " + r0);
    if (r1 < 0 || r2 < 0) throw new IllegalArgumentException("HyperGrid R1, R2 must be >= 0");
    return x -> {
      boolean outer = true;
      boolean ring = true;
      for (int v : x) {
        double a = Math.abs((double) v / (height - 1) - 0.5);
        outer &= 0.25 + EPS < a;
        ring &= 0.3 + EPS < a && a < 0.4 + EPS;
      }
      return Math.log(r0 + (outer ? r1 : 0) + (ring ? r2 : 0));
    };
  }

  /** A named preset of {@link #original}: {@code torchgfn} (0.1, 0.5, 2), {@code easy}, {@code hard}. */
  public static LogReward preset(String name, int height) {
    return switch (name) {
      case "torchgfn" -> original(height, 0.1, 0.5, 2.0);
      case "easy" -> original(height, 1e-3, 0.5, 2.0);
      case "hard" -> original(height, 1e-4, 1.0, 3.0);
      default -> throw new IllegalArgumentException(
          "unknown HyperGrid reward preset '" + name + "'; use torchgfn, easy or hard");
    };
  }

  /**
   * The sparse reward of GAFlowNet (Pan et al. 2022), as torchgfn defines it: R = 1 + 1e-12 on the
   * targets, the points whose coordinates are all in {1, H−2} except (1, …, 1), and 1e-12 elsewhere.
   */
  public static LogReward sparse(int dim, int height) {
    if (height < 3) throw new IllegalArgumentException("sparse HyperGrid reward needs H >= 3");
    Set<StateKey> targets = new HashSet<>();
    for (int mask = 0; mask < (1 << dim); mask++) {
      int[] t = new int[dim];
      for (int i = 0; i < dim; i++) t[i] = ((mask >> i) & 1) == 1 ? 1 : height - 2;
      // k = number of coordinates at 1 runs over 0..D−1 in torchgfn: never all of them.
      if (mask != (1 << dim) - 1) targets.add(new StateKey(t));
    }
    double hit = Math.log(1 + 1e-12);
    double miss = Math.log(1e-12);
    return x -> targets.contains(new StateKey(x)) ? hit : miss;
  }
}
