package org.gfn.model.policy;

import java.util.Random;

/**
 * One GIN block (Xu et al. 2019, ε = 0) over the entity embeddings of each state and their
 * neighbour lists:
 * x_i = h_i + Σ_{j ∈ N(i)} h_j, then h'_i = act(act(x_i·W_1 + b_1)·W_2 + b_2). Sum aggregation
 * over an unordered neighbourhood, so relabelling the entities relabels the output; with
 * {@code mean}, x_i = h_i + Σ_{j ∈ N(i)} h_j / |N(i)| (the sum's scale grows with the degree and,
 * block after block, with depth). The backward pass gathers over the same lists, which holds
 * because adjacency is symmetric ({@link org.gfn.envs.EntityLayout}).
 * Parameters from {@code off}: W_1, b_1, W_2, b_2.
 */
final class GinBlock {
  private final int d;
  private final Activation act;
  private final int off;
  private final boolean mean;

  GinBlock(int d, Activation act, int off, boolean mean) {
    this.d = d;
    this.act = act;
    this.off = off;
    this.mean = mean;
  }

  static int paramCount(int d) {
    return 2 * d * d + 2 * d;
  }

  private int w1() { return off; }
  private int b1() { return off + d * d; }
  private int w2() { return b1() + d; }
  private int b2() { return w2() + d * d; }

  void init(double[] p, Random rng) {
    Dense.init(p, w1(), b1(), d, d, rng);
    Dense.init(p, w2(), b2(), d, d, rng);
  }

  static final class Trace {
    double[] x, z1, out;
  }

  Trace forward(Linear lin, double[] p, double[] h, EntityBatch b) {
    int e = b.entities();
    Trace t = new Trace();
    if (mean) {
      t.x = new double[e * d];
      Dense.addNeighbours(h, b.neighbours(), e, d, t.x);
      scaleRows(t.x, b.neighbours(), e);
      for (int k = 0; k < e * d; k++) t.x[k] += h[k];
    } else {
      t.x = h.clone();
      Dense.addNeighbours(h, b.neighbours(), e, d, t.x);
    }
    t.z1 = new double[e * d];
    lin.forward(t.x, e, d, p, w1(), b1(), d, t.z1);
    Dense.activate(act, t.z1, e * d);
    t.out = new double[e * d];
    lin.forward(t.z1, e, d, p, w2(), b2(), d, t.out);
    Dense.activate(act, t.out, e * d);
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh. */
  double[] backward(Linear lin, double[] p, Trace t, EntityBatch b, double[] dOut, double[] g) {
    int e = b.entities();
    double[] dz2 = dOut.clone();
    Dense.activationBackward(act, t.out, dz2, e * d);
    double[] dz1 = new double[e * d];
    lin.backward(t.z1, dz2, e, d, p, w2(), b2(), d, g, dz1);
    Dense.activationBackward(act, t.z1, dz1, e * d);
    double[] dx = new double[e * d];
    lin.backward(t.x, dz1, e, d, p, w1(), b1(), d, g, dx);
    double[] dh = dx.clone(); // dh_j += Σ_{i: j ∈ N(i)} dx_i (/ |N(i)|), a sum over N(j) as adjacency is symmetric
    if (mean) scaleRows(dx, b.neighbours(), e);
    Dense.addNeighbours(dx, b.neighbours(), e, d, dh);
    return dh;
  }

  /** Divides row i of {@code x} by |N(i)| (rows without neighbours stay). */
  private void scaleRows(double[] x, int[][] nb, int e) {
    for (int i = 0; i < e; i++) {
      if (nb[i].length < 2) continue;
      double inv = 1.0 / nb[i].length;
      for (int k = 0; k < d; k++) x[i * d + k] *= inv;
    }
  }
}
