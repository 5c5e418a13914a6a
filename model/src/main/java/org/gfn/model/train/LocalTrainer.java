package org.gfn.model.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.Trajectory;

/**
 * The Spark-free training loop: sample a batch with the current snapshot, add it to replay, train
 * on it (plus replay samples when configured), evaluate every {@code evalEvery} steps. The Spark
 * job runs the same components with rollouts on executors.
 */
public final class LocalTrainer {
  private final Environment env;
  private final Learner learner;
  private final ReplayBuffer replay;
  private final TrainingConfig config;
  private final StateSpace space; // null when not enumerable

  public LocalTrainer(Environment env, Learner learner, ReplayBuffer replay, TrainingConfig config,
      StateSpace space) {
    this.env = env;
    this.learner = learner;
    this.replay = replay;
    this.config = config;
    this.space = space;
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
  public List<Evaluation> run(Consumer<Evaluation> onEval, Consumer<Trajectory[]> onBatch,
      java.util.function.BooleanSupplier stop) {
    List<Evaluation> history = new ArrayList<>();
    long start = System.nanoTime();
    long sampled = 0;
    double lossSum = 0;
    int lossCount = 0;
    double rolloutSeconds = 0;
    double learnSeconds = 0;
    long sampledSinceEval = 0;
    int stepsSinceEval = 0;
    while (sampled < config.trajectories() && !(history.size() > 0 && stop.getAsBoolean())) {
      long t0 = System.nanoTime();
      int n = (int) Math.min(config.batchSize(), config.trajectories() - sampled);
      RolloutSampler sampler = new RolloutSampler(env, learner.snapshot().forwardEvaluator());
      Trajectory[] fresh = sampler.sample(n, config.exploration(),
          Seeds.derive(config.seed(), learner.steps()), sampled, learner.steps());
      sampled += n;
      sampledSinceEval += n;
      onBatch.accept(fresh);
      List<Trajectory> batch = new ArrayList<>(Arrays.asList(fresh));
      if (replay != null) {
        if (config.replaySamples() > 0) batch.addAll(replay.sample(config.replaySamples()));
        replay.addAll(Arrays.asList(fresh));
      }
      long t1 = System.nanoTime();
      lossSum += learner.step(batch).loss();
      lossCount++;
      stepsSinceEval++;
      long t2 = System.nanoTime();
      rolloutSeconds += (t1 - t0) / 1e9;
      learnSeconds += (t2 - t1) / 1e9;
      if (learner.steps() % config.evalEvery() == 0 || sampled >= config.trajectories() || stop.getAsBoolean()) {
        Evaluation e = evaluate(start, sampled, lossSum / lossCount,
            sampledSinceEval / Math.max(rolloutSeconds, 1e-9), stepsSinceEval / Math.max(learnSeconds, 1e-9));
        history.add(e);
        onEval.accept(e);
        lossSum = 0;
        lossCount = 0;
        rolloutSeconds = 0;
        learnSeconds = 0;
        sampledSinceEval = 0;
        stepsSinceEval = 0;
      }
    }
    return history;
  }

  private Evaluation evaluate(long start, long sampled, double loss, double trajPerS, double stepsPerS) {
    double logZ = learner.logZEstimate();
    ExactReport exact = space == null ? null
        : ExactMetrics.evaluate(space, learner.snapshot().forwardEvaluator(), logZ);
    return new Evaluation(learner.steps(), sampled, (System.nanoTime() - start) / 1e9, loss, logZ,
        exact, trajPerS, stepsPerS);
  }
}
