package org.gfn.model.learn;

/**
 * @param learningRate Adam step size of the network
 * @param logZLearningRate Adam step size of log Z
 * @param clipNorm global L2 norm the network gradient is clipped to (0 disables)
 * @param emaDecay decay of the exponential moving average of the parameters used for sampling
 *     (0 disables: sampling uses the live parameters)
 * @param initialLogZ starting value of log Z
 * @param schedule multiplier of both learning rates per learner step (the network's Adam gets it
 *     where the network is built, see {@code Components.learner})
 * @param anneal the reward-exponent annealing of the training target
 */
public record LearnerConfig(double learningRate, double logZLearningRate, double clipNorm,
    double emaDecay, double initialLogZ, LearningRateSchedule schedule, RewardAnneal anneal) {
  /** No reward annealing. */
  public LearnerConfig(double learningRate, double logZLearningRate, double clipNorm, double emaDecay,
      double initialLogZ, LearningRateSchedule schedule) {
    this(learningRate, logZLearningRate, clipNorm, emaDecay, initialLogZ, schedule, RewardAnneal.NONE);
  }

  /** A constant learning rate. */
  public LearnerConfig(double learningRate, double logZLearningRate, double clipNorm, double emaDecay,
      double initialLogZ) {
    this(learningRate, logZLearningRate, clipNorm, emaDecay, initialLogZ, LearningRateSchedule.CONSTANT);
  }

  public LearnerConfig {
    if (schedule == null) throw new IllegalArgumentException("learning-rate schedule must not be null");
    if (anneal == null) throw new IllegalArgumentException("reward anneal must not be null");
    if (!(learningRate > 0)) throw new IllegalArgumentException("learner learning rate must be > 0, got " + learningRate);
    if (!(logZLearningRate >= 0)) throw new IllegalArgumentException("log Z learning rate must be >= 0, got " + logZLearningRate);
    if (clipNorm < 0) throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
    if (emaDecay < 0 || emaDecay >= 1) throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + emaDecay);
  }
}
