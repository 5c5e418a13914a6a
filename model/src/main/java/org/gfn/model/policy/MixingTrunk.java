package org.gfn.model.policy;

import java.util.Random;

/**
 * One stack of mixing blocks ({@link AttentionBlock} for sets, {@link GinBlock} for graphs) and the
 * {@link EntityHeads} on top, from the encoder's h0 to output rows. A structured policy has one,
 * or with a separate flow trunk two: the second's log F replaces the first's ({@link EntityMixer}).
 */
final class MixingTrunk {
  private final EntityStructure structure;
  private final AttentionBlock[] attention;
  private final GinBlock[] gin;
  private final EntityHeads heads;
  private final int count;

  MixingTrunk(PolicyArchitecture arch, int off) {
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

  /** Parameters of one trunk. */
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

  /** The first attention block, whose q, k, v executors cache per entity; null for graphs. */
  AttentionBlock firstAttention() {
    return attention.length > 0 ? attention[0] : null;
  }

  /** What backward needs of one forward pass. */
  static final class Trace {
    Object[] blocks;
    EntityHeads.Trace heads;
  }

  /** Output rows ({@code out}: states × outputWidth) from h0 (E × d); {@code qkv}: the first block's, or null. */
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
