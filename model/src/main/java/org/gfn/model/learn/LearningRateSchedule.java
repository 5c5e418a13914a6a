package org.gfn.model.learn;

/**
 * Multiplier of the learning rates (network and log Z) per learner step: constant, or a cosine
 * decay from 1 to {@code finalFraction} over {@code decaySteps} steps, after which it stays at
 * {@code finalFraction}.
 *
 * @param decaySteps horizon of the decay in learner steps (0 = constant)
 * @param finalFraction multiplier reached at the end of the decay, in (0, 1]
 */
public record LearningRateSchedule(long decaySteps, double finalFraction) {
  public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(0, 1);

  public LearningRateSchedule {
    if (decaySteps < 0) throw new IllegalArgumentException("decay steps must be >= 0, got " + decaySteps);
    if (!(finalFraction > 0 && finalFraction <= 1)) {
      throw new IllegalArgumentException("final learning-rate fraction must be in (0, 1], got " + finalFraction);
    }
  }

  /** Cosine decay to {@code finalFraction} over {@code decaySteps} learner steps. */
  public static LearningRateSchedule cosine(long decaySteps, double finalFraction) {
    return new LearningRateSchedule(decaySteps, finalFraction);
  }

  /** The multiplier at learner step {@code step} (counted from 0). */
  public double multiplier(long step) {
    if (decaySteps == 0) return 1;
    double progress = Math.min(1.0, Math.max(0, step) / (double) decaySteps);
    return finalFraction + (1 - finalFraction) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
