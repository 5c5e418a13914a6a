package org.gfn.model.learn;

/**
 * @param learningRate Adam step size of the network
 * @param logZLearningRate Adam step size of log Z
 * @param clipNorm global L2 norm the network gradient is clipped to (0 disables)
 * @param emaDecay decay of the exponential moving average of the parameters used for sampling
 *     (0 disables: sampling uses the live parameters)
 * @param initialLogZ starting value of log Z
 */
public record LearnerConfig(double learningRate, double logZLearningRate, double clipNorm,
    double emaDecay, double initialLogZ) {
  public LearnerConfig {
    if (!(learningRate > 0)) throw new IllegalArgumentException("learner learning rate must be > 0, got " + learningRate);
    if (!(logZLearningRate >= 0)) throw new IllegalArgumentException("log Z learning rate must be >= 0, got " + logZLearningRate);
    if (clipNorm < 0) throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
    if (emaDecay < 0 || emaDecay >= 1) throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + emaDecay);
  }
}
