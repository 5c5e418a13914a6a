package org.gfn.envs;

import java.util.Arrays;

/** An int[] state usable as a hash key (arrays compare by identity otherwise). */
public record StateKey(int[] state) {
  @Override
  public boolean equals(Object o) {
    return o instanceof StateKey k && Arrays.equals(state, k.state);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(state);
  }

  @Override
  public String toString() {
    return Arrays.toString(state);
  }
}
