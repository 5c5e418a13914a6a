package org.gfn.model;

import java.util.List;
import java.util.Map;
import org.gfn.model.learn.StepMetrics;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;

/**
 * The data flow of training in four contracts; the arrows of
 *
 * <pre>
 *   Learner ──snapshot(v)──► PolicySource ──► RolloutSource (in-process sampler | Spark jobs)
 *      ▲                                            │ TrajectoryBatch
 *      └──── fresh + replayed minibatches ◄── TrajectorySink (replay buffer, replay log, metrics)
 * </pre>
 *
 * One loop ({@link org.gfn.model.train.TrainingLoop}) drives them, in one process or
 * distributed: only the {@link RolloutSource} differs. Rollout code sees a {@link PolicySource}
 * and a {@link TrajectorySink}, never the learner.
 */
public final class Contracts {
  private Contracts() {}

  /**
   * Where policies come from. The version of a policy is the learner's step count when the
   * snapshot was taken: it is stored once, in the learner, and every other place (broadcasts,
   * trajectories, staleness) reads it from a snapshot. A snapshot is immutable, so a rollout may
   * keep reading it while the learner moves on.
   */
  public interface PolicySource {
    /** The version the next {@link #snapshot()} will carry: the learner's step count. */
    long version();

    /** An immutable copy of the current parameters, tagged with {@link #version()}. */
    PolicySnapshot snapshot();
  }

  /**
   * Where trajectories go when they arrive on the driver: the replay buffer, the replay log,
   * discovery metrics. Called on the loop's thread, once per batch, in arrival order; a batch
   * that was dropped (too stale) never reaches a sink.
   *
   * <p>{@code round} is the rollout round (a Spark job, or a local learner step) that produced
   * the batch.
   */
  @FunctionalInterface
  public interface TrajectorySink {
    void accept(TrajectoryBatch batch, long round);

    /** A sink that hands every batch to each of {@code sinks} in order (nulls skipped). */
    static TrajectorySink all(TrajectorySink... sinks) {
      return (batch, round) -> {
        for (TrajectorySink s : sinks) {
          if (s != null) s.accept(batch, round);
        }
      };
    }
  }

  /**
   * Where the loop's fresh trajectories come from: the in-process sampler, or rollout jobs on
   * Spark executors. A source delivers what arrives to its {@link TrajectorySink} first, then
   * hands it to the loop through {@link #next}; it decides how many rollouts are in flight, so
   * scheduling, backpressure, staleness and failures live here, not in the loop.
   */
  public interface RolloutSource {
    /**
     * Fresh trajectories for one learner step without waiting: {@code batch} of them, or fewer
     * when they are the last of the budget, or none when nothing is ready yet.
     *
     * @param remaining fresh trajectories the run still needs (the budget minus those trained on)
     */
    List<Trajectory> next(int batch, long remaining);

    /** Waits briefly (at most about a second) for rollouts to arrive. */
    void await();

    /** Trajectories delivered to the sink so far (resumed runs included). */
    long inserted();

    /** The source's own figures for a metrics record (staleness, versions, ...); may be empty. */
    Map<String, Object> stats();

    /** The source's figures for the run's summary; may be empty. */
    Map<String, Object> summary();

    /** Stops whatever is still in flight. */
    void close();
  }

  /**
   * The learner: one gradient step of the objective on a minibatch, recomputing every
   * log-probability under the current parameters (off-policy). It owns the optimiser and log Z,
   * and it is the run's {@link PolicySource}.
   */
  public interface Learner extends PolicySource {
    StepMetrics step(List<Trajectory> batch);

    /** The objective's current estimate of log Z. */
    double logZEstimate();

    /** The estimate of log Z(β) = log Σ_x R(x)^β of a temperature-conditioned policy; β = 1 otherwise. */
    default double logZAt(double beta) {
      if (beta != 1.0) throw new IllegalArgumentException("this learner's policy is not temperature-conditioned");
      return logZEstimate();
    }
  }
}
