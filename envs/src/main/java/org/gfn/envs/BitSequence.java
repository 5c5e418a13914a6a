package org.gfn.envs;

/**
 * Bit sequences of the trajectory-balance paper (Malkin et al. 2022, §5.2): an n-bit string built
 * append-only from k-bit words. The state is {@code int[n/k]} holding the words appended so far
 * (values 0..2^k−1) followed by −1 for empty slots. Forward actions 0..2^k−1 append a word; the
 * exit action (2^k) is legal only once all n/k words are placed, and then it is the only legal
 * action. The single backward action removes the last word, so every object has exactly one
 * trajectory and log P_F(x) is exact. Features: per word, its k bits and a "filled" flag.
 */
public final class BitSequence extends FixedLengthSequence {
  private final int n;
  private final int k;

  public BitSequence(int n, int k, LogReward reward) {
    super(checkedWords(n, k), 1 << k, -1, reward);
    this.n = n;
    this.k = k;
  }

  private static int checkedWords(int n, int k) {
    if (k < 1 || k > 16) throw new IllegalArgumentException("BitSequence word size k must be in 1..16, got " + k);
    if (n < k || n % k != 0) {
      throw new IllegalArgumentException("BitSequence length n=" + n + " must be a positive multiple of k=" + k);
    }
    return n / k;
  }

  public int length() {
    return n;
  }

  public int wordSize() {
    return k;
  }

  /** The n bits of a complete sequence, most significant bit of each word first. */
  public int[] bits(int[] x) {
    int[] b = new int[n];
    for (int w = 0; w < length; w++) {
      for (int j = 0; j < k; j++) b[w * k + j] = (x[w] >> (k - 1 - j)) & 1;
    }
    return b;
  }

  /** The state holding the complete sequence {@code bits} (length n). */
  public int[] fromBits(int[] bits) {
    if (bits.length != n) throw new IllegalArgumentException("expected " + n + " bits, got " + bits.length);
    int[] x = new int[length];
    for (int w = 0; w < length; w++) {
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
  public int numActions() {
    return tokens + 1;
  }

  @Override
  public int numBackwardActions() {
    return 1;
  }

  @Override
  protected void place(int[] c, int filled, int a) {
    c[filled] = a;
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
  public int featureSize() {
    return length * (k + 1);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    for (int w = 0; w < length; w++) {
      int base = offset + w * (k + 1);
      boolean has = s[w] >= 0;
      for (int j = 0; j < k; j++) out[base + j] = has ? (s[w] >> (k - 1 - j)) & 1 : 0f;
      out[base + k] = has ? 1f : 0f;
    }
  }
}
