package org.gfn.model.policy;

import java.util.Random;

/**
 * The action heads of a structured policy on m entity embeddings h (m × d) whose slots are
 * {@code idx}: forward logits per unordered pair, from the symmetric bilinear form
 * (q_i·r_j + q_j·r_i)/√d + c_i + c_j + c_0 (q = h·W_q, r = h·W_r, c = h·w_c), or per entity
 * (h_i·w_f + b_f); backward logits per entity (h_i·w_b + b_b); and from the mean embedding
 * z = act(mean(h)·W_g + b_g) the exit logit (z·w_e + b_e) and log F(s) (z·w_F + b_F). Slots that
 * are absent read 0 (the environment's masks exclude them).
 */
final class EntityHeads {
  private final PolicyArchitecture arch;
  private final int d;
  private final int n;
  private final boolean pairs;
  private final Activation act;
  private final int off;

  EntityHeads(PolicyArchitecture arch, int off) {
    this.arch = arch;
    this.d = arch.width();
    this.n = arch.structure().entities();
    this.pairs = arch.structure().layout().pairActions();
    this.act = Activation.of(arch.activation());
    this.off = off;
  }

  static int paramCount(int d, boolean pairs) {
    return (pairs ? 2 * d * d + d + 1 : d + 1) + (d + 1) + (d * d + 3 * d + 2);
  }

  // pair head: W_q, W_r, w_c, c_0; entity head: w_f, b_f
  private int wq() { return off; }
  private int wr() { return off + d * d; }
  private int wc() { return pairs ? off + 2 * d * d : off; }
  private int fwdEnd() { return off + (pairs ? 2 * d * d + d + 1 : d + 1); }
  private int wb() { return fwdEnd(); }
  private int wg() { return fwdEnd() + d + 1; }
  private int bg() { return wg() + d * d; }
  private int we() { return bg() + d; }
  private int wf() { return we() + d + 1; }

  void init(double[] p, Random rng) {
    if (pairs) {
      Dense.init(p, wq(), -1, d, d, rng);
      Dense.init(p, wr(), -1, d, d, rng);
    }
    Dense.init(p, wc(), wc() + d, d, 1, rng); // pair: w_c, c_0; entity: w_f, b_f (same place)
    Dense.init(p, wb(), wb() + d, d, 1, rng);
    Dense.init(p, wg(), bg(), d, d, rng);
    Dense.init(p, we(), we() + d, d, 1, rng);
    Dense.init(p, wf(), wf() + d, d, 1, rng);
  }

  static final class Trace {
    double[] h, q, r, c, z;
    double[] mean;
    int[] idx;
    int m;
  }

  int pairIndex(int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** Writes the output row (width outputWidth) at {@code row[at..]}. */
  Trace forward(double[] p, double[] h, int m, int[] idx, double[] row, int at) {
    Trace t = new Trace();
    t.h = h;
    t.m = m;
    t.idx = idx;
    t.c = new double[m];
    Dense.forward(h, m, d, p, wc(), wc() + d, 1, t.c);
    if (pairs) {
      t.q = new double[m * d];
      t.r = new double[m * d];
      Dense.forward(h, m, d, p, wq(), -1, d, t.q);
      Dense.forward(h, m, d, p, wr(), -1, d, t.r);
      double scale = 1 / Math.sqrt(d);
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          double s = 0;
          for (int e = 0; e < d; e++) s += t.q[i * d + e] * t.r[j * d + e] + t.q[j * d + e] * t.r[i * d + e];
          row[at + pairIndex(idx[i], idx[j])] = s * scale + t.c[i] + t.c[j];
        }
      }
    } else {
      for (int i = 0; i < m; i++) row[at + idx[i]] = t.c[i];
    }
    if (arch.learnedBackward()) {
      double[] b = new double[m];
      Dense.forward(h, m, d, p, wb(), wb() + d, 1, b);
      for (int i = 0; i < m; i++) row[at + arch.backwardOffset() + idx[i]] = b[i];
    }
    t.mean = new double[d];
    for (int i = 0; i < m; i++) {
      for (int e = 0; e < d; e++) t.mean[e] += h[i * d + e] / m;
    }
    t.z = new double[d];
    Dense.forward(t.mean, 1, d, p, wg(), bg(), d, t.z);
    Dense.activate(act, t.z, d);
    double[] y = new double[1];
    Dense.forward(t.z, 1, d, p, we(), we() + d, 1, y);
    row[at + arch.numActions() - 1] = y[0];
    if (arch.flowHead()) {
      Dense.forward(t.z, 1, d, p, wf(), wf() + d, 1, y);
      row[at + arch.flowOffset()] = y[0];
    }
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh, given dL/d(row) at {@code dRow[at..]}. */
  double[] backward(double[] p, Trace t, double[] dRow, int at, double[] g) {
    int m = t.m;
    double[] dh = new double[m * d];
    double[] dc = new double[m];
    if (pairs) {
      double[] dq = new double[m * d];
      double[] dr = new double[m * d];
      double scale = 1 / Math.sqrt(d);
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          double gl = dRow[at + pairIndex(t.idx[i], t.idx[j])];
          if (gl == 0) continue;
          dc[i] += gl;
          dc[j] += gl;
          double gs = gl * scale;
          for (int e = 0; e < d; e++) {
            dq[i * d + e] += gs * t.r[j * d + e];
            dr[j * d + e] += gs * t.q[i * d + e];
            dq[j * d + e] += gs * t.r[i * d + e];
            dr[i * d + e] += gs * t.q[j * d + e];
          }
        }
      }
      Dense.backward(t.h, dq, m, d, p, wq(), -1, d, g, dh);
      Dense.backward(t.h, dr, m, d, p, wr(), -1, d, g, dh);
    } else {
      for (int i = 0; i < m; i++) dc[i] = dRow[at + t.idx[i]];
    }
    Dense.backward(t.h, dc, m, d, p, wc(), wc() + d, 1, g, dh);
    if (arch.learnedBackward()) {
      double[] db = new double[m];
      for (int i = 0; i < m; i++) db[i] = dRow[at + arch.backwardOffset() + t.idx[i]];
      Dense.backward(t.h, db, m, d, p, wb(), wb() + d, 1, g, dh);
    }
    double[] dz = new double[d];
    Dense.backward(t.z, new double[] {dRow[at + arch.numActions() - 1]}, 1, d, p, we(), we() + d, 1, g, dz);
    if (arch.flowHead()) {
      Dense.backward(t.z, new double[] {dRow[at + arch.flowOffset()]}, 1, d, p, wf(), wf() + d, 1, g, dz);
    }
    Dense.activationBackward(act, t.z, dz, d);
    double[] dMean = new double[d];
    Dense.backward(t.mean, dz, 1, d, p, wg(), bg(), d, g, dMean);
    for (int i = 0; i < m; i++) {
      for (int e = 0; e < d; e++) dh[i * d + e] += dMean[e] / m;
    }
    return dh;
  }
}
