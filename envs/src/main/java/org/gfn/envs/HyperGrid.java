package org.gfn.envs;

import java.util.Arrays;

/**
 * HyperGrid (Bengio et al. 2021) with the torchgfn/gfnx conventions: states are points of
 * {0..H−1}^D starting at the origin; forward action i &lt; D increments coordinate i, action D exits;
 * every state is terminal. Backward action i decrements coordinate i. Features are K-hot: one
 * one-hot block of H per coordinate (D·H floats).
 */
public final class HyperGrid implements Environment {
  /** Spaces above this many states are not enumerated. */
  static final long MAX_ENUMERABLE = 5_000_000L;

  private final int dim;
  private final int height;
  private final LogReward reward;
  private final double rewardNoise;

  public HyperGrid(int dim, int height, LogReward reward) {
    this(dim, height, reward, 0);
  }

  /** As above, with rewards observed through multiplicative log-normal noise of σ = {@code rewardNoise}. */
  public HyperGrid(int dim, int height, LogReward reward, double rewardNoise) {
    if (dim < 1) throw new IllegalArgumentException("HyperGrid dim must be >= 1, got " + dim);
    if (height < 2) throw new IllegalArgumentException("HyperGrid height must be >= 2, got " + height);
    if (!(rewardNoise >= 0) || Double.isInfinite(rewardNoise)) {
      throw new IllegalArgumentException("HyperGrid reward noise must be >= 0, got " + rewardNoise);
    }
    this.dim = dim;
    this.height = height;
    this.reward = reward;
    this.rewardNoise = rewardNoise;
  }

  @Override
  public double rewardNoise() {
    return rewardNoise;
  }

  @Override
  public int backwardActionBetween(int[] parent, int[] s) {
    for (int i = 0; i < dim; i++) if (s[i] == parent[i] + 1) return i;
    throw new IllegalArgumentException(Arrays.toString(parent) + " is not a parent of " + Arrays.toString(s));
  }

  public int dim() {
    return dim;
  }

  public int height() {
    return height;
  }

  @Override
  public String name() {
    return "hypergrid(D=" + dim + ",H=" + height + ")";
  }

  @Override
  public int stateSize() {
    return dim;
  }

  @Override
  public int numActions() {
    return dim + 1;
  }

  @Override
  public int numBackwardActions() {
    return dim;
  }

  @Override
  public int[] initialState() {
    return new int[dim];
  }

  @Override
  public boolean isInitial(int[] s) {
    for (int v : s) if (v != 0) return false;
    return true;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    for (int i = 0; i < dim; i++) mask[i] = s[i] < height - 1;
    mask[dim] = true;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    for (int i = 0; i < dim; i++) mask[i] = s[i] > 0;
  }

  @Override
  public int[] step(int[] s, int a) {
    if (a < 0 || a >= dim || s[a] >= height - 1) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + Arrays.toString(s));
    }
    int[] c = s.clone();
    c[a]++;
    return c;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    if (b < 0 || b >= dim || s[b] <= 0) {
      throw new IllegalArgumentException("illegal backward action " + b + " in " + Arrays.toString(s));
    }
    int[] p = s.clone();
    p[b]--;
    return p;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return a;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    return b;
  }

  @Override
  public double logReward(int[] x) {
    return reward.logReward(x);
  }

  @Override
  public double intermediateLogReward(int[] s) {
    return reward.logReward(s); // every state is terminal, so every state has a reward
  }

  @Override
  public boolean hasIntermediateRewards() {
    return true;
  }

  @Override
  public int featureSize() {
    return dim * height;
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    Arrays.fill(out, offset, offset + dim * height, 0f);
    for (int i = 0; i < dim; i++) out[offset + i * height + s[i]] = 1f;
  }

  @Override
  public int maxTrajectoryLength() {
    return dim * (height - 1) + 1;
  }

  @Override
  public long enumerableStates() {
    double n = Math.pow(height, dim);
    return n <= MAX_ENUMERABLE ? (long) n : -1;
  }
}
