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
    int h = len; // a position-weighted sum of scrambled values: independent terms, so it vectorises
    for (int i = 0; i < len; i++) {
      int v = Float.floatToRawIntBits(data[from + i]);
      h += ((v ^ (v >>> 17)) * 0x2C1B3C6D) * (2 * i + 1);
    }
    h ^= h >>> 16; // murmur3's finaliser: small integer-valued floats differ only in high bits
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
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
