package org.gfn.replay;

/**
 * How a {@link ReplayBuffer} stores and samples.
 *
 * @param capacity maximum number of trajectories kept; the oldest is evicted first
 * @param strategy base sampling strategy
 * @param temperature softmax temperature T of {@link Strategy#REWARD_PRIORITISED}:
 *     P(i) ∝ exp(log R_i / T)
 * @param recencyProbability with this probability a draw comes uniformly from the newest
 *     {@code recencyWindow} items instead of the base strategy (0 disables)
 * @param recencyWindow how many of the newest items the recency draw uses
 * @param dedup whether a trajectory whose terminal state is already stored is rejected
 * @param seed seed of the sampling random stream
 */
public record ReplayConfig(int capacity, Strategy strategy, double temperature,
    double recencyProbability, int recencyWindow, boolean dedup, long seed) {

  /** Base sampling strategies. */
  public enum Strategy { UNIFORM, REWARD_PRIORITISED }

  public ReplayConfig {
    if (capacity < 1) throw new IllegalArgumentException("replay capacity must be >= 1, got " + capacity);
    if (!(temperature > 0)) throw new IllegalArgumentException("replay temperature must be > 0, got " + temperature);
    if (recencyProbability < 0 || recencyProbability > 1) {
      throw new IllegalArgumentException("replay recency probability must be in [0, 1], got " + recencyProbability);
    }
    if (recencyWindow < 1) throw new IllegalArgumentException("replay recency window must be >= 1, got " + recencyWindow);
  }

  /** Uniform sampling without recency mix or dedup. */
  public static ReplayConfig uniform(int capacity, long seed) {
    return new ReplayConfig(capacity, Strategy.UNIFORM, 1.0, 0.0, 1, false, seed);
  }
}
