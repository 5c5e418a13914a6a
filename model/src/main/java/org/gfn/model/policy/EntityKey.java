package org.gfn.model.policy;

import java.util.Arrays;

/**
 * An entity's own features as a hash key, so that an entity seen in several states (a root that
 * persists across the steps of a trajectory) is encoded once. A view of the features until
 * {@link #detach}ed into a copy.
 */
final class EntityKey {
  private final float[] data;
  private final int from;
  private final int len;
  private final int hash;

  EntityKey(float[] data, int from, int len) {
    this.data = data;
    this.from = from;
    this.len = len;
    int h = len; // a position-weighted sum: its terms are independent, so the JIT vectorises it
    for (int i = 0; i < len; i++) h += Float.floatToRawIntBits(data[from + i]) * (2 * i + 1);
    this.hash = h;
  }

  /** A key that owns a copy of its features (safe to keep after the features array changes). */
  EntityKey detach() {
    return new EntityKey(Arrays.copyOfRange(data, from, from + len), 0, len);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntityKey k && k.hash == hash && k.len == len
        && Arrays.equals(data, from, from + len, k.data, k.from, k.from + len);
  }
}
