package org.gfn.model.policy;

import java.util.Random;

/**
 * Everything of a structured policy after the per-entity encoder, for one state at a time, in
 * double: the mixing blocks ({@link AttentionBlock} for sets, {@link GinBlock} for graphs) and the
 * {@link EntityHeads}, on the stacked entities of a batch of states ({@link EntityBatch}). Plain
 * Java with a hand-written backward, shared by the learner's
 * {@link StructuredNetwork} and the executors' {@link StructuredForward}. Its parameters start at
 * {@code off} of the flat parameter array (after the encoder's).
 */
final class EntityMixer {
  private final PolicyArchitecture arch;
  private final EntityStructure structure;
  private final AttentionBlock[] attention;
  private final GinBlock[] gin;
  private final EntityHeads heads;
  private final int count;

  EntityMixer(PolicyArchitecture arch, int off) {
    this.arch = arch;
    this.structure = arch.structure();
    int d = arch.width();
    Activation act = Activation.of(arch.activation());
    int layers = structure.mixLayers();
    int at = off;
    attention = new AttentionBlock[structure.graph() ? 0 : layers];
    gin = new GinBlock[structure.graph() ? layers : 0];
    for (int l = 0; l < layers; l++) {
      if (structure.graph()) {
        gin[l] = new GinBlock(d, act, at, structure.meanAggregation());
        at += GinBlock.paramCount(d);
      } else {
        attention[l] = new AttentionBlock(d, structure.heads(), act, at);
        at += AttentionBlock.paramCount(d);
      }
    }
    heads = new EntityHeads(arch, at);
    at += EntityHeads.paramCount(d, structure.layout());
    count = at - off;
  }

  /** Parameters of the mixing blocks and heads. */
  static int paramCount(PolicyArchitecture arch) {
    EntityStructure s = arch.structure();
    int d = arch.width();
    int block = s.graph() ? GinBlock.paramCount(d) : AttentionBlock.paramCount(d);
    return s.mixLayers() * block + EntityHeads.paramCount(d, s.layout());
  }

  int paramCount() {
    return count;
  }

  void init(double[] p, Random rng) {
    for (AttentionBlock b : attention) b.init(p, rng);
    for (GinBlock b : gin) b.init(p, rng);
    heads.init(p, rng);
  }

  /** What backward needs of one forward pass. */
  static final class Trace {
    Object[] blocks;
    EntityHeads.Trace heads;
  }

  /**
   * What of the mixing depends on one entity alone and can be cached with its encoding: the first
   * attention block's query, key and value (d values each) appended to h0; just h0 otherwise.
   */
  int cachedWidth() {
    return attention.length > 0 ? 4 * arch.width() : arch.width();
  }

  /** h0 (1 × d) extended to {@link #cachedWidth} values. */
  double[] cached(double[] p, double[] h0) {
    if (attention.length == 0) return h0;
    int d = arch.width();
    double[][] qkv = attention[0].project(Dense.JAVA, p, h0, 1);
    double[] out = java.util.Arrays.copyOf(h0, 4 * d);
    for (int k = 0; k < 3; k++) System.arraycopy(qkv[k], 0, out, (k + 1) * d, d);
    return out;
  }

  /** Computes the output rows of a batch of states ({@code out}: states × outputWidth) from h0 (E × d). */
  Trace forward(Linear lin, double[] p, double[] h0, EntityBatch b, double[] out) {
    return forward(lin, p, h0, null, b, out);
  }

  /** As {@link #forward(Linear, double[], double[], EntityBatch, double[])}, the first block's q, k, v given. */
  Trace forward(Linear lin, double[] p, double[] h0, double[][] qkv, EntityBatch b, double[] out) {
    Trace t = new Trace();
    int layers = structure.mixLayers();
    t.blocks = new Object[layers];
    double[] h = h0;
    for (int l = 0; l < layers; l++) {
      if (structure.graph()) {
        GinBlock.Trace g = gin[l].forward(lin, p, h, b);
        t.blocks[l] = g;
        h = g.out;
      } else {
        AttentionBlock.Trace a = attention[l].forward(lin, p, h, b, l == 0 ? qkv : null);
        t.blocks[l] = a;
        h = a.out;
      }
    }
    t.heads = heads.forward(lin, p, h, b, out);
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh0. */
  double[] backward(Linear lin, double[] p, Trace t, EntityBatch b, double[] dOut, double[] g) {
    double[] dh = heads.backward(lin, p, t.heads, b, dOut, g);
    for (int l = structure.mixLayers() - 1; l >= 0; l--) {
      dh = structure.graph() ? gin[l].backward(lin, p, (GinBlock.Trace) t.blocks[l], b, dh, g)
          : attention[l].backward(lin, p, (AttentionBlock.Trace) t.blocks[l], b, dh, g);
    }
    return dh;
  }
}
