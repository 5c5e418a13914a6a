package org.gfn.model.objectives;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;

/**
 * Flow matching (Bengio et al. 2021), as torchgfn defines it. The forward logits are log edge
 * flows log F(s → s'), the exit logit log F(s → s_f). For every non-initial state s visited,
 * δ = log Σ_{parents p} F(p → s) − log Σ_{a legal in s} F(s → ·) (exit included), and for every
 * terminal object x a reward-matching term δ = log F(x → s_f) − log R(x);
 * loss = mean δ² over states + mean δ² over terminals. P_F is the softmax of the logits, and
 * log Z is estimated by the total outflow of s_0.
 */
public final class FlowMatching implements Objective {
  @Override
  public String name() {
    return "FM";
  }

  @Override
  public boolean needsBackwardHead() {
    return false;
  }

  @Override
  public Prepared prepare(List<Trajectory> batch, Environment env, PolicyArchitecture arch) {
    int nA = env.numActions();
    FlowRows fr = new FlowRows(batch, env);
    int rows = fr.rows;
    float[] features = fr.features;
    boolean[] fmask = fr.forwardMask;
    List<int[]> matched = fr.matched;
    List<int[]> parentEntries = fr.parents;
    List<double[]> terminals = fr.terminals;
    int exit = env.exitAction();
    return new Prepared() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public float[] features() {
        return features;
      }

      @Override
      public Result compute(double[] out, double logZ) {
        int w = arch.outputWidth();
        int fo = arch.forwardOffset();
        double[] grad = new double[out.length];
        double loss = 0;
        int nm = matched.size();
        for (int[] m : matched) {
          int cnt = m[2];
          double[] inflow = new double[cnt];
          double max = Double.NEGATIVE_INFINITY;
          for (int p = 0; p < cnt; p++) {
            int[] e = parentEntries.get(m[1] + p);
            inflow[p] = out[e[0] * w + fo + e[1]];
            max = Math.max(max, inflow[p]);
          }
          double sum = 0;
          for (double v : inflow) sum += Math.exp(v - max);
          double logIn = max + Math.log(sum);
          int o = m[0] * w + fo;
          double logOut = LogSoftmax.logSumExp(out, o, fmask, m[0] * nA, nA);
          double d = logIn - logOut;
          loss += d * d / nm;
          double g = 2 * d / nm;
          for (int p = 0; p < cnt; p++) {
            int[] e = parentEntries.get(m[1] + p);
            grad[e[0] * w + fo + e[1]] += g * Math.exp(inflow[p] - logIn);
          }
          LogSoftmax.backward(out, o, fmask, m[0] * nA, nA, -1, logOut, g, grad);
        }
        int nt = terminals.size();
        for (double[] term : terminals) {
          int r = (int) term[0];
          double d = out[r * w + fo + exit] - term[1];
          loss += d * d / nt;
          grad[r * w + fo + exit] += 2 * d / nt;
        }
        double logZ0 = LogSoftmax.logSumExp(out, fo, fmask, 0, nA);
        return new Result(loss, grad, 0, logZ0);
      }
    };
  }
}
