package org.gfn.model.policy;

import java.io.Serializable;

/**
 * An immutable, versioned copy of the policy's parameters: what the learner broadcasts and what
 * rollouts read. The flat array uses DL4J's parameter layout (per head, per layer: W in column-major
 * [nIn × nOut] order, then b); a structured policy's encoder comes first in that layout, then the
 * mixing blocks and heads (input-major W). Never modify {@link #params()}. A temperature-conditioned
 * policy also carries its {@link TemperatureConditioning} (null otherwise); its evaluators then
 * take the β of each row. A quantile-flow policy (objective QM) carries its {@link QuantileFlows}
 * (null otherwise): its network's forward head then holds n quantiles per action, and its
 * evaluators report the distorted expected flows as P_F logits.
 */
public record PolicySnapshot(long version, PolicyArchitecture architecture, float[] params,
    TemperatureConditioning temperature, QuantileFlows quantiles) implements Serializable {

  /** An unconditioned policy. */
  public PolicySnapshot(long version, PolicyArchitecture architecture, float[] params) {
    this(version, architecture, params, null, null);
  }

  /** A policy with one log-flow per edge, temperature-conditioned when {@code temperature} is not null. */
  public PolicySnapshot(long version, PolicyArchitecture architecture, float[] params, TemperatureConditioning temperature) {
    this(version, architecture, params, temperature, null);
  }

  public PolicySnapshot {
    if (temperature != null && architecture.structured()) {
      throw new IllegalArgumentException("temperature conditioning needs an MLP policy (gfn.policy.type = mlp)");
    }
    if (quantiles != null && (architecture.structured() || temperature != null)) {
      throw new IllegalArgumentException("quantile flows need an unconditioned MLP policy");
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

  /**
   * The network's own outputs, before a quantile-flow policy's expectation or a temperature's
   * scaling: n log-flow quantiles per forward action for QM (inspection and tests).
   */
  public PolicyEvaluator networkEvaluator() {
    return architecture.structured() ? new StructuredForward(this) : new MlpForward(this, false);
  }

  private PolicyEvaluator tempered(PolicyEvaluator e) {
    if (quantiles != null) return new QuantileEvaluator(e, quantiles);
    return temperature == null ? e : new TemperedEvaluator(e, temperature);
  }
}
