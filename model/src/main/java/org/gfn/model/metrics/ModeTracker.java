package org.gfn.model.metrics;

import org.gfn.envs.BitSequence;
import org.gfn.envs.BitSequenceModes;
import org.gfn.replay.Trajectory;

/**
 * Counts the bit-sequence modes found so far: a mode is found once any sampled object lies within
 * the Hamming threshold of it (the TB paper's "modes found" over all samples seen in training).
 */
public final class ModeTracker {
  private final BitSequence env;
  private final BitSequenceModes modes;
  private final int threshold;
  private final boolean[] found;
  private int count;

  public ModeTracker(BitSequence env, BitSequenceModes modes, int threshold) {
    this.env = env;
    this.modes = modes;
    this.threshold = threshold;
    this.found = new boolean[modes.count()];
  }

  public void observe(Trajectory[] batch) {
    for (Trajectory t : batch) {
      int[] bits = env.bits(t.terminal());
      for (int m = 0; m < found.length; m++) {
        if (!found[m] && BitSequenceModes.hamming(modes.mode(m), bits) <= threshold) {
          found[m] = true;
          count++;
        }
      }
    }
  }

  public int found() {
    return count;
  }

  public int total() {
    return found.length;
  }
}
