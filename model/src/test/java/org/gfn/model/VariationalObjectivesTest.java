package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The variational baselines RKL and FKL on a HyperGrid small enough to list every trajectory: a
 * batch holding each trajectory once, with behaviour log-probability 0, makes the self-normalised
 * importance weights exactly P_F(τ) (RKL) and the target P_B(τ|x)R(x)/Z (FKL), so the estimators'
 * gradient must equal the exact gradient of KL(P_F ‖ target) and KL(target ‖ P_F) for a tabular
 * policy, which finite differences give; both losses vanish at the exact solution.
 */
class VariationalObjectivesTest {
  private final Environment env = Fixtures.grid(2, 3);
  private final StateSpace space = StateSpace.of(env);

  /** Every complete trajectory, each with the given behaviour log-probability. */
  private List<Trajectory> all() {
    List<Trajectory> out = new ArrayList<>();
    walk(new ArrayList<>(List.of(env.initialState())), new ArrayList<>(), out);
    return out;
  }

  private void walk(List<int[]> states, List<Integer> actions, List<Trajectory> out) {
    int[] s = states.get(states.size() - 1);
    boolean[] mask = new boolean[env.numActions()];
    env.forwardMask(s, mask);
    for (int a = 0; a < mask.length; a++) {
      if (!mask[a]) continue;
      actions.add(a);
      if (a == env.exitAction()) {
        int ss = env.stateSize();
        int[] flat = new int[states.size() * ss];
        for (int t = 0; t < states.size(); t++) System.arraycopy(states.get(t), 0, flat, t * ss, ss);
        out.add(new Trajectory(out.size(), 0, 0, ss, flat, actions.stream().mapToInt(Integer::intValue).toArray(),
            env.logReward(s), 0));
      } else {
        states.add(env.step(s, a));
        walk(states, actions, out);
        states.remove(states.size() - 1);
      }
      actions.remove(actions.size() - 1);
    }
  }

  /** Output rows of a tabular policy: row r holds the table row of its state. */
  private double[] outputs(Objective.Prepared p, double[][] table) {
    int w = table[0].length;
    double[] out = new double[p.rows() * w];
    for (int r = 0; r < p.rows(); r++) System.arraycopy(table[space.indexOf(p.states()[r])], 0, out, r * w, w);
    return out;
  }

  private static double logSoftmax(double[] row, int off, boolean[] mask, int j) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < mask.length; k++) if (mask[k]) max = Math.max(max, row[off + k]);
    double s = 0;
    for (int k = 0; k < mask.length; k++) if (mask[k]) s += Math.exp(row[off + k] - max);
    return row[off + j] - max - Math.log(s);
  }

  /** log P_F(τ) and log P_B(τ|x) of every trajectory under the table. */
  private double[][] logProbs(List<Trajectory> ts, double[][] table, PolicyArchitecture arch) {
    double[][] lp = new double[ts.size()][2];
    boolean[] fm = new boolean[env.numActions()];
    boolean[] bm = new boolean[env.numBackwardActions()];
    for (int i = 0; i < ts.size(); i++) {
      Trajectory t = ts.get(i);
      for (int k = 0; k < t.length(); k++) {
        int[] s = t.state(k);
        double[] row = table[space.indexOf(s)];
        env.forwardMask(s, fm);
        lp[i][0] += logSoftmax(row, arch.forwardOffset(), fm, t.action(k));
        if (k > 0) {
          env.backwardMask(s, bm);
          int b = env.backwardActionOf(t.state(k - 1), t.action(k - 1));
          if (arch.learnedBackward()) {
            lp[i][1] += logSoftmax(row, arch.backwardOffset(), bm, b);
          } else {
            int legal = 0;
            for (boolean m : bm) legal += m ? 1 : 0;
            lp[i][1] -= Math.log(legal);
          }
        }
      }
    }
    return lp;
  }

  /** The exact KL(P_F ‖ target) (reverse) or KL(target ‖ P_F) (forward). */
  private double exactKl(boolean reverse, List<Trajectory> ts, double[][] table, PolicyArchitecture arch) {
    double[][] lp = logProbs(ts, table, arch);
    double kl = 0;
    for (int i = 0; i < ts.size(); i++) {
      double logTarget = ts.get(i).logReward() + lp[i][1] - space.logZ();
      kl += reverse ? Math.exp(lp[i][0]) * (lp[i][0] - logTarget) : Math.exp(logTarget) * (logTarget - lp[i][0]);
    }
    return kl;
  }

  @ParameterizedTest
  @CsvSource({"RKL,true", "RKL,false", "FKL,false"})
  void onTheFullEnumerationTheEstimatorIsTheExactKlGradient(String name, boolean learnedPB) {
    PolicyArchitecture arch = Fixtures.arch(env, false, learnedPB, false);
    Objective obj = Objectives.byName(name, 0.9);
    List<Trajectory> ts = all();
    assertEquals(19, ts.size(), "Σ binom(i + j, i) paths to the nine cells of the 3 × 3 grid");
    Objective.Prepared p = obj.prepare(ts, env, arch);
    Random rng = new Random(6);
    double[][] table = new double[space.size()][arch.outputWidth()];
    for (double[] row : table) for (int j = 0; j < row.length; j++) row[j] = rng.nextGaussian();
    double logZ = 0.4;
    Objective.Result r = p.compute(outputs(p, table), logZ);
    double[][] grad = new double[space.size()][arch.outputWidth()];
    for (int row = 0; row < p.rows(); row++) {
      int s = space.indexOf(p.states()[row]);
      for (int j = 0; j < arch.outputWidth(); j++) grad[s][j] += r.dOutputs()[row * arch.outputWidth() + j];
    }
    boolean reverse = name.equals("RKL");
    int checked = 0;
    int width = learnedPB ? arch.numActions() + arch.numBackwardActions() : arch.numActions();
    for (int s = 0; s < space.size(); s++) {
      for (int j = 0; j < width; j++) {
        double keep = table[s][j];
        table[s][j] = keep + 1e-6;
        double up = exactKl(reverse, ts, table, arch);
        table[s][j] = keep - 1e-6;
        double down = exactKl(reverse, ts, table, arch);
        table[s][j] = keep;
        double fd = (up - down) / 2e-6;
        assertEquals(fd, grad[s][j], 1e-6 + 1e-5 * Math.abs(fd), name + " state " + s + " output " + j);
        if (Math.abs(fd) > 1e-6) checked++;
      }
    }
    assertTrue(checked > 10, "non-zero gradients checked: " + checked);
    if (reverse) {
      double h = 1e-6;
      double fdZ = (p.compute(outputs(p, table), logZ + h).loss() - p.compute(outputs(p, table), logZ - h).loss()) / (2 * h);
      assertEquals(fdZ, r.dLogZ(), 1e-6, "the baseline's gradient");
    }
  }

  @Test
  void bothVanishAtTheExactSolutionSampledOnPolicy() {
    Fixtures.Exact exact = new Fixtures.Exact(env);
    PolicyArchitecture arch = Fixtures.arch(env, false, false, false);
    double[][] table = new double[space.size()][arch.outputWidth()];
    for (int s = 0; s < space.size(); s++) System.arraycopy(exact.logits[s], 0, table[s], 0, arch.numActions());
    List<Trajectory> ts = new ArrayList<>();
    List<Trajectory> every = all();
    double[][] lp = logProbs(every, table, arch);
    for (int i = 0; i < every.size(); i++) {
      Trajectory t = every.get(i);
      ts.add(new Trajectory(i, 0, 0, t.stateSize(), t.statesView(), t.actionsView(), t.logReward(), lp[i][0]));
    }
    for (String name : new String[] {"RKL", "FKL"}) {
      Objective.Prepared p = Objectives.byName(name, 0.9).prepare(ts, env, arch);
      Objective.Result r = p.compute(outputs(p, table), space.logZ());
      assertEquals(0.0, r.loss(), 1e-9, name + " loss at the exact solution");
      assertEquals(space.logZ(), r.logZEstimate(), 1e-9, name + " log Z");
      Objective.Result off = p.compute(outputs(p, table), space.logZ() + 0.5);
      if (name.equals("RKL")) assertEquals(0.25, off.loss(), 1e-9, "the baseline's error, squared");
    }
  }
}
