package org.gfn.model.train;

import org.gfn.model.metrics.ExactReport;

/**
 * One evaluation point of a run.
 *
 * @param step learner steps so far
 * @param trajectories fresh trajectories sampled so far
 * @param wallSeconds seconds since the run started
 * @param loss mean loss since the previous evaluation
 * @param logZ the objective's log Z estimate
 * @param exact exact metrics, or null when the space is not enumerable
 * @param trajectoriesPerSecond rollout throughput since the previous evaluation
 * @param stepsPerSecond learner throughput since the previous evaluation
 */
public record Evaluation(long step, long trajectories, double wallSeconds, double loss, double logZ,
    ExactReport exact, double trajectoriesPerSecond, double stepsPerSecond) {

  /** One concise progress line. */
  public String progressLine() {
    String ex = exact == null ? "" : String.format(" | exact sum-L1 %.4f TV %.4f JSD %.4f |logZ err| %.4f",
        exact.sumL1(), exact.tv(), exact.jsd(), exact.logZError());
    return String.format("step %6d | traj %8d | %6.1fs | %7.0f traj/s %6.1f steps/s | loss %.4f | logZ %.4f%s",
        step, trajectories, wallSeconds, trajectoriesPerSecond, stepsPerSecond, loss, logZ, ex);
  }
}
