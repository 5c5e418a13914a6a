package org.gfn.model.policy;

import java.util.Random;

/**
 * One transformer block over a set of m entity embeddings (m × d), without layer norm:
 * u = h + MultiHeadAttention(h)·W_o + b_o, then h' = u + act(u·W_1 + b_1)·W_2 + b_2. Attention
 * runs over all present entities (no positions), so the block is permutation-equivariant.
 * Parameters from {@code off}: W_q, W_k, W_v, W_o, b_o, W_1, b_1, W_2, b_2.
 */
final class AttentionBlock {
  private final int d;
  private final int heads;
  private final int dh;
  private final Activation act;
  private final int off;

  AttentionBlock(int d, int heads, Activation act, int off) {
    if (d % heads != 0) {
      throw new IllegalArgumentException("policy width " + d + " is not divisible by the " + heads + " attention heads");
    }
    this.d = d;
    this.heads = heads;
    this.dh = d / heads;
    this.act = act;
    this.off = off;
  }

  static int paramCount(int d) {
    return 6 * d * d + 3 * d;
  }

  private int wq() { return off; }
  private int wk() { return off + d * d; }
  private int wv() { return off + 2 * d * d; }
  private int wo() { return off + 3 * d * d; }
  private int bo() { return off + 4 * d * d; }
  private int w1() { return bo() + d; }
  private int b1() { return w1() + d * d; }
  private int w2() { return b1() + d; }
  private int b2() { return w2() + d * d; }

  void init(double[] p, Random rng) {
    Dense.init(p, wq(), -1, d, d, rng);
    Dense.init(p, wk(), -1, d, d, rng);
    Dense.init(p, wv(), -1, d, d, rng);
    Dense.init(p, wo(), bo(), d, d, rng);
    Dense.init(p, w1(), b1(), d, d, rng);
    Dense.init(p, w2(), b2(), d, d, rng);
  }

  /** What backward needs of one forward pass. */
  static final class Trace {
    double[] h, q, k, v, a, o, u, a1, out;
    int m;
  }

  Trace forward(double[] p, double[] h, int m) {
    Trace t = new Trace();
    t.m = m;
    t.h = h;
    t.q = new double[m * d];
    t.k = new double[m * d];
    t.v = new double[m * d];
    Dense.forward(h, m, d, p, wq(), -1, d, t.q);
    Dense.forward(h, m, d, p, wk(), -1, d, t.k);
    Dense.forward(h, m, d, p, wv(), -1, d, t.v);
    t.a = new double[heads * m * m];
    t.o = new double[m * d];
    double scale = 1 / Math.sqrt(dh);
    for (int s = 0; s < heads; s++) {
      int c = s * dh;
      for (int i = 0; i < m; i++) {
        int ai = (s * m + i) * m;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
          double dot = 0;
          for (int e = 0; e < dh; e++) dot += t.q[i * d + c + e] * t.k[j * d + c + e];
          t.a[ai + j] = dot * scale;
          max = Math.max(max, t.a[ai + j]);
        }
        double sum = 0;
        for (int j = 0; j < m; j++) sum += t.a[ai + j] = Math.exp(t.a[ai + j] - max);
        for (int j = 0; j < m; j++) {
          double w = t.a[ai + j] /= sum;
          for (int e = 0; e < dh; e++) t.o[i * d + c + e] += w * t.v[j * d + c + e];
        }
      }
    }
    t.u = new double[m * d];
    Dense.forward(t.o, m, d, p, wo(), bo(), d, t.u);
    for (int k = 0; k < m * d; k++) t.u[k] += h[k];
    t.a1 = new double[m * d];
    Dense.forward(t.u, m, d, p, w1(), b1(), d, t.a1);
    Dense.activate(act, t.a1, m * d);
    t.out = new double[m * d];
    Dense.forward(t.a1, m, d, p, w2(), b2(), d, t.out);
    for (int k = 0; k < m * d; k++) t.out[k] += t.u[k];
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh. */
  double[] backward(double[] p, Trace t, double[] dOut, double[] g) {
    int m = t.m;
    double[] du = dOut.clone();
    double[] da1 = new double[m * d];
    Dense.backward(t.a1, dOut, m, d, p, w2(), b2(), d, g, da1);
    Dense.activationBackward(act, t.a1, da1, m * d);
    Dense.backward(t.u, da1, m, d, p, w1(), b1(), d, g, du);
    double[] dIn = du.clone();
    double[] dO = new double[m * d];
    Dense.backward(t.o, du, m, d, p, wo(), bo(), d, g, dO);
    double[] dq = new double[m * d];
    double[] dk = new double[m * d];
    double[] dv = new double[m * d];
    double scale = 1 / Math.sqrt(dh);
    double[] dA = new double[m];
    for (int s = 0; s < heads; s++) {
      int c = s * dh;
      for (int i = 0; i < m; i++) {
        int ai = (s * m + i) * m;
        double mean = 0;
        for (int j = 0; j < m; j++) {
          double dot = 0;
          for (int e = 0; e < dh; e++) {
            dot += dO[i * d + c + e] * t.v[j * d + c + e];
            dv[j * d + c + e] += t.a[ai + j] * dO[i * d + c + e];
          }
          dA[j] = dot;
          mean += t.a[ai + j] * dot;
        }
        for (int j = 0; j < m; j++) {
          double dS = t.a[ai + j] * (dA[j] - mean) * scale;
          if (dS == 0) continue;
          for (int e = 0; e < dh; e++) {
            dq[i * d + c + e] += dS * t.k[j * d + c + e];
            dk[j * d + c + e] += dS * t.q[i * d + c + e];
          }
        }
      }
    }
    Dense.backward(t.h, dq, m, d, p, wq(), -1, d, g, dIn);
    Dense.backward(t.h, dk, m, d, p, wk(), -1, d, g, dIn);
    Dense.backward(t.h, dv, m, d, p, wv(), -1, d, g, dIn);
    return dIn;
  }
}
