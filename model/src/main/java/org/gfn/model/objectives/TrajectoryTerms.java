package org.gfn.model.objectives;

/**
 * Per-row log-probabilities and log-flows of a {@link TrajectoryRows} batch under given outputs,
 * and the accumulators for their gradients. Row t of a trajectory holds log P_F(a_t | s_t),
 * log P_B(s_{t−1} | s_t) (0 at t = 0) and log F(s_t); each trajectory has its log Z (the one
 * parameter, or log Z(β) of its β when temperature-conditioned).
 */
final class TrajectoryTerms {
  final TrajectoryRows rows;
  final double[] logPF;
  final double[] logPB;
  final double[] logF;
  final double[] logZ; // per trajectory
  final double[] dLogPF;
  final double[] dLogPB;
  final double[] dLogF;
  final double[] dLogZ; // per trajectory

  TrajectoryTerms(TrajectoryRows rows, double[] logPF, double[] logPB, double[] logF, double[] logZ) {
    this.rows = rows;
    this.logPF = logPF;
    this.logPB = logPB;
    this.logF = logF;
    this.logZ = logZ;
    this.dLogPF = new double[rows.rows];
    this.dLogPB = new double[rows.rows];
    this.dLogF = new double[rows.rows];
    this.dLogZ = new double[rows.trajectories];
  }

  double totalDLogZ() {
    double s = 0;
    for (double d : dLogZ) s += d;
    return s;
  }

  int count() {
    return rows.trajectories;
  }

  int first(int traj) {
    return rows.start[traj];
  }

  /** Number of rows (states s_0..s_L) of a trajectory. */
  int length(int traj) {
    return rows.start[traj + 1] - rows.start[traj];
  }

  double logReward(int traj) {
    return rows.logReward[traj];
  }

  /** Σ log π_b of the behaviour policy that sampled the trajectory (as stored with it). */
  double behaviourLogProb(int traj) {
    return rows.behaviour[traj];
  }

  /** log P_F(τ) of a trajectory under the current outputs (exit included). */
  double sumLogPF(int traj) {
    double s = 0;
    for (int k = first(traj); k < first(traj) + length(traj); k++) s += logPF[k];
    return s;
  }

  /** log P_B(τ | x) of a trajectory under the current outputs. */
  double sumLogPB(int traj) {
    double s = 0;
    for (int k = first(traj); k < first(traj) + length(traj); k++) s += logPB[k];
    return s;
  }
}
