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
