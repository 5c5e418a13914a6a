package org.gfn.model.policy;

import java.util.Random;

/**
 * The action heads of a structured policy on the entity embeddings h of a batch of states:
 * forward logits per unordered pair, from the symmetric bilinear form
 * (q_i·r_j + q_j·r_i)/√d + c_i + c_j (q = h·W_q, r = h·W_r, c = h·w_c + c_0), or per entity
 * (h_i·w_f + b_f); backward logits per entity (h_i·w_b + b_b); and from each state's mean
 * embedding z = act(mean(h)·W_g + b_g) the exit logit (z·w_e + b_e) and log F(s) (z·w_F + b_F), or
 * with the structure's sum readout log F(s) = Σ_i h_i·w_F + b_F over the state's entities.
 * With choice actions, their logits come from the choosing entity's embedding (h_a·W_c + b_c).
 * Slots that are absent read 0 (the environment's masks exclude them).
 */
final class EntityHeads {
  private final PolicyArchitecture arch;
  private final int d;
  private final int n;
  private final boolean pairs;
  private final Activation act;
  private final int off;
  private final int choices;
  private final int choiceAt; // the first choice action's index in an output row
  private final boolean sumFlow;

  EntityHeads(PolicyArchitecture arch, int off) {
    this.arch = arch;
    this.d = arch.width();
    this.n = arch.structure().entities();
    this.pairs = arch.structure().layout().pairActions();
    this.act = Activation.of(arch.activation());
    this.off = off;
    this.choices = arch.structure().layout().choices();
    this.choiceAt = arch.structure().layout().entityActions();
    this.sumFlow = arch.structure().sumFlowReadout();
  }

  static int paramCount(int d, org.gfn.envs.EntityLayout layout) {
    int c = layout.choices();
    return (layout.pairActions() ? 2 * d * d + d + 1 : d + 1) + (d + 1) + (d * d + 3 * d + 2) + (c > 0 ? d * c + c : 0);
  }

  // pair head: W_q, W_r, w_c, c_0; entity head: w_f, b_f
  private int wq() { return off; }
  private int wr() { return off + d * d; }
  private int wc() { return pairs ? off + 2 * d * d : off; }
  private int wb() { return wc() + d + 1; }
  private int wg() { return wb() + d + 1; }
  private int bg() { return wg() + d * d; }
  private int we() { return bg() + d; }
  private int wf() { return we() + d + 1; }
  private int wch() { return wf() + d + 1; }

  void init(double[] p, Random rng) {
    if (pairs) {
      Dense.init(p, wq(), -1, d, d, rng);
      Dense.init(p, wr(), -1, d, d, rng);
    }
    Dense.init(p, wc(), wc() + d, d, 1, rng);
    Dense.init(p, wb(), wb() + d, d, 1, rng);
    Dense.init(p, wg(), bg(), d, d, rng);
    Dense.init(p, we(), we() + d, d, 1, rng);
    if (!sumFlow) Dense.init(p, wf(), wf() + d, d, 1, rng); // a sum over entities starts at 0
    if (choices > 0) Dense.init(p, wch(), wch() + d * choices, d, choices, rng);
  }

  static final class Trace {
    double[] h, q, r, mean, z;
  }

  int pairIndex(int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** Writes state s's output row at {@code out[s·outputWidth ..]}. */
  Trace forward(Linear lin, double[] p, double[] h, EntityBatch b, double[] out) {
    int e = b.entities();
    int w = arch.outputWidth();
    Trace t = new Trace();
    t.h = h;
    double[] c = new double[e];
    lin.forward(h, e, d, p, wc(), wc() + d, 1, c);
    if (pairs) {
      t.q = new double[e * d];
      t.r = new double[e * d];
      lin.forward(h, e, d, p, wq(), -1, d, t.q);
      lin.forward(h, e, d, p, wr(), -1, d, t.r);
    }
    double scale = 1 / Math.sqrt(d);
    for (int s = 0; s < b.states(); s++) {
      int r0 = b.start()[s];
      int[] slots = b.slots()[s];
      int m = slots.length;
      if (!pairs) {
        for (int i = 0; i < m; i++) out[s * w + slots[i]] = c[r0 + i];
        continue;
      }
      int mp = Dense.JAVA.padded(m);
      double[] qs = java.util.Arrays.copyOfRange(t.q, r0 * d, (r0 + m) * d);
      double[] rT = new double[d * mp];
      for (int j = 0; j < m; j++) {
        for (int x = 0; x < d; x++) rT[x * mp + j] = t.r[(r0 + j) * d + x];
      }
      double[] qr = new double[m * mp]; // qr[i·mp + j] = q_i · r_j
      Dense.JAVA.forward(qs, m, d, rT, 0, -1, mp, qr);
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          out[s * w + pairIndex(slots[i], slots[j])] = (qr[i * mp + j] + qr[j * mp + i]) * scale + c[r0 + i] + c[r0 + j];
        }
      }
    }
    if (arch.learnedBackward()) {
      double[] bl = new double[e];
      lin.forward(h, e, d, p, wb(), wb() + d, 1, bl);
      for (int s = 0; s < b.states(); s++) {
        int[] slots = b.slots()[s];
        for (int i = 0; i < slots.length; i++) out[s * w + arch.backwardOffset() + slots[i]] = bl[b.start()[s] + i];
      }
    }
    int states = b.states();
    for (int s = 0; choices > 0 && s < states; s++) {
      int a = b.chooser()[s];
      if (a < 0) continue;
      for (int k = 0; k < choices; k++) {
        double v = p[wch() + d * choices + k];
        for (int x = 0; x < d; x++) v += h[a * d + x] * p[wch() + x * choices + k];
        out[s * w + choiceAt + k] = v;
      }
    }
    t.mean = new double[states * d];
    for (int s = 0; s < states; s++) {
      int m = b.size(s);
      for (int i = b.start()[s]; i < b.start()[s + 1]; i++) {
        for (int x = 0; x < d; x++) t.mean[s * d + x] += h[i * d + x] / m;
      }
    }
    t.z = new double[states * d];
    lin.forward(t.mean, states, d, p, wg(), bg(), d, t.z);
    Dense.activate(act, t.z, states * d);
    double[] y = new double[states];
    lin.forward(t.z, states, d, p, we(), we() + d, 1, y);
    for (int s = 0; s < states; s++) out[s * w + arch.numActions() - 1] = y[s];
    if (arch.flowHead() && sumFlow) {
      double[] u = new double[e];
      lin.forward(h, e, d, p, wf(), -1, 1, u);
      for (int s = 0; s < states; s++) {
        double v = p[wf() + d];
        for (int i = b.start()[s]; i < b.start()[s + 1]; i++) v += u[i];
        out[s * w + arch.flowOffset()] = v;
      }
    } else if (arch.flowHead()) {
      lin.forward(t.z, states, d, p, wf(), wf() + d, 1, y);
      for (int s = 0; s < states; s++) out[s * w + arch.flowOffset()] = y[s];
    }
    return t;
  }

  /** Adds the parameter gradient into {@code g}; returns dL/dh, given dL/d(out). */
  double[] backward(Linear lin, double[] p, Trace t, EntityBatch b, double[] dOut, double[] g) {
    int e = b.entities();
    int w = arch.outputWidth();
    int states = b.states();
    double[] dh = new double[e * d];
    double[] dc = new double[e];
    double[] dq = pairs ? new double[e * d] : null;
    double[] dr = pairs ? new double[e * d] : null;
    double scale = 1 / Math.sqrt(d);
    for (int s = 0; s < states; s++) {
      int r0 = b.start()[s];
      int[] slots = b.slots()[s];
      int m = slots.length;
      if (!pairs) {
        for (int i = 0; i < m; i++) dc[r0 + i] = dOut[s * w + slots[i]];
        continue;
      }
      // logit_ij = (q_i·r_j + q_j·r_i)·scale + c_i + c_j: with G the symmetric matrix of the pair
      // gradients (zero diagonal), dc_i = Σ_j G_ij, dQ = scale·G·R and dR = scale·G·Q.
      double[] gm = new double[m * m];
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          double gl = dOut[s * w + pairIndex(slots[i], slots[j])];
          dc[r0 + i] += gl;
          dc[r0 + j] += gl;
          gm[i * m + j] = gm[j * m + i] = gl * scale;
        }
      }
      double[] out = new double[m * d];
      Dense.JAVA.forward(gm, m, m, t.r, r0 * d, -1, d, out);
      System.arraycopy(out, 0, dq, r0 * d, m * d);
      Dense.JAVA.forward(gm, m, m, t.q, r0 * d, -1, d, out);
      System.arraycopy(out, 0, dr, r0 * d, m * d);
    }
    if (pairs) {
      lin.backward(t.h, dq, e, d, p, wq(), -1, d, g, dh);
      lin.backward(t.h, dr, e, d, p, wr(), -1, d, g, dh);
    }
    lin.backward(t.h, dc, e, d, p, wc(), wc() + d, 1, g, dh);
    if (arch.learnedBackward()) {
      double[] db = new double[e];
      for (int s = 0; s < states; s++) {
        int[] slots = b.slots()[s];
        for (int i = 0; i < slots.length; i++) db[b.start()[s] + i] = dOut[s * w + arch.backwardOffset() + slots[i]];
      }
      lin.backward(t.h, db, e, d, p, wb(), wb() + d, 1, g, dh);
    }
    for (int s = 0; choices > 0 && s < states; s++) {
      int a = b.chooser()[s];
      if (a < 0) continue;
      for (int k = 0; k < choices; k++) {
        double gk = dOut[s * w + choiceAt + k];
        g[wch() + d * choices + k] += gk;
        for (int x = 0; x < d; x++) {
          g[wch() + x * choices + k] += t.h[a * d + x] * gk;
          dh[a * d + x] += p[wch() + x * choices + k] * gk;
        }
      }
    }
    double[] dz = new double[states * d];
    double[] dy = new double[states];
    for (int s = 0; s < states; s++) dy[s] = dOut[s * w + arch.numActions() - 1];
    lin.backward(t.z, dy, states, d, p, we(), we() + d, 1, g, dz);
    if (arch.flowHead() && sumFlow) {
      double[] du = new double[e];
      for (int s = 0; s < states; s++) {
        double gs = dOut[s * w + arch.flowOffset()];
        g[wf() + d] += gs;
        for (int i = b.start()[s]; i < b.start()[s + 1]; i++) du[i] = gs;
      }
      lin.backward(t.h, du, e, d, p, wf(), -1, 1, g, dh);
    } else if (arch.flowHead()) {
      for (int s = 0; s < states; s++) dy[s] = dOut[s * w + arch.flowOffset()];
      lin.backward(t.z, dy, states, d, p, wf(), wf() + d, 1, g, dz);
    }
    Dense.activationBackward(act, t.z, dz, states * d);
    double[] dMean = new double[states * d];
    lin.backward(t.mean, dz, states, d, p, wg(), bg(), d, g, dMean);
    for (int s = 0; s < states; s++) {
      int m = b.size(s);
      for (int i = b.start()[s]; i < b.start()[s + 1]; i++) {
        for (int x = 0; x < d; x++) dh[i * d + x] += dMean[s * d + x] / m;
      }
    }
    return dh;
  }
}
