package org.gfn.model.objectives;

import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;

/**
 * A GFlowNet training objective. It declares what it trains on by building a {@link Prepared}
 * batch from stored trajectories (the states whose network outputs it needs), then turns those
 * outputs into a loss and its gradient with respect to the outputs and log Z. The learner owns the
 * network and the optimizer; objectives are math only. All log-probabilities are recomputed from
 * the current outputs: behaviour log-probabilities are never reused (off-policy correctness).
 */
public interface Objective {

  /** Short name, e.g. {@code TB}. */
  String name();

  /** Whether the policy needs its log F(s) head (the flow-based objectives DB, FLDB, SubTB). */
  default boolean needsFlowHead() {
    return false;
  }

  /** Whether the objective reads P_B (all but FM); without it no P_B head is built. */
  default boolean needsBackwardHead() {
    return true;
  }

  /** Whether the learned log Z parameter takes part in the loss (TB). */
  default boolean usesLogZ() {
    return false;
  }

  /**
   * The distributional edge flows this objective trains (QM), or null: with them the network gives
   * {@code n} outputs per forward action and policies act on their distorted expectation.
   */
  default org.gfn.model.policy.QuantileFlows quantileFlows() {
    return null;
  }

  /**
   * The learned dynamics model this objective reads (stochastic DB), or null: the learner then
   * gives every minibatch log T̂ through {@link Prepared#transitionLogProbs} and trains the model.
   */
  default DynamicsSettings dynamics() {
    return null;
  }

  /** Builds the rows to evaluate for a minibatch of trajectories. */
  Prepared prepare(List<Trajectory> batch, Environment env, PolicyArchitecture arch);

  /** A minibatch laid out as network input rows, ready for {@link #compute}. */
  interface Prepared {
    /** Number of rows (states) to evaluate. */
    int rows();

    /** rows × featureSize features, row-major. */
    float[] features();

    /**
     * The state of every row, or null; with states, {@link #features} may be computed on first
     * call, so a policy that reads states ({@code PolicyModel.forwardStates}) spares writing them.
     */
    default int[][] states() {
      return null;
    }

    /**
     * The loss and its gradients.
     *
     * @param outputs rows × outputWidth network outputs (logits and log-flows), row-major
     * @param logZ the current log Z parameter
     */
    Result compute(double[] outputs, double logZ);

    /**
     * The first row of each trajectory plus the row count at the end (trajectory i owns rows
     * {@code starts[i] .. starts[i+1] − 1}), or null when rows are not grouped by trajectory.
     */
    default int[] trajectoryStarts() {
      return null;
    }

    /**
     * The log intrinsic reward log r(s) of every row for the following {@link #compute} calls
     * (GAFlowNet); −∞ for none. Only objectives that use intrinsic rewards take them.
     */
    default void intrinsicRewards(double[] logR) {
      throw new UnsupportedOperationException("this objective has no intrinsic rewards");
    }

    /**
     * log T̂(e_r | s_r, b) for the following {@link #compute} calls: rows × numActions, for every
     * row r with a next state (e_r the move executed there) and legal move b, −∞ elsewhere. Only
     * objectives with {@link Objective#dynamics} take it.
     */
    default void transitionLogProbs(double[] logT) {
      throw new UnsupportedOperationException("this objective has no dynamics model");
    }

    /**
     * {@link #compute} with one log Z per trajectory (a temperature-conditioned log Z(β)); the
     * result's {@code dLogZs} holds the gradient per trajectory. Only for objectives that train
     * on whole trajectories.
     */
    default Result compute(double[] outputs, double[] logZPerTrajectory) {
      throw new UnsupportedOperationException("this objective does not take a log Z per trajectory");
    }
  }

  /**
   * @param loss the minibatch loss
   * @param dOutputs dLoss/dOutputs, same layout as the outputs
   * @param dLogZ dLoss/dlogZ (0 when log Z is not used)
   * @param logZEstimate the objective's estimate of log Z (the parameter for TB, log F(s_0) for
   *     flow-based objectives, the batch mean for ZVar)
   * @param dLogZs dLoss/dlogZ_i per trajectory (null unless computed with a log Z per trajectory)
   */
  record Result(double loss, double[] dOutputs, double dLogZ, double logZEstimate, double[] dLogZs) {
    public Result(double loss, double[] dOutputs, double dLogZ, double logZEstimate) {
      this(loss, dOutputs, dLogZ, logZEstimate, null);
    }
  }
}
