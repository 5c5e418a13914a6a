package org.gfn.model.train;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.Contracts;
import org.gfn.model.config.TrainingConfig;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.Discovery;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.Trajectory;

/**
 * Spark-free training: the {@link TrainingLoop} with {@link LocalRollouts} as its source, so
 * each learner step trains on a batch sampled just before with the current policy, plus replay
 * samples when configured. Fresh batches go to the replay buffer and the discovery tracker.
 */
public final class LocalTrainer {
  private final Environment env;
  private final Learner learner;
  private final ReplayBuffer replay;
  private final TrainingConfig config;
  private final StateSpace space; // null when not enumerable
  private final Discovery discovery; // null when the task tracks nothing

  public LocalTrainer(Environment env, Learner learner, ReplayBuffer replay, TrainingConfig config,
      StateSpace space) {
    this(env, learner, replay, config, space, null);
  }

  public LocalTrainer(Environment env, Learner learner, ReplayBuffer replay, TrainingConfig config,
      StateSpace space, Discovery discovery) {
    this.env = env;
    this.learner = learner;
    this.replay = replay;
    this.config = config;
    this.space = space;
    this.discovery = discovery;
  }

  /** Runs to the trajectory budget; {@code onEval} sees every evaluation. Returns them all. */
  public List<Evaluation> run(Consumer<Evaluation> onEval) {
    return run(onEval, b -> { });
  }

  /** As {@link #run(Consumer)}, also showing every freshly sampled batch to {@code onBatch}. */
  public List<Evaluation> run(Consumer<Evaluation> onEval, Consumer<Trajectory[]> onBatch) {
    return run(onEval, onBatch, () -> false);
  }

  /**
   * As {@link #run(Consumer, Consumer)}, stopping early (after an evaluation) once {@code stop}
   * says so, e.g. when a time budget is spent.
   */
  public List<Evaluation> run(Consumer<Evaluation> onEval, Consumer<Trajectory[]> onBatch, BooleanSupplier stop) {
    Contracts.TrajectorySink sink = Contracts.TrajectorySink.all(
        replay == null ? null : (b, round) -> replay.addAll(b.trajectories()),
        discovery == null ? null : (b, round) -> b.trajectories().forEach(discovery::observe),
        (b, round) -> onBatch.accept(b.trajectories().toArray(new Trajectory[0])));
    LocalRollouts source = new LocalRollouts(env, learner, sink, config.exploration(), config.localSearch(), config.seed());
    return new TrainingLoop(learner, source, replay, space, discovery, TrainingLoop.Options.local(config),
        RunStats.fresh(), null, onEval).run(stop);
  }
}
