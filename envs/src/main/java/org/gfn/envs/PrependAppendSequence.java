package org.gfn.envs;

import java.util.Arrays;

/**
 * Fixed-length sequences over a vocabulary of V tokens, built by prepending or appending one
 * token at a time (the environment of LS-GFN and Logit-GFN for TFBind8 and QM9 block strings),
 * or append-only. The state is {@code int[L]}: the tokens placed so far, left-aligned, then −1.
 *
 * <p>Forward actions: {@code v} prepends token v, {@code V + v} appends it (prepend/append
 * variant; append-only has only {@code v}); the exit action (last) is legal only at full length,
 * and is then the only legal action. Backward actions: 0 removes the first token, 1 the last
 * (append-only: the single backward action 0 removes the last). Several paths lead to the same string, so the state graph is a DAG.
 * Features: for each position a one-hot over V tokens plus "empty", L·(V+1) floats.
 */
public final class PrependAppendSequence implements Environment {
  private static final long MAX_ENUMERABLE = 5_000_000L;

  private final String name;
  private final int length;
  private final int vocab;
  private final boolean appendOnly;
  private final LogReward reward;

  public PrependAppendSequence(String name, int length, int vocab, boolean appendOnly, LogReward reward) {
    if (length < 1) throw new IllegalArgumentException("sequence length must be >= 1, got " + length);
    if (vocab < 1) throw new IllegalArgumentException("vocabulary size must be >= 1, got " + vocab);
    this.name = name;
    this.length = length;
    this.vocab = vocab;
    this.appendOnly = appendOnly;
    this.reward = reward;
  }

  public int length() {
    return length;
  }

  public int vocabulary() {
    return vocab;
  }

  /** Number of tokens placed. */
  public int filled(int[] s) {
    int n = 0;
    while (n < length && s[n] >= 0) n++;
    return n;
  }

  /** Base-V code of a complete sequence (first token most significant): its index in a reward table. */
  public static int code(int[] x, int vocab) {
    int c = 0;
    for (int v : x) c = c * vocab + v;
    return c;
  }

  @Override
  public String name() {
    return name + "(L=" + length + ",V=" + vocab + (appendOnly ? ",append-only" : "") + ")";
  }

  @Override
  public int stateSize() {
    return length;
  }

  @Override
  public int numActions() {
    return (appendOnly ? vocab : 2 * vocab) + 1;
  }

  @Override
  public int numBackwardActions() {
    return appendOnly ? 1 : 2;
  }

  @Override
  public int[] initialState() {
    int[] s = new int[length];
    Arrays.fill(s, -1);
    return s;
  }

  @Override
  public boolean isInitial(int[] s) {
    return s[0] < 0;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    boolean full = filled(s) == length;
    Arrays.fill(mask, 0, mask.length - 1, !full);
    mask[mask.length - 1] = full;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    boolean any = s[0] >= 0;
    Arrays.fill(mask, any);
  }

  @Override
  public int[] step(int[] s, int a) {
    int n = filled(s);
    if (n == length || a < 0 || a >= numActions() - 1) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + Arrays.toString(s));
    }
    int[] c = s.clone();
    if (!appendOnly && a < vocab) { // prepend
      System.arraycopy(s, 0, c, 1, n);
      c[0] = a;
    } else {
      c[n] = appendOnly ? a : a - vocab;
    }
    return c;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    int n = filled(s);
    if (n == 0 || b < 0 || b >= numBackwardActions()) {
      throw new IllegalArgumentException("illegal backward action " + b + " in " + Arrays.toString(s));
    }
    int[] p = s.clone();
    if (!appendOnly && b == 0) { // remove the first token
      System.arraycopy(s, 1, p, 0, n - 1);
    }
    p[n - 1] = -1;
    return p;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return appendOnly ? 0 : a < vocab ? 0 : 1;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    int n = filled(s);
    if (appendOnly) return s[n - 1];
    return b == 0 ? s[0] : vocab + s[n - 1];
  }

  @Override
  public double logReward(int[] x) {
    return reward.logReward(x);
  }

  @Override
  public int featureSize() {
    return length * (vocab + 1);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    Arrays.fill(out, offset, offset + length * (vocab + 1), 0f);
    for (int i = 0; i < length; i++) out[offset + i * (vocab + 1) + (s[i] >= 0 ? s[i] : vocab)] = 1f;
  }

  @Override
  public int maxTrajectoryLength() {
    return length + 1;
  }

  @Override
  public long enumerableStates() {
    double total = 0;
    for (int l = 0; l <= length; l++) total += Math.pow(vocab, l);
    return total <= MAX_ENUMERABLE ? (long) total : -1;
  }
}
