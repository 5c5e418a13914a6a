package org.gfn.model.policy;

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
}
