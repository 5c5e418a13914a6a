package org.gfn.model.policy;

import java.util.Random;

/**
 * One GIN block (Xu et al. 2019, ε = 0) over the entity embeddings of each state and their
 * neighbour lists:
 * x_i = h_i + Σ_{j ∈ N(i)} h_j, then h'_i = act(act(x_i·W_1 + b_1)·W_2 + b_2). Sum aggregation
 * over an unordered neighbourhood, so relabelling the entities relabels the output. The backward
 * pass gathers over the same lists, which holds because adjacency is symmetric ({@link
 * org.gfn.envs.EntityLayout}).
 * Parameters from {@code off}: W_1, b_1, W_2, b_2.
 */
final class GinBlock {
  private final int d;
  private final Activation act;
  private final int off;

  GinBlock(int d, Activation act, int off) {
    this.d = d;
    this.act = act;
    this.off = off;
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
    t.x = h.clone();
    Dense.addNeighbours(h, b.neighbours(), e, d, t.x);
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
    double[] dh = dx.clone(); // dh_j += Σ_{i: j ∈ N(i)} dx_i, a sum over N(j) as adjacency is symmetric
    Dense.addNeighbours(dx, b.neighbours(), e, d, dh);
    return dh;
  }
}
