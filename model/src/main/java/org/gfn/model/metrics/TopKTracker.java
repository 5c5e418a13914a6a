package org.gfn.model.metrics;

import java.util.HashSet;
import java.util.Set;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.replay.Trajectory;

/**
 * Counts how many of the true top-K objects of a reward table have been sampled so far (the
 * papers' "modes discovered"), from the trajectories shown to {@link #observe}.
 */
public final class TopKTracker {
  private final int vocab;
  private final Set<Integer> targets = new HashSet<>();
  private final Set<Integer> found = new HashSet<>();

  public TopKTracker(PrependAppendSequence env, int[] topCodes) {
    this.vocab = env.vocabulary();
    for (int c : topCodes) targets.add(c);
  }

  public void observe(Trajectory[] batch) {
    for (Trajectory t : batch) {
      int c = PrependAppendSequence.code(t.terminal(), vocab);
      if (targets.contains(c)) found.add(c);
    }
  }

  public int discovered() {
    return found.size();
  }

  public int total() {
    return targets.size();
  }
}
