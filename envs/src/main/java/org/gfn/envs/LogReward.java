package org.gfn.envs;

import java.io.Serializable;

/**
 * A reward, in log space: {@code logReward(x) = log R(x)} for a terminal object {@code x}, laid out
 * as the owning environment's state array. Injected into an environment so a task can swap it.
 */
@FunctionalInterface
public interface LogReward extends Serializable {
  double logReward(int[] x);
}
