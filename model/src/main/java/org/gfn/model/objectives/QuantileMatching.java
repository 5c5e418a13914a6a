package org.gfn.model.objectives;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.QuantileFlows;
import org.gfn.replay.Trajectory;

/**
 * Quantile matching (Zhang et al. 2023, "Distributional GFlowNets with Quantile Flows"): each edge
 * flow is a random variable given by n quantiles of its log-flow, q(s, a, k) at the levels
 * τ_k ({@link QuantileFlows}). On the rows of flow matching ({@link FlowRows}): for every
 * non-initial visited state s, in_i = log Σ_{parents p} exp q(p → s, i) and out_j =
 * log Σ_{a legal in s} exp q(s, a, j) (exit included), and the loss is
 * Σ_i (1/n) Σ_j ρ_{τ_i}(out_j − in_i); for every terminal x, Σ_i ρ_{τ_i}(log R(x) − q(x, exit, i)),
 * where ρ_τ(δ) = |τ − 1{δ < 0}| · Huber_κ(δ) / κ is the quantile Huber loss. Both parts are
 * averaged like flow matching's. With one quantile (τ = 1/2) and every |δ| ≤ κ each term is flow
 * matching's δ² / 4κ, so both share their fixed point; with a stochastic reward the
 * exit quantiles learn the reward's distribution.
 */
public final class QuantileMatching implements Objective {
  private final QuantileFlows flows;

  public QuantileMatching(QuantileFlows flows) {
    this.flows = flows;
  }

  @Override
  public String name() {
    return "QM";
  }

  @Override
  public boolean needsBackwardHead() {
    return false;
  }

  @Override
  public QuantileFlows quantileFlows() {
    return flows;
  }

  @Override
  public Prepared prepare(List<Trajectory> batch, Environment env, PolicyArchitecture arch) {
    int nA = env.numActions();
    int n = flows.n();
    if (arch.numActions() != nA * n) {
      throw new IllegalArgumentException("QM needs " + n + " outputs per forward action (" + nA * n + "), the network has "
          + arch.numActions());
    }
    FlowRows fr = new FlowRows(batch, env);
    double[] tau = new double[n];
    for (int k = 0; k < n; k++) tau[k] = flows.tau(k);
    double kappa = flows.kappa();
    int exit = env.exitAction();
    return new Prepared() {
      @Override
      public int rows() {
        return fr.rows;
      }

      @Override
      public float[] features() {
        return fr.features;
      }

      @Override
      public Result compute(double[] out, double logZ) {
        int w = arch.outputWidth();
        double[] grad = new double[out.length];
        double loss = 0;
        double[] in = new double[n];
        double[] outflow = new double[n];
        double[] dIn = new double[n];
        double[] dOut = new double[n];
        int nm = fr.matched.size();
        for (int[] m : fr.matched) {
          int s = m[0] * w;
          for (int k = 0; k < n; k++) {
            in[k] = inflow(out, w, m, k);
            outflow[k] = outflow(out, s, fr.forwardMask, m[0] * nA, k);
          }
          java.util.Arrays.fill(dIn, 0);
          java.util.Arrays.fill(dOut, 0);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              double d = outflow[j] - in[i];
              loss += rho(tau[i], d, kappa) / n / nm;
              double g = dRho(tau[i], d, kappa) / n / nm;
              dOut[j] += g;
              dIn[i] -= g;
            }
          }
          for (int k = 0; k < n; k++) {
            for (int p = 0; p < m[2]; p++) {
              int[] e = fr.parents.get(m[1] + p);
              int o = e[0] * w + e[1] * n + k;
              grad[o] += dIn[k] * Math.exp(out[o] - in[k]);
            }
            for (int a = 0; a < nA; a++) {
              if (!fr.forwardMask[m[0] * nA + a]) continue;
              int o = s + a * n + k;
              grad[o] += dOut[k] * Math.exp(out[o] - outflow[k]);
            }
          }
        }
        int nt = fr.terminals.size();
        for (double[] t : fr.terminals) {
          int base = (int) t[0] * w + exit * n;
          for (int i = 0; i < n; i++) {
            double d = t[1] - out[base + i];
            loss += rho(tau[i], d, kappa) / nt;
            grad[base + i] -= dRho(tau[i], d, kappa) / nt;
          }
        }
        double z = Double.NEGATIVE_INFINITY; // log of s_0's expected outflow under neutral weights
        for (int a = 0; a < nA; a++) {
          if (!fr.forwardMask[a]) continue;
          for (int k = 0; k < n; k++) z = LogSoftmax.logAddExp(z, out[a * n + k]);
        }
        return new Result(loss, grad, 0, z - Math.log(n));
      }

      private double inflow(double[] out, int w, int[] m, int k) {
        double v = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < m[2]; p++) {
          int[] e = fr.parents.get(m[1] + p);
          v = LogSoftmax.logAddExp(v, out[e[0] * w + e[1] * n + k]);
        }
        return v;
      }

      private double outflow(double[] out, int rowOff, boolean[] mask, int maskOff, int k) {
        double v = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < nA; a++) {
          if (mask[maskOff + a]) v = LogSoftmax.logAddExp(v, out[rowOff + a * n + k]);
        }
        return v;
      }
    };
  }

  /** The quantile Huber loss ρ_τ(δ) = |τ − 1{δ < 0}| · Huber_κ(δ) / κ. */
  static double rho(double tau, double d, double kappa) {
    double a = Math.abs(d);
    double huber = a <= kappa ? 0.5 * d * d : kappa * (a - 0.5 * kappa);
    return Math.abs(tau - (d < 0 ? 1 : 0)) * huber / kappa;
  }

  /** dρ_τ/dδ. */
  static double dRho(double tau, double d, double kappa) {
    return Math.abs(tau - (d < 0 ? 1 : 0)) * Math.max(-kappa, Math.min(kappa, d)) / kappa;
  }
}
