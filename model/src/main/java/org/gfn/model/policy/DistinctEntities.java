package org.gfn.model.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The distinct entities of a batch's stacked entity rows (a root persists over many states of a
 * trajectory, so the learner encodes it once and sums its gradients): {@code index[e]} numbers
 * entity row e's key among the distinct ones, {@code first[u]} is the first entity row with key u,
 * and {@code state}/{@code slot} say where each entity row comes from.
 */
record DistinctEntities(int[] index, int[] first, int[] state, int[] slot) {

  /** @param key the key of the entity in slot {@code slot} of state {@code state} */
  interface Keys {
    Object of(int state, int slot);
  }

  static DistinctEntities of(EntityBatch b, Keys keys) {
    int e = b.entities();
    int[] state = new int[e];
    int[] slot = new int[e];
    int[] index = new int[e];
    int[] first = new int[e];
    Map<Object, Integer> seen = new HashMap<>();
    int n = 0;
    for (int r = 0; r < b.states(); r++) {
      int[] slots = b.slots()[r];
      for (int k = 0; k < slots.length; k++) {
        int at = b.start()[r] + k;
        state[at] = r;
        slot[at] = slots[k];
        Integer u = seen.putIfAbsent(keys.of(r, slots[k]), n);
        if (u == null) {
          first[n] = at;
          u = n++;
        }
        index[at] = u;
      }
    }
    return new DistinctEntities(index, java.util.Arrays.copyOf(first, n), state, slot);
  }

  int count() {
    return first.length;
  }
}
