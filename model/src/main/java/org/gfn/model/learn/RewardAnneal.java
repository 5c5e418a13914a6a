package org.gfn.model.learn;

/**
 * Reward-exponent annealing (Zhang et al. 2023): the learner trains toward R(x)^a, intermediate
 * energies included, with a rising linearly from {@code start} to 1 over the first {@code steps}
 * learner steps, so that early training sees a flat target and later training the sharp one the
 * reward's temperature sets. Rewards stored with trajectories are never changed.
 *
 * @param start the exponent at step 0, in (0, 1]
 * @param steps the learner steps over which it reaches 1 (0: no annealing)
 */
public record RewardAnneal(double start, long steps) implements java.io.Serializable {
  /** No annealing: a = 1 throughout. */
  public static final RewardAnneal NONE = new RewardAnneal(1, 0);

  public RewardAnneal {
    if (!(start > 0 && start <= 1)) throw new IllegalArgumentException("reward-anneal start must be in (0, 1], got " + start);
    if (steps < 0) throw new IllegalArgumentException("reward-anneal steps must be >= 0, got " + steps);
  }

  /** The exponent a at learner step {@code step}. */
  public double exponent(long step) {
    if (steps == 0) return 1;
    return start + (1 - start) * Math.min(1.0, step / (double) steps);
  }
}
