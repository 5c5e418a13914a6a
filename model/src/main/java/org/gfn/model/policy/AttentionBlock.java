package org.gfn.model.policy;

import java.util.Random;

/**
 * One transformer block over the entity embeddings of each state (E × d for a batch), without
 * layer norm: u = h + MultiHeadAttention(h)·W_o + b_o, then h' = u + act(u·W_1 + b_1)·W_2 + b_2.
 * Attention runs over the present entities of the same state (no positions), so the block is
 * permutation-equivariant. Parameters from {@code off}: W_q, W_k, W_v, W_o, b_o, W_1, b_1, W_2, b_2.
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
    double[] h, q, k, v, o, u, a1, out;
    double[][] a; // per state: heads × m × m attention weights, key-major (see attend)
  }

  /**
   * The queries, keys and values of {@code rows} embeddings (each a function of its own row only,
   * so an executor can cache them with the entity's encoding).
   */
  double[][] project(Linear lin, double[] p, double[] h, int rows) {
    double[][] qkv = {new double[rows * d], new double[rows * d], new double[rows * d]};
    lin.forward(h, rows, d, p, wq(), -1, d, qkv[0]);
    lin.forward(h, rows, d, p, wk(), -1, d, qkv[1]);
    lin.forward(h, rows, d, p, wv(), -1, d, qkv[2]);
    return qkv;
  }

  /** @param qkv {@link #project}ed h, or null to project here */
  Trace forward(Linear lin, double[] p, double[] h, EntityBatch b, double[][] qkv) {
    int e = b.entities();
    Trace t = new Trace();
    t.h = h;
    double[][] x = qkv != null ? qkv : project(lin, p, h, e);
    t.q = x[0];
    t.k = x[1];
    t.v = x[2];
    t.o = new double[e * d];
    t.a = new double[b.states()][];
    for (int s = 0; s < b.states(); s++) t.a[s] = attend(t, b.start()[s], b.size(s));
    t.u = new double[e * d];
    lin.forward(t.o, e, d, p, wo(), bo(), d, t.u);
    for (int k = 0; k < e * d; k++) t.u[k] += h[k];
    t.a1 = new double[e * d];
    lin.forward(t.u, e, d, p, w1(), b1(), d, t.a1);
    Dense.activate(act, t.a1, e * d);
    t.out = new double[e * d];
    lin.forward(t.a1, e, d, p, w2(), b2(), d, t.out);
    for (int k = 0; k < e * d; k++) t.out[k] += t.u[k];
    return t;
  }

  /**
   * Softmax attention among the m entities from row {@code r0}: fills t.o, returns the weights per
   * head, key-major: {@code a[(head·m + j)·m + i]} is key j's weight for query i. Per head two
   * products ({@link Dense#JAVA}): scores = K_h·(Q_h·scale)ᵀ, then outputsᵀ = V_hᵀ·A.
   */
  private double[] attend(Trace t, int r0, int m) {
    double[] a = new double[heads * m * m];
    double scale = 1 / Math.sqrt(dh);
    int mp = Dense.JAVA.padded(m); // query columns padded with zeros to whole vectors
    double[] kh = new double[m * dh];
    double[] qT = new double[dh * mp];
    double[] vT = new double[dh * m];
    double[] scores = new double[m * mp];
    double[] weights = new double[m * mp];
    double[] oT = new double[dh * mp];
    double[] max = new double[m];
    double[] sum = new double[m];
    for (int s = 0; s < heads; s++) {
      int c = s * dh;
      for (int j = 0; j < m; j++) {
        int row = (r0 + j) * d + c;
        System.arraycopy(t.k, row, kh, j * dh, dh);
        for (int x = 0; x < dh; x++) {
          qT[x * mp + j] = t.q[row + x] * scale;
          vT[x * m + j] = t.v[row + x];
        }
      }
      Dense.JAVA.forward(kh, m, dh, qT, 0, -1, mp, scores);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < m; i++) max[i] = Math.max(max[i], scores[j * mp + i]);
      }
      java.util.Arrays.fill(sum, 0);
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < m; i++) sum[i] += weights[j * mp + i] = Math.exp(scores[j * mp + i] - max[i]);
      }
      for (int i = 0; i < m; i++) sum[i] = 1 / sum[i];
      int head = s * m * m;
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < m; i++) a[head + j * m + i] = weights[j * mp + i] *= sum[i];
      }
      Dense.JAVA.forward(vT, dh, m, weights, 0, -1, mp, oT);
      for (int i = 0; i < m; i++) {
        for (int x = 0; x < dh; x++) t.o[(r0 + i) * d + c + x] = oT[x * mp + i];
      }
    }
    return a;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh. */
  double[] backward(Linear lin, double[] p, Trace t, EntityBatch b, double[] dOut, double[] g) {
    int e = b.entities();
    double[] du = dOut.clone();
    double[] da1 = new double[e * d];
    lin.backward(t.a1, dOut, e, d, p, w2(), b2(), d, g, da1);
    Dense.activationBackward(act, t.a1, da1, e * d);
    lin.backward(t.u, da1, e, d, p, w1(), b1(), d, g, du);
    double[] dIn = du.clone();
    double[] dO = new double[e * d];
    lin.backward(t.o, du, e, d, p, wo(), bo(), d, g, dO);
    double[] dq = new double[e * d];
    double[] dk = new double[e * d];
    double[] dv = new double[e * d];
    for (int s = 0; s < b.states(); s++) attendBackward(t, t.a[s], b.start()[s], b.size(s), dO, dq, dk, dv);
    lin.backward(t.h, dq, e, d, p, wq(), -1, d, g, dIn);
    lin.backward(t.h, dk, e, d, p, wk(), -1, d, g, dIn);
    lin.backward(t.h, dv, e, d, p, wv(), -1, d, g, dIn);
    return dIn;
  }

  /**
   * Backward of {@link #attend} (weights key-major), as products like it: with
   * dA_ij = dO_i · v_j and μ_i = Σ_j a_ij dA_ij, dS_ij = a_ij (dA_ij − μ_i) scale, then
   * dq_i += Σ_j dS_ij k_j, dk_j += Σ_i dS_ij q_i and dv_j += Σ_i a_ij dO_i.
   */
  private void attendBackward(Trace t, double[] a, int r0, int m, double[] dO, double[] dq, double[] dk, double[] dv) {
    double scale = 1 / Math.sqrt(dh);
    int mp = Dense.JAVA.padded(m);
    double[] vh = new double[m * dh];
    double[] qh = new double[m * dh];
    double[] kh = new double[m * dh];
    double[] dOh = new double[m * dh];
    double[] dOT = new double[dh * mp];
    double[] dA = new double[m * mp];
    double[] aH = new double[m * m];
    double[] dS = new double[m * m];
    double[] dST = new double[m * m];
    double[] mean = new double[m];
    double[] out = new double[m * dh];
    for (int s = 0; s < heads; s++) {
      int c = s * dh;
      for (int j = 0; j < m; j++) {
        int row = (r0 + j) * d + c;
        System.arraycopy(t.v, row, vh, j * dh, dh);
        System.arraycopy(t.q, row, qh, j * dh, dh);
        System.arraycopy(t.k, row, kh, j * dh, dh);
        System.arraycopy(dO, row, dOh, j * dh, dh);
        for (int x = 0; x < dh; x++) dOT[x * mp + j] = dO[row + x];
      }
      System.arraycopy(a, s * m * m, aH, 0, m * m);
      Dense.JAVA.forward(vh, m, dh, dOT, 0, -1, mp, dA); // dA[j·mp + i] = v_j · dO_i
      Dense.JAVA.forward(aH, m, m, dOh, 0, -1, dh, out); // dv_j = Σ_i a_ji dO_i
      addRows(out, m, dv, r0, c);
      java.util.Arrays.fill(mean, 0);
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < m; i++) mean[i] += aH[j * m + i] * dA[j * mp + i];
      }
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < m; i++) dST[i * m + j] = dS[j * m + i] = aH[j * m + i] * (dA[j * mp + i] - mean[i]) * scale;
      }
      Dense.JAVA.forward(dST, m, m, kh, 0, -1, dh, out); // dq_i = Σ_j dS_ji k_j
      addRows(out, m, dq, r0, c);
      Dense.JAVA.forward(dS, m, m, qh, 0, -1, dh, out); // dk_j = Σ_i dS_ji q_i
      addRows(out, m, dk, r0, c);
    }
  }

  /** Adds m rows of dh values into columns c .. c + dh of rows r0 .. r0 + m of a d-wide array. */
  private void addRows(double[] rows, int m, double[] into, int r0, int c) {
    for (int i = 0; i < m; i++) {
      for (int x = 0; x < dh; x++) into[(r0 + i) * d + c + x] += rows[i * dh + x];
    }
  }
}
