package org.gfn.model.policy;

import java.util.Random;
import org.gfn.envs.EntityLayout;

/**
 * Everything of a structured policy after the per-entity encoder, for one state at a time, in
 * double: the mixing blocks ({@link AttentionBlock} for sets, {@link GinBlock} for graphs) and the
 * {@link EntityHeads}. Plain Java with a hand-written backward, shared by the learner's
 * {@link StructuredNetwork} and the executors' {@link StructuredForward}. Its parameters start at
 * {@code off} of the flat parameter array (after the encoder's).
 */
final class EntityMixer {
  private final PolicyArchitecture arch;
  private final EntityStructure structure;
  private final AttentionBlock[] attention;
  private final GinBlock[] gin;
  private final EntityHeads heads;
  private final int off;
  private final int count;

  EntityMixer(PolicyArchitecture arch, int off) {
    this.arch = arch;
    this.structure = arch.structure();
    this.off = off;
    int d = arch.width();
    Activation act = Activation.of(arch.activation());
    int layers = structure.mixLayers();
    int at = off;
    attention = new AttentionBlock[structure.graph() ? 0 : layers];
    gin = new GinBlock[structure.graph() ? layers : 0];
    for (int l = 0; l < layers; l++) {
      if (structure.graph()) {
        gin[l] = new GinBlock(d, act, at);
        at += GinBlock.paramCount(d);
      } else {
        attention[l] = new AttentionBlock(d, structure.heads(), act, at);
        at += AttentionBlock.paramCount(d);
      }
    }
    heads = new EntityHeads(arch, at);
    at += EntityHeads.paramCount(d, structure.layout().pairActions());
    count = at - off;
  }

  /** Parameters of the mixing blocks and heads. */
  static int paramCount(PolicyArchitecture arch) {
    EntityStructure s = arch.structure();
    int d = arch.width();
    int block = s.graph() ? GinBlock.paramCount(d) : AttentionBlock.paramCount(d);
    return s.mixLayers() * block + EntityHeads.paramCount(d, s.layout().pairActions());
  }

  int paramCount() {
    return count;
  }

  void init(double[] p, Random rng) {
    for (AttentionBlock b : attention) b.init(p, rng);
    for (GinBlock b : gin) b.init(p, rng);
    heads.init(p, rng);
  }

  /** The present entities of one state: their slots and, for graphs, local neighbour lists. */
  record Present(int[] idx, int[][] neighbours) {}

  static Present present(float[] features, int rowOffset, EntityLayout layout) {
    int n = layout.entities();
    int f = layout.features();
    int m = 0;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      if (features[rowOffset + i * f] != 0f) idx[m++] = i;
    }
    idx = java.util.Arrays.copyOf(idx, m);
    int[][] nb = null;
    if (layout.adjacency()) {
      int[] local = new int[n];
      java.util.Arrays.fill(local, -1);
      for (int k = 0; k < m; k++) local[idx[k]] = k;
      nb = new int[m][];
      int adj = f - n;
      for (int k = 0; k < m; k++) {
        int base = rowOffset + idx[k] * f + adj;
        int c = 0;
        int[] list = new int[m];
        for (int j = 0; j < n; j++) {
          if (features[base + j] != 0f && local[j] >= 0 && j != idx[k]) list[c++] = local[j];
        }
        nb[k] = java.util.Arrays.copyOf(list, c);
      }
    }
    return new Present(idx, nb);
  }

  /** What backward needs of one state's forward pass. */
  static final class Trace {
    Object[] blocks;
    EntityHeads.Trace heads;
  }

  /** Computes one state's output row into {@code row[at .. at + outputWidth)} from h0 (m × d). */
  Trace forward(double[] p, double[] h0, Present e, double[] row, int at) {
    Trace t = new Trace();
    int m = e.idx().length;
    int layers = structure.mixLayers();
    t.blocks = new Object[layers];
    double[] h = h0;
    for (int l = 0; l < layers; l++) {
      if (structure.graph()) {
        GinBlock.Trace b = gin[l].forward(p, h, m, e.neighbours());
        t.blocks[l] = b;
        h = b.out;
      } else {
        AttentionBlock.Trace b = attention[l].forward(p, h, m);
        t.blocks[l] = b;
        h = b.out;
      }
    }
    t.heads = heads.forward(p, h, m, e.idx(), row, at);
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh0. */
  double[] backward(double[] p, Trace t, double[] dRow, int at, double[] g) {
    double[] dh = heads.backward(p, t.heads, dRow, at, g);
    for (int l = structure.mixLayers() - 1; l >= 0; l--) {
      dh = structure.graph() ? gin[l].backward(p, (GinBlock.Trace) t.blocks[l], dh, g)
          : attention[l].backward(p, (AttentionBlock.Trace) t.blocks[l], dh, g);
    }
    return dh;
  }

  int offset() {
    return off;
  }

  PolicyArchitecture architecture() {
    return arch;
  }
}
