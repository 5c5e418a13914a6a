package org.gfn.model.policy;

import java.util.Random;

/**
 * Everything of a structured policy after the per-entity encoder, for one state at a time, in
 * double: a {@link MixingTrunk} (mixing blocks and {@link EntityHeads}) on the stacked entities of
 * a batch of states ({@link EntityBatch}), and with the structure's {@code separateFlow} a second
 * trunk of the same shape on the same h0 whose log F is the policy's (Zhang et al. 2023 train the
 * flow as a network of its own): the flow's large values and gradients then stay out of the
 * blocks the logits are read from. Plain Java with a hand-written backward, shared by the learner's
 * {@link StructuredNetwork} and the executors' {@link StructuredForward}. Its parameters start at
 * {@code off} of the flat parameter array (after the encoder's): the policy trunk, then the flow's.
 */
final class EntityMixer {
  private final PolicyArchitecture arch;
  private final MixingTrunk policy;
  private final MixingTrunk flow; // null unless separate

  EntityMixer(PolicyArchitecture arch, int off) {
    this.arch = arch;
    this.policy = new MixingTrunk(arch, off);
    this.flow = separate(arch) ? new MixingTrunk(arch, off + policy.paramCount()) : null;
  }

  /** Whether log F comes from a trunk of its own (a structure that asks for one, and a log F head). */
  private static boolean separate(PolicyArchitecture arch) {
    return arch.structure().separateFlow() && arch.flowHead();
  }

  /** Parameters of the trunks. */
  static int paramCount(PolicyArchitecture arch) {
    return MixingTrunk.paramCount(arch) * (separate(arch) ? 2 : 1);
  }

  void init(double[] p, Random rng) {
    policy.init(p, rng);
    if (flow != null) flow.init(p, rng);
  }

  /** What backward needs of one forward pass. */
  static final class Trace {
    MixingTrunk.Trace policy;
    MixingTrunk.Trace flow;
  }

  /**
   * What of the mixing depends on one entity alone and can be cached with its encoding: the policy
   * trunk's first attention block's query, key and value (d values each) appended to h0; just h0
   * otherwise.
   */
  int cachedWidth() {
    return policy.firstAttention() != null ? 4 * arch.width() : arch.width();
  }

  /** h0 (1 × d) extended to {@link #cachedWidth} values. */
  double[] cached(double[] p, double[] h0) {
    AttentionBlock first = policy.firstAttention();
    if (first == null) return h0;
    int d = arch.width();
    double[][] qkv = first.project(Dense.JAVA, p, h0, 1);
    double[] out = java.util.Arrays.copyOf(h0, 4 * d);
    for (int k = 0; k < 3; k++) System.arraycopy(qkv[k], 0, out, (k + 1) * d, d);
    return out;
  }

  /** Computes the output rows of a batch of states ({@code out}: states × outputWidth) from h0 (E × d). */
  Trace forward(Linear lin, double[] p, double[] h0, EntityBatch b, double[] out) {
    return forward(lin, p, h0, null, b, out);
  }

  /** As {@link #forward(Linear, double[], double[], EntityBatch, double[])}, the policy trunk's first block's q, k, v given. */
  Trace forward(Linear lin, double[] p, double[] h0, double[][] qkv, EntityBatch b, double[] out) {
    Trace t = new Trace();
    t.policy = policy.forward(lin, p, h0, qkv, b, out);
    if (flow != null) {
      int w = arch.outputWidth();
      double[] rows = new double[b.states() * w];
      t.flow = flow.forward(lin, p, h0, null, b, rows);
      for (int s = 0; s < b.states(); s++) out[s * w + arch.flowOffset()] = rows[s * w + arch.flowOffset()];
    }
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh0. */
  double[] backward(Linear lin, double[] p, Trace t, EntityBatch b, double[] dOut, double[] g) {
    if (flow == null) return policy.backward(lin, p, t.policy, b, dOut, g);
    int w = arch.outputWidth();
    double[] dPolicy = dOut.clone();
    double[] dFlow = new double[dOut.length];
    for (int s = 0; s < b.states(); s++) {
      dFlow[s * w + arch.flowOffset()] = dOut[s * w + arch.flowOffset()];
      dPolicy[s * w + arch.flowOffset()] = 0;
    }
    double[] dh = policy.backward(lin, p, t.policy, b, dPolicy, g);
    double[] dhFlow = flow.backward(lin, p, t.flow, b, dFlow, g);
    for (int i = 0; i < dh.length; i++) dh[i] += dhFlow[i];
    return dh;
  }
}
