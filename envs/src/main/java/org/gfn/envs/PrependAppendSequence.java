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
public final class PrependAppendSequence extends FixedLengthSequence {
  private final String name;
  private final boolean appendOnly;

  public PrependAppendSequence(String name, int length, int vocab, boolean appendOnly, LogReward reward) {
    super(checked(length, "sequence length"), checked(vocab, "vocabulary size"), -1, reward);
    this.name = name;
    this.appendOnly = appendOnly;
  }

  private static int checked(int value, String what) {
    if (value < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    return value;
  }

  public int length() {
    return length;
  }

  public int vocabulary() {
    return tokens;
  }

  /** Base-V code of a complete sequence (first token most significant): its index in a reward table. */
  public static int code(int[] x, int vocab) {
    int c = 0;
    for (int v : x) c = c * vocab + v;
    return c;
  }

  @Override
  public String name() {
    return name + "(L=" + length + ",V=" + tokens + (appendOnly ? ",append-only" : "") + ")";
  }

  @Override
  public int numActions() {
    return (appendOnly ? tokens : 2 * tokens) + 1;
  }

  @Override
  public int numBackwardActions() {
    return appendOnly ? 1 : 2;
  }

  @Override
  protected void place(int[] c, int n, int a) {
    if (!appendOnly && a < tokens) { // prepend
      System.arraycopy(c, 0, c, 1, n);
      c[0] = a;
    } else {
      c[n] = appendOnly ? a : a - tokens;
    }
  }

  @Override
  protected void remove(int[] p, int n, int b) {
    if (!appendOnly && b == 0) System.arraycopy(p, 1, p, 0, n - 1); // remove the first token
    p[n - 1] = empty;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return appendOnly ? 0 : a < tokens ? 0 : 1;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    int n = filled(s);
    if (appendOnly) return s[n - 1];
    return b == 0 ? s[0] : tokens + s[n - 1];
  }

  @Override
  public int featureSize() {
    return length * (tokens + 1);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    Arrays.fill(out, offset, offset + length * (tokens + 1), 0f);
    for (int i = 0; i < length; i++) out[offset + i * (tokens + 1) + (s[i] >= 0 ? s[i] : tokens)] = 1f;
  }
}
