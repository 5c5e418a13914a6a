package org.gfn.model.policy;

import org.gfn.envs.Environment;

/**
 * Evaluates a policy on a batch of feature rows: {@code out[r·W .. (r+1)·W)} receives row r's
 * output in the {@link PolicyArchitecture} layout (W = outputWidth). Implementations are not
 * required to be thread-safe; give each thread its own.
 */
public interface PolicyEvaluator {
  PolicyArchitecture architecture();

  /**
   * @param features rows × featureSize floats, row-major
   * @param rows number of rows
   * @param out rows × outputWidth floats, row-major (written)
   */
  void evaluate(float[] features, int rows, float[] out);

  /** The temperature conditioning of this policy, or null when it is unconditioned. */
  default TemperatureConditioning temperature() {
    return null;
  }

  /**
   * The inverse temperature of each row of the following evaluations ({@code rowBetas[r]} for row
   * r; the array is read, not copied). Only for temperature-conditioned policies.
   */
  default void setBetas(double[] rowBetas) {
    throw new UnsupportedOperationException("this policy is not temperature-conditioned (gfn.conditioning.temperature)");
  }

  /** One inverse temperature for every row of the following evaluations. */
  default void setBeta(double beta) {
    throw new UnsupportedOperationException("this policy is not temperature-conditioned (gfn.conditioning.temperature)");
  }

  /**
   * Evaluates states of {@code env} directly. The default encodes them into {@code features}
   * (scratch, at least rows × featureSize floats) and calls {@link #evaluate}; a set policy reads
   * only the entities it has not seen before ({@link Environment#entityKeys}).
   */
  default void evaluateStates(Environment env, int[][] states, int rows, float[] features, float[] out) {
    int f = env.featureSize();
    for (int r = 0; r < rows; r++) env.encode(states[r], features, r * f);
    evaluate(features, rows, out);
  }
}
