package org.gfn.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gfn.envs.StateSpace;
import org.gfn.model.Contracts;
import org.gfn.model.config.TrainingConfig;
import org.gfn.model.metrics.Discovery;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.SnapshotMetrics;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.Trajectory;

/**
 * The training loop, the one the local trainer, the distributed job and packed sweep trials all
 * run: take fresh trajectories from the {@link Contracts.RolloutSource} (plus
 * {@code replay-samples} from the buffer) and step the learner; when nothing fresh is ready and
 * the samples-per-insert ratio allows, step on replay samples instead of waiting; evaluate every
 * {@code eval-every} steps and checkpoint every {@code checkpoint-every} (skipping those that would
 * come sooner than {@code checkpoint-min-interval-s} after the last one); stop at the trajectory
 * budget or when asked to (after at least one evaluation). Exact metrics of an evaluation and a
 * task's {@link SnapshotMetrics} (held-out instances) are computed from an immutable snapshot, on a
 * background thread when {@link Options#background}, and records are published in order.
 */
public final class TrainingLoop {
  private static final AtomicLong RUNS = new AtomicLong();

  /**
   * @param batchSize fresh trajectories per learner step
   * @param replaySamples replayed trajectories added to each fresh minibatch
   * @param trajectories the budget of fresh trajectories to train on
   * @param evalEvery learner steps between evaluations
   * @param samplesPerInsert above 1: replay-only steps are allowed while steps × batch ≤ this ×
   *     inserted trajectories (Reverb's ratio); 1 or less: never
   * @param checkpointEvery learner steps between checkpoints (when a checkpointer is given)
   * @param checkpointMinSeconds a checkpoint due sooner than this after the last one (or the start)
   *     is skipped; the final checkpoint is always taken
   * @param background whether exact metrics are computed on a background thread
   */
  public record Options(int batchSize, int replaySamples, long trajectories, int evalEvery,
      double samplesPerInsert, int checkpointEvery, double checkpointMinSeconds, boolean background) {
    /** The local loop's options: no replay-only steps, evaluation in line. */
    public static Options local(TrainingConfig c) {
      return new Options(c.batchSize(), c.replaySamples(), c.trajectories(), c.evalEvery(), 1.0,
          Integer.MAX_VALUE, 0, false);
    }
  }

  /** Saves the run's state (the distributed job writes checkpoint files; the local loop none). */
  @FunctionalInterface
  public interface Checkpointer {
    void save(RunStats stats) throws IOException;
  }

  private final Contracts.Learner learner;
  private final Contracts.RolloutSource source;
  private final ReplayBuffer replay;
  private final StateSpace space;
  private final Discovery discovery;
  private final Options options;
  private final RunStats stats;
  private final Checkpointer checkpointer;
  private final Consumer<Evaluation> onEvaluation;
  private long lastCheckpointNanos;
  private final List<Evaluation> history = Collections.synchronizedList(new ArrayList<>());
  private final List<Future<?>> evaluations = new ArrayList<>();
  private ExactReport lastExact;
  private volatile Map<String, Object> lastPerBeta = Map.of();

  /**
   * @param replay the buffer replay samples come from (null: none)
   * @param space the exact state space for exact metrics (null: not enumerable)
   * @param discovery what the task tracks about sampled objects (null: nothing)
   * @param checkpointer null: no checkpoints
   */
  public TrainingLoop(Contracts.Learner learner, Contracts.RolloutSource source, ReplayBuffer replay,
      StateSpace space, Discovery discovery, Options options, RunStats stats, Checkpointer checkpointer,
      Consumer<Evaluation> onEvaluation) {
    this.learner = learner;
    this.source = source;
    this.replay = replay;
    this.space = space;
    this.discovery = discovery;
    this.options = options;
    this.stats = stats;
    this.checkpointer = checkpointer;
    this.onEvaluation = onEvaluation;
  }

  /** How many training loops this JVM has run (all entry points count here). */
  public static long runs() {
    return RUNS.get();
  }

  /** Trains to the budget (or until {@code stop}); returns every evaluation in order. */
  public List<Evaluation> run(BooleanSupplier stop) {
    RUNS.incrementAndGet();
    ExecutorService evaluator = options.background() ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "exact-evaluation");
      t.setDaemon(true);
      return t;
    }) : null;
    stats.start();
    lastCheckpointNanos = System.nanoTime();
    int batch = options.batchSize();
    try {
      while (stats.trained() < options.trajectories() && !(!history.isEmpty() && stop.getAsBoolean())) {
        List<Trajectory> fresh = source.next(batch, options.trajectories() - stats.trained());
        if (!fresh.isEmpty()) {
          stats.consumed(fresh.size());
          List<Trajectory> minibatch = new ArrayList<>(fresh);
          if (options.replaySamples() > 0 && replay != null) minibatch.addAll(replay.sample(options.replaySamples()));
          step(minibatch, evaluator, stop);
        } else if (replayStepAllowed()) {
          step(replay.sample(batch), evaluator, stop);
        } else {
          source.await();
        }
      }
    } finally {
      source.close();
    }
    if (stats.stepsSinceEval() > 0) evaluate(evaluator);
    awaitEvaluations();
    if (evaluator != null) evaluator.shutdown();
    checkpoint();
    return new ArrayList<>(history);
  }

  private boolean replayStepAllowed() {
    int batch = options.batchSize();
    if (options.samplesPerInsert() <= 1.0 || replay == null || replay.size() < batch) return false;
    return (learner.version() + 1) * (double) batch <= options.samplesPerInsert() * source.inserted();
  }

  private void step(List<Trajectory> minibatch, ExecutorService evaluator, BooleanSupplier stop) {
    long t0 = System.nanoTime();
    double loss = learner.step(minibatch).loss();
    stats.stepped(loss, (System.nanoTime() - t0) / 1e9);
    long steps = learner.version();
    if (steps % options.evalEvery() == 0 || stop.getAsBoolean()) evaluate(evaluator);
    if (steps % options.checkpointEvery() == 0
        && (System.nanoTime() - lastCheckpointNanos) / 1e9 >= options.checkpointMinSeconds()) {
      checkpoint();
    }
  }

  /** Records an evaluation point; exact metrics come from a snapshot taken now. */
  private void evaluate(ExecutorService evaluator) {
    long t0 = System.nanoTime();
    double logZ = learner.logZEstimate();
    Map<String, Object> m = stats.evaluationRecord(learner.version(), logZ, source.inserted());
    if (discovery != null) m.putAll(discovery.toMap());
    m.putAll(source.stats());
    SnapshotMetrics held = discovery instanceof SnapshotMetrics h ? h : null;
    PolicySnapshot snapshot = space == null && held == null ? null : learner.snapshot();
    double[] betas = space == null || snapshot.temperature() == null ? null : snapshot.temperature().evalBetas();
    double[] logZs = betas == null ? null : java.util.Arrays.stream(betas).map(learner::logZAt).toArray();
    Runnable finish = () -> {
      if (held != null) m.putAll(held.evaluate(snapshot));
      ExactReport exact = space == null ? null : ExactMetrics.evaluate(space, snapshot.forwardEvaluator(), logZ);
      if (exact != null) {
        Evaluation.putExact(m, exact);
        lastExact = exact;
      }
      if (betas != null) {
        lastPerBeta = ExactMetrics.perBeta(space, snapshot.forwardEvaluator(), betas, logZs);
        m.putAll(lastPerBeta);
      }
      Evaluation e = new Evaluation(m, exact);
      history.add(e);
      onEvaluation.accept(e);
    };
    if (evaluator == null) {
      finish.run();
    } else {
      evaluations.add(evaluator.submit(finish));
    }
    stats.evaluated((System.nanoTime() - t0) / 1e9);
  }

  private void awaitEvaluations() {
    for (Future<?> f : evaluations) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
      }
    }
    evaluations.clear();
  }

  private void checkpoint() {
    if (checkpointer == null) return;
    lastCheckpointNanos = System.nanoTime();
    try {
      checkpointer.save(stats);
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint failed: " + e.getMessage(), e);
    }
  }

  /** The run's summary: the loop's figures, the source's, discovery and the last exact metrics. */
  public Map<String, Object> summary() {
    Map<String, Object> s = stats.summary(learner.version(), source.inserted(), learner.logZEstimate());
    s.putAll(source.summary());
    if (discovery != null) s.putAll(discovery.toMap());
    if (lastExact != null) {
      Evaluation.putExact(s, lastExact);
      s.put("exact_log_z", space.logZ());
    }
    s.putAll(lastPerBeta);
    return s;
  }
}
