package org.gfn.envs;

import java.util.Arrays;

/**
 * The common shape of sequences of a fixed length L built one token at a time: the state is
 * {@code int[L]} holding the tokens placed so far, left-aligned, then an "empty" marker. The exit
 * action (last) is legal exactly at full length, and is then the only legal action; every other
 * forward action places one token; every backward action removes one. Subclasses say where a
 * token goes ({@link #place}), which one a backward action removes ({@link #remove}, default: the
 * last), how actions map to tokens, and the features. The number of states is Σ_l V^l for V
 * token values, enumerable up to five million.
 */
public abstract class FixedLengthSequence implements Environment {
  private static final long MAX_ENUMERABLE = 5_000_000L;

  /** Positions L. */
  protected final int length;
  /** Token values V per position. */
  protected final int tokens;
  /** The marker of an empty position. */
  protected final int empty;
  private final LogReward reward;

  protected FixedLengthSequence(int length, int tokens, int empty, LogReward reward) {
    this.length = length;
    this.tokens = tokens;
    this.empty = empty;
    this.reward = reward;
  }

  /** Number of tokens placed in {@code s}. */
  public int filled(int[] s) {
    int n = 0;
    while (n < length && s[n] != empty) n++;
    return n;
  }

  /** Writes the token of forward action {@code a} into {@code c}, which holds {@code n} tokens. */
  protected abstract void place(int[] c, int n, int a);

  /** Removes the token of backward action {@code b} from {@code p}, which holds {@code n} tokens. */
  protected void remove(int[] p, int n, int b) {
    p[n - 1] = empty;
  }

  @Override
  public int stateSize() {
    return length;
  }

  @Override
  public int[] initialState() {
    int[] s = new int[length];
    Arrays.fill(s, empty);
    return s;
  }

  @Override
  public boolean isInitial(int[] s) {
    return s[0] == empty;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    boolean full = filled(s) == length;
    Arrays.fill(mask, 0, mask.length - 1, !full);
    mask[mask.length - 1] = full;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    Arrays.fill(mask, s[0] != empty);
  }

  @Override
  public int[] step(int[] s, int a) {
    int n = filled(s);
    if (n == length || a < 0 || a >= numActions() - 1) {
      throw new IllegalArgumentException("illegal forward action " + a + " in " + Arrays.toString(s));
    }
    int[] c = s.clone();
    place(c, n, a);
    return c;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    int n = filled(s);
    if (n == 0 || b < 0 || b >= numBackwardActions()) {
      throw new IllegalArgumentException("illegal backward action " + b + " in " + Arrays.toString(s));
    }
    int[] p = s.clone();
    remove(p, n, b);
    return p;
  }

  @Override
  public double logReward(int[] x) {
    return reward.logReward(x);
  }

  /** The reward object (for environments that derive intermediate energies from it). */
  protected LogReward reward() {
    return reward;
  }

  @Override
  public int maxTrajectoryLength() {
    return length + 1;
  }

  @Override
  public long enumerableStates() {
    double total = 0;
    for (int l = 0; l <= length; l++) total += Math.pow(tokens, l);
    return total <= MAX_ENUMERABLE ? (long) total : -1;
  }
}
