package org.gfn.model.policy;

import java.io.Serializable;

/**
 * An immutable, versioned copy of the policy's parameters: what the learner broadcasts and what
 * rollouts read. The flat array uses DL4J's parameter layout (per head, per layer: W in column-major
 * [nIn × nOut] order, then b); a structured policy's encoder comes first in that layout, then the
 * mixing blocks and heads (input-major W). Never modify {@link #params()}. A temperature-conditioned
 * policy also carries its {@link TemperatureConditioning} (null otherwise); its evaluators then
 * take the β of each row.
 */
public record PolicySnapshot(long version, PolicyArchitecture architecture, float[] params,
    TemperatureConditioning temperature) implements Serializable {

  /** An unconditioned policy. */
  public PolicySnapshot(long version, PolicyArchitecture architecture, float[] params) {
    this(version, architecture, params, null);
  }

  public PolicySnapshot {
    if (temperature != null && architecture.structured()) {
      throw new IllegalArgumentException("temperature conditioning needs an MLP policy (gfn.policy.type = mlp)");
    }
    if (params.length != architecture.paramCount()) {
      throw new IllegalArgumentException("snapshot has " + params.length + " parameters but the architecture needs "
          + architecture.paramCount());
    }
  }

  /** A plain-Java evaluator of every head over this snapshot (cheap; one per thread). */
  public PolicyEvaluator evaluator() {
    return tempered(architecture.structured() ? new StructuredForward(this) : new MlpForward(this, false));
  }

  /**
   * An evaluator that computes only the P_F logits (the other heads read as 0): what forward
   * rollouts and exact metrics need, at a fraction of the cost when heads are separate.
   */
  public PolicyEvaluator forwardEvaluator() {
    return tempered(architecture.structured() ? new StructuredForward(this) : new MlpForward(this, true));
  }

  private PolicyEvaluator tempered(PolicyEvaluator e) {
    return temperature == null ? e : new TemperedEvaluator(e, temperature);
  }
}
