package org.gfn.model.policy;

/**
 * The hidden-layer activations both inference paths (DL4J and plain Java) implement identically.
 * Plain Java only: executors load it, so the DL4J mapping lives in {@link PolicyNetwork}.
 */
public enum Activation {
  RELU, TANH, LEAKYRELU, ELU;

  /** DL4J's default leaky-ReLU slope. */
  static final float LEAK = 0.01f;

  public static Activation of(String name) {
    try {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown activation '" + name + "'; use relu, tanh, leakyrelu or elu");
    }
  }

  float apply(float x) {
    return switch (this) {
      case RELU -> x > 0 ? x : 0f;
      case TANH -> (float) Math.tanh(x);
      case LEAKYRELU -> x > 0 ? x : LEAK * x;
      case ELU -> x > 0 ? x : (float) Math.expm1(x);
    };
  }

  double apply(double x) {
    return switch (this) {
      case RELU -> x > 0 ? x : 0;
      case TANH -> Math.tanh(x);
      case LEAKYRELU -> x > 0 ? x : LEAK * x;
      case ELU -> x > 0 ? x : Math.expm1(x);
    };
  }

  /** The derivative at the input whose activation is {@code y} (all four are monotone). */
  double slopeAtOutput(double y) {
    return switch (this) {
      case RELU -> y > 0 ? 1 : 0;
      case TANH -> 1 - y * y;
      case LEAKYRELU -> y > 0 ? 1 : LEAK;
      case ELU -> y > 0 ? 1 : y + 1;
    };
  }
}
