package org.gfn.model.policy;

import java.util.function.Supplier;
import org.gfn.envs.Environment;

/**
 * A trainable policy on the learner: the MLP ({@link Nd4jMlp}; {@link PolicyNetwork} is its DL4J
 * reference) or a set or graph policy
 * ({@link StructuredNetwork}). Training follows DESIGN.md: {@link #forward} keeps what
 * {@link #backward} needs, the objective's gradient with respect to the outputs is computed
 * outside, then the update. Parameters travel in the snapshot layout. Not thread-safe.
 */
public interface PolicyModel {
  PolicyArchitecture architecture();

  default int paramCount() {
    return architecture().paramCount();
  }

  /** The parameters in snapshot layout (a copy). */
  float[] params();

  /** Replaces the parameters with a snapshot-layout array. */
  void setParams(float[] params);

  default PolicySnapshot snapshot(long version) {
    return new PolicySnapshot(version, architecture(), params());
  }

  /** rows × outputWidth outputs, row-major, in the {@link PolicyArchitecture} layout. */
  double[] forward(float[] features, int rows);

  /**
   * {@link #forward} on states of {@code env}: the default takes the features from
   * {@code features}; a set policy reads only the distinct entities ({@link Environment#entityKeys}).
   */
  default double[] forwardStates(Environment env, int[][] states, int rows, Supplier<float[]> features) {
    return forward(features.get(), rows);
  }

  /** Backpropagates dLoss/dOutputs of the last {@link #forward}. */
  void backward(double[] dOut);

  /** The gradient of the last {@link #backward} in snapshot layout. */
  double[] gradient();

  double gradientNorm();

  /** Multiplies the last gradient by {@code factor} (clipping). */
  void scaleGradient(double factor);

  /** Applies Adam to the last gradient; {@code iteration} counts from 0. */
  void applyUpdate(int iteration);

  /** Adam's moments, flattened, for checkpoints. */
  double[] updaterState();

  void setUpdaterState(double[] state);
}
