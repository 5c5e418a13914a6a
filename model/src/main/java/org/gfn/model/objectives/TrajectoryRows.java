package org.gfn.model.objectives;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.replay.Trajectory;

/**
 * Trajectories laid out one row per visited state s_0..s_L, with what each row needs: the forward
 * action chosen there (exit on the last row), the backward action back to the previous state (rows
 * t ≥ 1; read off the states, so in a stochastic environment it undoes the move executed), both masks, and optionally the intermediate log-reward; the features on demand.
 */
final class TrajectoryRows {
  final int trajectories;
  final int rows;
  final int[] start; // first row of each trajectory, plus rows at the end
  final int[][] states; // per row
  private final Environment env;
  private float[] features; // written on first use
  final int[] action;
  final int[] backAction;
  final boolean[] fmask;
  final boolean[] bmask;
  final double[] logReward; // per trajectory: β · log R(x)
  final double[] behaviour; // per trajectory: Σ log π_b of the policy that sampled it
  final double[] stateLogReward; // per row, or null
  final double[] logIntrinsic; // per row: log of the intrinsic reward r(s) (GAFlowNet), −∞ when none
  double[] logTransition; // rows × nA: log T̂(e_r | s_r, b) of a learned dynamics model, or null
  final int nA;
  final int nB;

  TrajectoryRows(List<Trajectory> batch, Environment env, boolean withStateRewards) {
    trajectories = batch.size();
    start = new int[trajectories + 1];
    int r = 0;
    for (int i = 0; i < trajectories; i++) {
      start[i] = r;
      r += batch.get(i).length();
    }
    start[trajectories] = r;
    rows = r;
    nA = env.numActions();
    nB = env.numBackwardActions();
    this.env = env;
    states = new int[rows][];
    action = new int[rows];
    backAction = new int[rows];
    fmask = new boolean[rows * nA];
    bmask = new boolean[rows * nB];
    logReward = new double[trajectories];
    behaviour = new double[trajectories];
    stateLogReward = withStateRewards ? new double[rows] : null;
    logIntrinsic = new double[rows];
    java.util.Arrays.fill(logIntrinsic, Double.NEGATIVE_INFINITY);
    boolean[] fm = new boolean[nA];
    boolean[] bm = new boolean[nB];
    boolean stochastic = env.stochasticTransitions(); // actions are the chosen ones; states say what happened
    for (int i = 0; i < trajectories; i++) {
      Trajectory t = batch.get(i);
      logReward[i] = t.beta() * t.logReward(); // the target R(x)^β
      behaviour[i] = t.behaviourLogProb();
      int[] prev = null;
      for (int k = 0; k < t.length(); k++) {
        int row = start[i] + k;
        int[] s = t.state(k);
        states[row] = s;
        env.forwardMask(s, fm);
        env.backwardMask(s, bm);
        System.arraycopy(fm, 0, fmask, row * nA, nA);
        System.arraycopy(bm, 0, bmask, row * nB, nB);
        action[row] = t.action(k);
        if (!fm[action[row]]) {
          throw new IllegalArgumentException("trajectory " + t.id() + " takes illegal action " + action[row] + " at step " + k);
        }
        backAction[row] = prev == null ? -1 : stochastic ? env.backwardActionBetween(prev, s)
            : env.backwardActionOf(prev, t.action(k - 1));
        if (stateLogReward != null) stateLogReward[row] = t.beta() * env.intermediateLogReward(s);
        prev = s;
      }
    }
  }

  /** rows × featureSize features, written on the first call. */
  float[] features() {
    if (features == null) {
      int f = env.featureSize();
      features = new float[rows * f];
      for (int r = 0; r < rows; r++) env.encode(states[r], features, r * f);
    }
    return features;
  }
}
