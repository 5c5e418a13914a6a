package org.gfn.model.policy;

import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;

/**
 * The present entities of a batch of states, stacked: state s owns entity rows
 * {@code start[s] .. start[s+1])}, whose slots are {@code slots[s]}; for graphs, each entity row's
 * neighbours as entity rows of the same state. Dense layers then run on all rows at once and only
 * attention, pooling and pair scores work per state (segment). With choice actions
 * ({@link EntityLayout#choices}), {@code chooser[s]} is the entity row that state s's choice
 * concerns, or −1.
 */
record EntityBatch(int[] start, int[][] slots, int[][] neighbours, int[] chooser) {

  int states() {
    return slots.length;
  }

  int entities() {
    return start[start.length - 1];
  }

  int size(int s) {
    return start[s + 1] - start[s];
  }

  /** The present entities (presence flag ≠ 0) of {@code rows} feature rows. */
  static EntityBatch of(float[] features, int rows, int featureSize, EntityLayout layout) {
    int n = layout.entities();
    int f = layout.features();
    int[] start = new int[rows + 1];
    int[][] slots = new int[rows][];
    for (int r = 0; r < rows; r++) {
      int base = r * featureSize;
      int m = 0;
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        if (features[base + i * f] != 0f) idx[m++] = i;
      }
      if (m == 0) throw new IllegalArgumentException("state " + r + " of the batch has no entities");
      slots[r] = java.util.Arrays.copyOf(idx, m);
      start[r + 1] = start[r] + m;
    }
    int[] chooser = null;
    if (layout.choices() > 0) {
      chooser = new int[rows];
      for (int r = 0; r < rows; r++) {
        chooser[r] = -1;
        for (int k = 0; k < slots[r].length; k++) {
          if (features[r * featureSize + slots[r][k] * f + 1] != 0f) chooser[r] = start[r] + k;
        }
      }
    }
    int[][] nb = null;
    if (layout.adjacency()) {
      nb = new int[start[rows]][];
      int[] local = new int[n];
      for (int r = 0; r < rows; r++) {
        java.util.Arrays.fill(local, -1);
        for (int k = 0; k < slots[r].length; k++) local[slots[r][k]] = start[r] + k;
        boolean sameSlots = r > 0 && java.util.Arrays.equals(slots[r], slots[r - 1]);
        int shift = r > 0 ? start[r] - start[r - 1] : 0;
        for (int k = 0; k < slots[r].length; k++) {
          int base = r * featureSize + slots[r][k] * f + f - n;
          if (sameSlots && java.util.Arrays.equals(features, base, base + n, features, base - featureSize, base - featureSize + n)) {
            // the previous state's row, same entities and adjacency (consecutive states of one graph)
            int[] previous = nb[start[r - 1] + k];
            int[] list = new int[previous.length];
            for (int c = 0; c < list.length; c++) list[c] = previous[c] + shift;
            nb[start[r] + k] = list;
            continue;
          }
          int c = 0;
          int[] list = new int[slots[r].length];
          for (int j = 0; j < n; j++) {
            if (features[base + j] != 0f && local[j] >= 0 && j != slots[r][k]) list[c++] = local[j];
          }
          nb[start[r] + k] = java.util.Arrays.copyOf(list, c);
        }
      }
    }
    return new EntityBatch(start, slots, nb, chooser);
  }

  /** Every state's entity keys ({@link Environment#entityKeys}), or null when the environment has none. */
  static Object[][] keysOf(Environment env, int[][] states, int rows) {
    Object[][] keys = new Object[rows][];
    for (int r = 0; r < rows; r++) {
      keys[r] = env.entityKeys(states[r]);
      if (keys[r] == null) return null;
    }
    return keys;
  }

  /**
   * The present entities (non-null keys) of a batch of states, without adjacency; with choice
   * actions, each state's choosing entity from {@link Environment#choosingEntity}.
   */
  static EntityBatch ofKeys(Object[][] keys, Environment env, int[][] states, EntityLayout layout) {
    int rows = keys.length;
    int[] start = new int[rows + 1];
    int[][] slots = new int[rows][];
    for (int r = 0; r < rows; r++) {
      int m = 0;
      int[] idx = new int[keys[r].length];
      for (int i = 0; i < idx.length; i++) {
        if (keys[r][i] != null) idx[m++] = i;
      }
      if (m == 0) throw new IllegalArgumentException("state " + r + " of the batch has no entities");
      slots[r] = java.util.Arrays.copyOf(idx, m);
      start[r + 1] = start[r] + m;
    }
    int[] chooser = null;
    if (layout.choices() > 0) {
      chooser = new int[rows];
      for (int r = 0; r < rows; r++) {
        int slot = env.choosingEntity(states[r]);
        chooser[r] = slot < 0 ? -1 : start[r] + java.util.Arrays.binarySearch(slots[r], slot);
        if (slot >= 0 && chooser[r] < start[r]) throw new IllegalStateException("choosing entity " + slot + " is absent");
      }
    }
    return new EntityBatch(start, slots, null, chooser);
  }
}
