package org.gfn.envs;

import java.util.Arrays;

/**
 * Bit sequences of the trajectory-balance paper (Malkin et al. 2022, §5.2): an n-bit string built
 * append-only from k-bit words. The state is {@code int[n/k]} holding the words appended so far
 * (values 0..2^k−1) followed by −1 for empty slots. Forward actions 0..2^k−1 append a word; the
 * exit action (2^k) is legal only once all n/k words are placed, and then it is the only legal
 * action. The single backward action removes the last word, so every object has exactly one
 * trajectory and log P_F(x) is exact. Features: per word, its k bits and a "filled" flag.
 */
public final class BitSequence implements Environment {
  private static final long MAX_ENUMERABLE = 5_000_000L;

  private final int n;
  private final int k;
  private final int words;
  private final LogReward reward;

  public BitSequence(int n, int k, LogReward reward) {
    if (k < 1 || k > 16) throw new IllegalArgumentException("BitSequence word size k must be in 1..16, got " + k);
    if (n < k || n % k != 0) {
      throw new IllegalArgumentException("BitSequence length n=" + n + " must be a positive multiple of k=" + k);
    }
    this.n = n;
    this.k = k;
    this.words = n / k;
    this.reward = reward;
  }

  public int length() {
    return n;
  }

  public int wordSize() {
    return k;
  }

  /** Number of words placed in {@code s}. */
  public int filled(int[] s) {
    int len = 0;
    while (len < words && s[len] >= 0) len++;
    return len;
  }

  /** The n bits of a complete sequence, most significant bit of each word first. */
  public int[] bits(int[] x) {
    int[] b = new int[n];
    for (int w = 0; w < words; w++) {
      for (int j = 0; j < k; j++) b[w * k + j] = (x[w] >> (k - 1 - j)) & 1;
    }
    return b;
  }

  /** The state holding the complete sequence {@code bits} (length n). */
  public int[] fromBits(int[] bits) {
    if (bits.length != n) throw new IllegalArgumentException("expected " + n + " bits, got " + bits.length);
    int[] x = new int[words];
    for (int w = 0; w < words; w++) {
      int v = 0;
      for (int j = 0; j < k; j++) v = (v << 1) | bits[w * k + j];
      x[w] = v;
    }
    return x;
  }

  @Override
  public String name() {
    return "bitseq(n=" + n + ",k=" + k + ")";
  }

  @Override
  public int stateSize() {
    return words;
  }

  @Override
  public int numActions() {
    return (1 << k) + 1;
  }

  @Override
  public int numBackwardActions() {
    return 1;
  }

  @Override
  public int[] initialState() {
    int[] s = new int[words];
    Arrays.fill(s, -1);
    return s;
  }

  @Override
  public boolean isInitial(int[] s) {
    return s[0] < 0;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    boolean full = filled(s) == words;
    Arrays.fill(mask, 0, 1 << k, !full);
    mask[1 << k] = full;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    mask[0] = s[0] >= 0;
  }

  @Override
  public int[] step(int[] s, int a) {
    int len = filled(s);
    if (len == words || a < 0 || a >= (1 << k)) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + Arrays.toString(s));
    }
    int[] c = s.clone();
    c[len] = a;
    return c;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    int len = filled(s);
    if (len == 0 || b != 0) {
      throw new IllegalArgumentException("illegal backward action " + b + " in " + Arrays.toString(s));
    }
    int[] p = s.clone();
    p[len - 1] = -1;
    return p;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return 0;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    return s[filled(s) - 1];
  }

  @Override
  public double logReward(int[] x) {
    return reward.logReward(x);
  }

  @Override
  public int featureSize() {
    return words * (k + 1);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    for (int w = 0; w < words; w++) {
      int base = offset + w * (k + 1);
      boolean has = s[w] >= 0;
      for (int j = 0; j < k; j++) out[base + j] = has ? (s[w] >> (k - 1 - j)) & 1 : 0f;
      out[base + k] = has ? 1f : 0f;
    }
  }

  @Override
  public int maxTrajectoryLength() {
    return words + 1;
  }

  @Override
  public long enumerableStates() {
    double total = 0;
    for (int l = 0; l <= words; l++) total += Math.pow(2, (double) k * l);
    return total <= MAX_ENUMERABLE ? (long) total : -1;
  }
}
