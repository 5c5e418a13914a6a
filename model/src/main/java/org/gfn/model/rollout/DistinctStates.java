package org.gfn.model.rollout;

import java.util.Arrays;

/**
 * The distinct states among a step's batch of rows, so that each is evaluated by the policy once:
 * trajectories of a batch share their start and, on small state spaces, many of their states
 * (512 walks of an untrained HyperGrid 8^4 policy sample 2.3-2.9 times as fast: docs/benchmarks.md).
 * A policy's output for a row depends on that row's state alone, so the walks are the same with and
 * without grouping, bit for bit. States are compared by content, through an open-addressing table
 * reused from step to step. Not thread-safe.
 */
final class DistinctStates {
  private int[] table = new int[16]; // 1 + index into distinct, 0 = empty
  private int[][] distinct = new int[0][];
  private int[] slot = new int[0];

  /**
   * Groups {@code states[0..rows)}; with {@code enabled} false every row is its own slot (rows
   * that differ in more than their state, such as their inverse temperature).
   *
   * @return the number of distinct states, {@link #distinct()}'s leading entries
   */
  int group(int[][] states, int rows, boolean enabled) {
    if (slot.length < rows) {
      slot = new int[rows];
      distinct = new int[rows][];
    }
    if (!enabled) {
      for (int k = 0; k < rows; k++) {
        distinct[k] = states[k];
        slot[k] = k;
      }
      return rows;
    }
    int capacity = Integer.highestOneBit(Math.max(16, 2 * rows - 1)) << 1;
    if (table.length < capacity) table = new int[capacity];
    Arrays.fill(table, 0, capacity, 0);
    int mask = capacity - 1;
    int count = 0;
    for (int k = 0; k < rows; k++) {
      int[] s = states[k];
      int h = mix(Arrays.hashCode(s)) & mask;
      while (true) {
        int e = table[h];
        if (e == 0) {
          distinct[count] = s;
          table[h] = ++count;
          slot[k] = count - 1;
          break;
        }
        int[] d = distinct[e - 1];
        if (d == s || Arrays.equals(d, s)) {
          slot[k] = e - 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    return count;
  }

  /** The distinct states of the last {@link #group}, as many leading entries as it returned. */
  int[][] distinct() {
    return distinct;
  }

  /** Which distinct state row {@code k} has. */
  int slot(int k) {
    return slot[k];
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
