package org.gfn.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mode set, reward and test set of the bit-sequence task (Malkin et al. 2022, §5.2): modes
 * are n-bit strings made by concatenating random blocks from {00000000, 11111111, 11110000,
 * 00001111, 00111100}; R(x) = exp(−β·min_m Hamming(x, m)/n).
 */
public final class BitSequenceModes {
  private static final String[] BLOCKS = {"00000000", "11111111", "11110000", "00001111", "00111100"};

  private final int n;
  private final int[][] modes; // bits

  private BitSequenceModes(int n, int[][] modes) {
    this.n = n;
    this.modes = modes;
  }

  /** {@code count} distinct modes of length n (a multiple of 8), drawn with {@code seed}. */
  public static BitSequenceModes generate(int n, int count, long seed) {
    if (n % 8 != 0) throw new IllegalArgumentException("mode length n=" + n + " must be a multiple of 8");
    double distinct = Math.pow(BLOCKS.length, n / 8.0);
    if (count > distinct) {
      throw new IllegalArgumentException(count + " modes requested but only " + (long) distinct + " exist for n=" + n);
    }
    Random rng = new Random(seed);
    List<int[]> out = new ArrayList<>();
    java.util.Set<StateKey> seen = new java.util.HashSet<>();
    while (out.size() < count) {
      int[] m = new int[n];
      for (int b = 0; b < n / 8; b++) {
        String block = BLOCKS[rng.nextInt(BLOCKS.length)];
        for (int j = 0; j < 8; j++) m[b * 8 + j] = block.charAt(j) - '0';
      }
      if (seen.add(new StateKey(m))) out.add(m);
    }
    return new BitSequenceModes(n, out.toArray(new int[0][]));
  }

  public int count() {
    return modes.length;
  }

  public int[] mode(int i) {
    return modes[i].clone();
  }

  /** min over modes of the Hamming distance to {@code bits}. */
  public int minDistance(int[] bits) {
    int best = Integer.MAX_VALUE;
    for (int[] m : modes) best = Math.min(best, hamming(m, bits));
    return best;
  }

  public static int hamming(int[] a, int[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) d += a[i] != b[i] ? 1 : 0;
    return d;
  }

  /** The reward log R(x) = −β·min_m d(x, m)/n for the given environment's state layout. */
  public LogReward logReward(BitSequence env, double beta) {
    if (env.length() != n) throw new IllegalArgumentException("modes have length " + n + ", env " + env.length());
    return x -> -beta * minDistance(env.bits(x)) / n;
  }

  /**
   * The test set: for every mode and every 1 ≤ c &lt; n, the mode with c distinct random bits
   * flipped (count·(n−1) sequences, as bits).
   */
  public List<int[]> testSet(long seed) {
    Random rng = new Random(seed);
    List<int[]> out = new ArrayList<>();
    int[] idx = new int[n];
    for (int[] m : modes) {
      for (int c = 1; c < n; c++) {
        for (int i = 0; i < n; i++) idx[i] = i;
        int[] x = m.clone();
        for (int i = 0; i < c; i++) { // partial Fisher-Yates: c distinct positions
          int j = i + rng.nextInt(n - i);
          int t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
          x[idx[i]] ^= 1;
        }
        out.add(x);
      }
    }
    return out;
  }

  /** Number of modes with some sample (bits) within Hamming distance {@code threshold}. */
  public int modesFound(List<int[]> samples, int threshold) {
    int found = 0;
    for (int[] m : modes) {
      for (int[] s : samples) {
        if (hamming(m, s) <= threshold) {
          found++;
          break;
        }
      }
    }
    return found;
  }
}
