package org.gfn.model;

import java.util.Arrays;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.envs.StateSpace;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.policy.StructuredNetwork;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.nd4j.linalg.api.buffer.DataType;

/** Small environments, architectures and the exact GFlowNet solution used by the tests. */
public final class Fixtures {
  private Fixtures() {}

  public static HyperGrid grid(int d, int h) {
    return new HyperGrid(d, h, HyperGridRewards.original(h, 0.1, 0.5, 2.0));
  }

  public static PolicyArchitecture arch(Environment env, boolean shared, boolean learnedPB, boolean flow) {
    return new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(), 2, 16,
        "relu", shared, learnedPB, flow);
  }

  /** A freshly initialised network of either kind. */
  public static PolicyModel model(PolicyArchitecture arch, long seed, DataType dtype) {
    return arch.structured() ? new StructuredNetwork(arch, 1e-3, step -> 1.0, seed, dtype)
        : new PolicyNetwork(arch, 1e-3, seed, dtype);
  }

  /** An evaluator whose every output row is {@code row} (fixed logits, whatever the state). */
  public static PolicyEvaluator constant(PolicyArchitecture arch, float[] row) {
    return new PolicyEvaluator() {
      @Override
      public PolicyArchitecture architecture() {
        return arch;
      }

      @Override
      public void evaluate(float[] features, int rows, float[] out) {
        for (int r = 0; r < rows; r++) System.arraycopy(row, 0, out, r * row.length, row.length);
      }
    };
  }

  /**
   * Asserts that a prepared objective's gradient at {@code out} equals central finite differences
   * (h = 1e-6); returns how many outputs had a non-zero gradient.
   */
  public static int assertGradient(org.gfn.model.objectives.Objective.Prepared p, double[] out, double logZ) {
    org.gfn.model.objectives.Objective.Result r = p.compute(out, logZ);
    double h = 1e-6;
    int nonZero = 0;
    for (int i = 0; i < out.length; i++) {
      double keep = out[i];
      out[i] = keep + h;
      double up = p.compute(out, logZ).loss();
      out[i] = keep - h;
      double down = p.compute(out, logZ).loss();
      out[i] = keep;
      double fd = (up - down) / (2 * h);
      org.junit.jupiter.api.Assertions.assertEquals(fd, r.dOutputs()[i], 1e-6 + 1e-5 * Math.abs(fd), "output " + i);
      if (fd != 0) nonZero++;
    }
    return nonZero;
  }

  /** Trajectories from a random policy with some ε-exploration. */
  public static List<Trajectory> trajectories(Environment env, PolicyArchitecture arch, int n, long seed) {
    PolicySnapshot snap = model(arch, seed, DataType.FLOAT).snapshot(0);
    return Arrays.asList(new RolloutSampler(env, snap.evaluator()).sample(n, new Exploration(0.3, 1.0), seed, 0, 0));
  }

  /**
   * The exact solution with uniform P_B: state flows F(s) = R(s) + Σ_c F(c)·P_B(s|c), forward
   * logits = log edge flows (exit: log R), P_B logits 0, log F head = log F(s).
   */
  public static final class Exact {
    public final StateSpace space;
    public final double[] logF;
    public final double[][] logits;

    public Exact(Environment env) {
      space = StateSpace.of(env);
      int n = space.size();
      int nA = env.numActions();
      int nB = env.numBackwardActions();
      double[] flow = new double[n];
      logits = new double[n][nA];
      boolean[] bm = new boolean[nB];
      for (int i = n - 1; i >= 0; i--) {
        double f = space.isTerminal(i) ? Math.exp(space.logReward(i)) : 0;
        if (space.isTerminal(i)) logits[i][env.exitAction()] = space.logReward(i);
        for (int e = space.edgeStart(i); e < space.edgeEnd(i); e++) {
          int c = space.edgeChild(e);
          env.backwardMask(space.state(c), bm);
          int legal = 0;
          for (boolean b : bm) legal += b ? 1 : 0;
          double edge = flow[c] / legal;
          f += edge;
          logits[i][space.edgeAction(e)] = Math.log(edge);
        }
        flow[i] = f;
      }
      logF = Arrays.stream(flow).map(Math::log).toArray();
    }

    /** Output row of state s in the architecture's layout (FL-DB subtracts the state log-reward). */
    public void fill(int[] s, PolicyArchitecture arch, double[] out, int off, double stateLogReward) {
      int i = space.indexOf(s);
      System.arraycopy(logits[i], 0, out, off + arch.forwardOffset(), arch.numActions());
      out[off + arch.flowOffset()] = logF[i] - stateLogReward;
    }
  }
}
