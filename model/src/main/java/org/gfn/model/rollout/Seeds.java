package org.gfn.model.rollout;

/** Derives independent seeds from (run seed, round, partition, index) so any rollout can be replayed. */
public final class Seeds {
  private Seeds() {}

  /** SplitMix64 finaliser: a well-mixed 64-bit function of its input. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public static long derive(long seed, long... parts) {
    long s = mix(seed);
    for (long p : parts) s = mix(s ^ mix(p + 0x9e3779b97f4a7c15L));
    return s;
  }
}
