package org.gfn.model.objectives;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;

/**
 * Base of the objectives that train on whole trajectories (TB, DB, FL-DB, SubTB, ZVar): it lays
 * out the rows, turns outputs into {@link TrajectoryTerms} with masked log-softmaxes, lets the
 * subclass compute the loss on those terms, and chains the term gradients back to the outputs.
 */
abstract class TrajectoryObjective implements Objective {

  /** Computes the loss from {@code t} and fills its gradient accumulators. */
  abstract double loss(TrajectoryTerms t);

  /**
   * One trajectory's part of a loss that sums over trajectories: its rows are {@code first} ..
   * {@code first + length − 1} of {@code t}, {@code n} trajectories in all; adds its gradients to t.
   */
  @FunctionalInterface
  interface TrajectoryPart {
    double loss(TrajectoryTerms t, int i, int first, int length, int n);
  }

  /** Σ over the minibatch's trajectories of {@code part}, in order. */
  static double sumOverTrajectories(TrajectoryTerms t, TrajectoryPart part) {
    double loss = 0;
    for (int i = 0; i < t.count(); i++) loss += part.loss(t, i, t.first(i), t.length(i), t.count());
    return loss;
  }

  /** The objective's log Z estimate from the terms. */
  abstract double logZEstimate(TrajectoryTerms t);

  /** Whether the loss reads per-row intrinsic rewards (GAFlowNet). */
  boolean usesIntrinsicRewards() {
    return false;
  }

  /** Whether rows need intermediate log-rewards (FL-DB). */
  boolean needsStateRewards() {
    return false;
  }

  @Override
  public Prepared prepare(List<Trajectory> batch, Environment env, PolicyArchitecture arch) {
    if (needsFlowHead() && !arch.flowHead()) {
      throw new IllegalStateException(name() + " needs the policy's log F head (policy.flow-head)");
    }
    TrajectoryRows rows = new TrajectoryRows(batch, env, needsStateRewards());
    boolean learnedPB = arch.learnedBackward();
    return new Prepared() {
      @Override
      public int rows() {
        return rows.rows;
      }

      @Override
      public float[] features() {
        return rows.features();
      }

      @Override
      public int[][] states() {
        return rows.states;
      }

      @Override
      public int[] trajectoryStarts() {
        return rows.start;
      }

      @Override
      public void intrinsicRewards(double[] logR) {
        if (!usesIntrinsicRewards()) throw new UnsupportedOperationException(name() + " has no intrinsic rewards");
        if (logR.length != rows.rows) throw new IllegalArgumentException(logR.length + " intrinsic rewards for " + rows.rows + " rows");
        System.arraycopy(logR, 0, rows.logIntrinsic, 0, rows.rows);
      }

      @Override
      public void transitionLogProbs(double[] logT) {
        if (dynamics() == null) throw new UnsupportedOperationException(name() + " has no dynamics model");
        if (logT.length != rows.rows * rows.nA) {
          throw new IllegalArgumentException(logT.length + " transition log-probabilities for " + rows.rows + " rows");
        }
        rows.logTransition = logT;
      }

      @Override
      public Result compute(double[] out, double logZ) {
        double[] z = new double[rows.trajectories];
        java.util.Arrays.fill(z, logZ);
        return TrajectoryObjective.this.compute(rows, arch, learnedPB, out, z);
      }

      @Override
      public Result compute(double[] out, double[] logZ) {
        if (logZ.length != rows.trajectories) {
          throw new IllegalArgumentException(logZ.length + " log Z values for " + rows.trajectories + " trajectories");
        }
        return TrajectoryObjective.this.compute(rows, arch, learnedPB, out, logZ);
      }
    };
  }

  private Result compute(TrajectoryRows r, PolicyArchitecture arch, boolean learnedPB,
      double[] out, double[] logZ) {
    int w = arch.outputWidth();
    int fo = arch.forwardOffset();
    int bo = arch.backwardOffset();
    int flo = arch.flowOffset();
    double[] logPF = new double[r.rows];
    double[] logPB = new double[r.rows];
    double[] logF = new double[r.rows];
    double[] lseF = new double[r.rows];
    double[] lseB = new double[r.rows];
    int[] legalB = new int[r.rows];
    for (int row = 0; row < r.rows; row++) {
      int o = row * w;
      lseF[row] = LogSoftmax.logSumExp(out, o + fo, r.fmask, row * r.nA, r.nA);
      logPF[row] = marginal(r, row) ? moveLogProb(r, out, o + fo, row) - lseF[row] : out[o + fo + r.action[row]] - lseF[row];
      logF[row] = out[o + flo];
      if (r.backAction[row] >= 0) {
        if (learnedPB) {
          lseB[row] = LogSoftmax.logSumExp(out, o + bo, r.bmask, row * r.nB, r.nB);
          logPB[row] = out[o + bo + r.backAction[row]] - lseB[row];
        } else {
          int n = 0;
          for (int j = 0; j < r.nB; j++) n += r.bmask[row * r.nB + j] ? 1 : 0;
          legalB[row] = n;
          logPB[row] = -Math.log(n);
        }
      }
    }
    if (r.stateLogReward != null) {
      for (int row = 0; row < r.rows; row++) logF[row] += r.stateLogReward[row];
    }
    TrajectoryTerms t = new TrajectoryTerms(r, logPF, logPB, logF, logZ);
    double loss = loss(t);
    double[] grad = new double[out.length];
    for (int row = 0; row < r.rows; row++) {
      int o = row * w;
      if (marginal(r, row)) {
        moveBackward(r, out, o + fo, row, logPF[row] + lseF[row], lseF[row], t.dLogPF[row], grad);
      } else {
        LogSoftmax.backward(out, o + fo, r.fmask, row * r.nA, r.nA, r.action[row], lseF[row], t.dLogPF[row], grad);
      }
      if (learnedPB && r.backAction[row] >= 0) {
        LogSoftmax.backward(out, o + bo, r.bmask, row * r.nB, r.nB, r.backAction[row], lseB[row],
            t.dLogPB[row], grad);
      }
      grad[o + flo] += t.dLogF[row];
    }
    return new Result(loss, grad, usesLogZ() ? t.totalDLogZ() : 0, logZEstimate(t), usesLogZ() ? t.dLogZ : null);
  }

  /** Whether a row's P_F term is the probability of the move executed, through learned dynamics. */
  private static boolean marginal(TrajectoryRows r, int row) {
    return r.logTransition != null && row + 1 < r.rows && r.backAction[row + 1] >= 0;
  }

  /** log Σ_b exp(out_b) T̂(e | s, b): the unnormalised log-probability that s moves to the next state. */
  private static double moveLogProb(TrajectoryRows r, double[] out, int off, int row) {
    double v = Double.NEGATIVE_INFINITY;
    for (int b = 0; b < r.nA; b++) {
      double lt = r.logTransition[row * r.nA + b];
      if (r.fmask[row * r.nA + b] && lt > Double.NEGATIVE_INFINITY) v = LogSoftmax.logAddExp(v, out[off + b] + lt);
    }
    return v;
  }

  /** Adds g · d(log Σ_b π(b) T̂_b)/d out: g (q_b − π_b), q_b ∝ π(b) T̂_b the posterior of the chosen action. */
  private static void moveBackward(TrajectoryRows r, double[] out, int off, int row, double lseMove, double lseF,
      double g, double[] grad) {
    if (g == 0) return;
    for (int b = 0; b < r.nA; b++) {
      if (!r.fmask[row * r.nA + b]) continue;
      double lt = r.logTransition[row * r.nA + b];
      double q = lt > Double.NEGATIVE_INFINITY ? Math.exp(out[off + b] + lt - lseMove) : 0;
      grad[off + b] += g * (q - Math.exp(out[off + b] - lseF));
    }
  }
}
