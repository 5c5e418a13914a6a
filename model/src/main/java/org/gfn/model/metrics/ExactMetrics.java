package org.gfn.model.metrics;

import org.gfn.envs.StateSpace;
import org.gfn.model.policy.ActionDistribution;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;

/**
 * Exact distance between the sampler and the target on an enumerable environment: the terminal
 * distribution of the current P_F is computed by dynamic programming over the DAG (reach
 * probabilities in topological order, times P_F(exit)), then compared with π = R/Z.
 */
public final class ExactMetrics {
  private static final int BATCH = 1024;

  private ExactMetrics() {}

  /**
   * p(x) for every state of the space (0 where exit is illegal), under on-policy P_F, through the
   * environment's dynamics when its transitions are stochastic.
   */
  public static double[] terminalDistribution(StateSpace space, PolicyEvaluator policy) {
    PolicyArchitecture arch = policy.architecture();
    int n = space.size();
    int f = arch.featureSize();
    int w = arch.outputWidth();
    int nA = arch.numActions();
    int exit = nA - 1;
    double[] reach = new double[n];
    double[] term = new double[n];
    reach[0] = 1.0;
    float[] feats = new float[BATCH * f];
    float[] out = new float[BATCH * w];
    boolean[] mask = new boolean[nA];
    double[] pf = new double[nA];
    boolean stochastic = space.environment().stochasticTransitions(); // policy + dynamics
    double[] t = new double[nA];
    double[] moved = new double[nA];
    for (int base = 0; base < n; base += BATCH) {
      int rows = Math.min(BATCH, n - base);
      for (int r = 0; r < rows; r++) space.environment().encode(space.state(base + r), feats, r * f);
      policy.evaluate(feats, rows, out);
      for (int r = 0; r < rows; r++) {
        int i = base + r;
        space.environment().forwardMask(space.state(i), mask);
        ActionDistribution.probabilities(out, r * w + arch.forwardOffset(), mask, pf);
        if (stochastic) executed(space.environment(), space.state(i), pf, t, moved);
        for (int e = space.edgeStart(i); e < space.edgeEnd(i); e++) {
          reach[space.edgeChild(e)] += reach[i] * pf[space.edgeAction(e)];
        }
        if (mask[exit]) term[i] = reach[i] * pf[exit];
      }
    }
    return term;
  }

  /**
   * Replaces the policy's probabilities {@code pf} of choosing each action in s by the
   * probabilities of each move being executed: Σ_a π(a | s) T(e | s, a) ({@code t}, {@code moved}
   * are scratch of numActions).
   */
  static void executed(org.gfn.envs.Environment env, int[] s, double[] pf, double[] t, double[] moved) {
    java.util.Arrays.fill(moved, 0.0);
    for (int a = 0; a < pf.length; a++) {
      if (pf[a] == 0) continue;
      env.transitionProbabilities(s, a, t);
      for (int e = 0; e < pf.length; e++) moved[e] += pf[a] * t[e];
    }
    System.arraycopy(moved, 0, pf, 0, pf.length);
  }

  /** Compares a terminal distribution with the target of the space. */
  public static ExactReport compare(StateSpace space, double[] p, double logZEstimate) {
    return compare(p, space.targetDistribution(), logZEstimate, space.logZ());
  }

  /** Compares a terminal distribution with the tempered target R(x)^β / Z(β). */
  public static ExactReport compare(StateSpace space, double[] p, double logZEstimate, double beta) {
    int n = space.size();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) if (space.isTerminal(i)) max = Math.max(max, beta * space.logReward(i));
    double sum = 0;
    for (int i = 0; i < n; i++) if (space.isTerminal(i)) sum += Math.exp(beta * space.logReward(i) - max);
    double logZ = max + Math.log(sum);
    double[] pi = new double[n];
    for (int i = 0; i < n; i++) pi[i] = space.isTerminal(i) ? Math.exp(beta * space.logReward(i) - logZ) : 0;
    return compare(p, pi, logZEstimate, logZ);
  }

  private static ExactReport compare(double[] p, double[] pi, double logZEstimate, double logZ) {
    double l1 = 0;
    double jsd = 0;
    for (int i = 0; i < p.length; i++) {
      l1 += Math.abs(p[i] - pi[i]);
      double m = 0.5 * (p[i] + pi[i]);
      if (p[i] > 0) jsd += 0.5 * p[i] * Math.log(p[i] / m);
      if (pi[i] > 0) jsd += 0.5 * pi[i] * Math.log(pi[i] / m);
    }
    return new ExactReport(l1, l1 / 2, jsd, Math.abs(logZEstimate - logZ));
  }

  /**
   * Exact TV and |Δ log Z| of a temperature-conditioned policy at each of its evaluation β, as
   * metrics {@code exact_tv_beta_<β>} and {@code log_z_error_beta_<β>}.
   *
   * @param logZs the learned log Z(β) at each evaluation β
   */
  public static java.util.Map<String, Object> perBeta(StateSpace space, PolicyEvaluator policy, double[] betas,
      double[] logZs) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int k = 0; k < betas.length; k++) {
      policy.setBeta(betas[k]);
      ExactReport r = compare(space, terminalDistribution(space, policy), logZs[k], betas[k]);
      m.put("exact_tv_beta_" + label(betas[k]), r.tv());
      m.put("log_z_error_beta_" + label(betas[k]), r.logZError());
    }
    policy.setBeta(1.0);
    return m;
  }

  /** β as it appears in metric names: 2 → "2", 1.5 → "1.5". */
  public static String label(double beta) {
    return java.math.BigDecimal.valueOf(beta).stripTrailingZeros().toPlainString();
  }

  /** Terminal distribution and comparison in one call. */
  public static ExactReport evaluate(StateSpace space, PolicyEvaluator policy, double logZEstimate) {
    return compare(space, terminalDistribution(space, policy), logZEstimate);
  }
}
