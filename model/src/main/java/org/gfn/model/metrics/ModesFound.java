package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.envs.StateSpace;
import org.gfn.replay.Trajectory;

/**
 * Modes found on an enumerable task: the terminal states whose reward is at least half the largest
 * (on the sparse HyperGrid, its 2^D − 1 targets), counted once any fresh trajectory ends in one.
 */
public final class ModesFound implements Discovery {
  private final StateSpace space;
  private final boolean[] mode;
  private final boolean[] found;
  private final int total;
  private int count;

  public ModesFound(StateSpace space) {
    this.space = space;
    int n = space.size();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) if (space.isTerminal(i)) max = Math.max(max, space.logReward(i));
    mode = new boolean[n];
    found = new boolean[n];
    int t = 0;
    for (int i = 0; i < n; i++) {
      mode[i] = space.isTerminal(i) && space.logReward(i) >= max - Math.log(2);
      if (mode[i]) t++;
    }
    total = t;
  }

  @Override
  public void observe(Trajectory t) {
    int i = space.indexOf(t.terminal());
    if (mode[i] && !found[i]) {
      found[i] = true;
      count++;
    }
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("modes_found", count);
    m.put("modes_total", total);
    return m;
  }
}
