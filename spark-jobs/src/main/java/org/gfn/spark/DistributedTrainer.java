package org.gfn.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.TopKTracker;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.train.Settings;
import org.gfn.model.train.Task;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver loop of distributed training. Up to K rollout jobs run asynchronously on the
 * executors while the learner steps: each step takes {@code batch-size} fresh trajectories (plus
 * {@code replay-samples} from the buffer); when none are ready and the samples-per-insert ratio
 * allows, it trains on replay samples instead of waiting. Snapshots are versioned by the learner
 * step they were taken at and broadcast lazily: a job about to launch gets a new one when the
 * current one is N or more steps old, so no broadcast is made that no job reads. Trajectories more
 * than S learner steps older than the learner are dropped and counted. Jobs are launched only
 * while the fresh queue is short (backpressure), so data does not pile up stale. In sync mode one
 * job runs at a time and its trajectories are trained on by the version that produced them.
 */
final class DistributedTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedTrainer.class);
  /** A job lost with an executor is replaced; this many failures in a row mean a real error. */
  private static final int MAX_CONSECUTIVE_FAILURES = 3;

  private final JavaSparkContext jsc;
  private final Settings settings;
  private final SparkSettings spark;
  private final Task task;
  /** Top-K discovery and best-100 objects of data-backed sequence tasks (null otherwise). */
  private final TopKTracker discovery;
  private final Learner learner;
  private final ReplayBuffer replay;
  private final ReplayLogWriter log;
  private final RunDirectory run;
  private final BroadcastManager broadcasts;
  private final int tasksPerJob;
  private final ArrayDeque<Trajectory> fresh = new ArrayDeque<>();
  private final List<RolloutJob> inFlight = new ArrayList<>();
  private final Set<String> workersSeen = new LinkedHashSet<>();
  private final Consumer<String> progress;

  // counters carried by checkpoints
  private final String runId;
  private long inserted;
  private long nextId;
  private long round;
  private long version;
  private long droppedStale;
  private long consumedFresh;
  private final double wallBefore;

  // statistics of this process
  private long lastPublishedStep = -1;
  private long broadcastCount;
  private long stalenessSum;
  private long stalenessMax;
  private long stalenessCount;
  private long failedJobs;
  private int consecutiveFailures;
  private double waitSeconds;
  private double learnSeconds;
  private long startNanos;
  private long lastEvalNanos;
  private long harvestedSinceEval;
  private long stepsSinceEval;
  private double learnSinceEval;
  private double lossSum;
  private int lossCount;
  private volatile ExactReport lastExact;
  private double publishSeconds;
  private double evalSeconds;
  private double harvestSeconds;
  private final java.util.concurrent.ExecutorService evaluator = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "exact-evaluation");
    t.setDaemon(true);
    return t;
  });
  private final List<java.util.concurrent.Future<?>> evaluations = new ArrayList<>();

  DistributedTrainer(JavaSparkContext jsc, Settings settings, SparkSettings spark, Task task,
      Learner learner, ReplayBuffer replay, ReplayLogWriter log, RunDirectory run,
      Checkpoint.Counters start, Consumer<String> progress) {
    this.jsc = jsc;
    this.settings = settings;
    this.spark = spark;
    this.task = task;
    this.discovery = task.discoveryTracker();
    this.learner = learner;
    this.replay = replay;
    this.log = log;
    this.run = run;
    this.progress = progress;
    this.broadcasts = new BroadcastManager(jsc);
    this.tasksPerJob = spark.tasksPerJob() > 0 ? spark.tasksPerJob() : jsc.defaultParallelism();
    this.runId = start.runId();
    this.inserted = start.inserted();
    this.nextId = start.nextId();
    this.round = start.round();
    this.version = start.version();
    this.droppedStale = start.droppedStale();
    this.consumedFresh = start.trained();
    this.wallBefore = start.wallSeconds();
  }

  /** A fresh run's counters. */
  static Checkpoint.Counters startCounters(String runId) {
    return new Checkpoint.Counters(runId, 0, 0, 0, 0, -1, 0, 0, 0);
  }

  /** Trains until {@code gfn.train.trajectories} fresh trajectories were trained on. */
  Map<String, Object> run() throws IOException {
    startNanos = System.nanoTime();
    lastEvalNanos = startNanos;
    long budget = settings.train().trajectories();
    int batch = settings.train().batchSize();
    publish();
    try {
      while (consumedFresh < budget) {
        launchJobs(budget);
        harvest(false);
        boolean lastBits = inFlight.isEmpty() && consumedFresh + fresh.size() >= budget;
        if (fresh.size() >= batch || (lastBits && !fresh.isEmpty())) {
          step(takeFresh(batch));
        } else if (replayStepAllowed(batch)) {
          step(replay.sample(batch));
        } else if (!inFlight.isEmpty()) {
          harvest(true);
        }
      }
    } finally {
      for (RolloutJob j : inFlight) j.future().cancel(true);
      inFlight.clear();
      broadcasts.destroyAll();
    }
    if (stepsSinceEval > 0) evaluate();
    awaitEvaluations();
    evaluator.shutdown();
    checkpoint();
    return summary();
  }

  /** Broadcasts the learner's current parameters as version = its step count. */
  private void publish() {
    long t0 = System.nanoTime();
    version = learner.steps();
    PolicySnapshot live = learner.snapshot();
    broadcasts.publish(new PolicySnapshot(version, live.architecture(), live.params()));
    lastPublishedStep = learner.steps();
    broadcastCount++;
    publishSeconds += (System.nanoTime() - t0) / 1e9;
  }

  private boolean replayStepAllowed(int batch) {
    if (spark.sync() || spark.samplesPerInsert() <= 1.0 || replay.size() < batch) return false;
    return (learner.steps() + 1) * (double) batch <= spark.samplesPerInsert() * inserted;
  }

  private void launchJobs(long budget) {
    int perJob = tasksPerJob * spark.trajectoriesPerTask();
    while (inFlight.size() < spark.jobsInFlight()) {
      long coming = inFlight.stream().mapToLong(RolloutJob::expected).sum();
      if (consumedFresh + fresh.size() + coming >= budget) return;
      if (spark.sync() && !fresh.isEmpty()) return; // sync: train on this round first
      if (!spark.sync() && fresh.size() >= perJob) return; // backpressure: the learner is behind
      // Lazy broadcast: a job gets a snapshot at most N learner steps old (sync: the newest).
      long age = learner.steps() - lastPublishedStep;
      if (spark.sync() ? age > 0 : age >= spark.broadcastEvery()) publish();
      RolloutFunction f = new RolloutFunction(broadcasts.acquireCurrent(), settings.env(),
          settings.exploration(), spark.trajectoriesPerTask(), settings.seed(), round, nextId);
      jsc.setJobDescription("rollout round " + round + " with policy v" + version + ": "
          + tasksPerJob + " tasks x " + spark.trajectoriesPerTask() + " trajectories");
      inFlight.add(new RolloutJob(round, version, perJob,
          jsc.parallelize(IntStream.range(0, tasksPerJob).boxed().toList(), tasksPerJob)
              .mapPartitions(f).collectAsync()));
      round++;
      nextId += perJob;
    }
  }

  /** Collects finished jobs; with {@code block}, waits (up to a second) for the oldest one. */
  private void harvest(boolean block) {
    long t0 = System.nanoTime();
    try {
      harvestJobs(block);
    } finally {
      harvestSeconds += (System.nanoTime() - t0) / 1e9;
    }
  }

  private void harvestJobs(boolean block) {
    Iterator<RolloutJob> it = inFlight.iterator();
    boolean waited = false;
    while (it.hasNext()) {
      RolloutJob job = it.next();
      List<TrajectoryBatch> result;
      try {
        if (job.future().isDone()) {
          result = job.future().get();
        } else if (block && !waited) {
          waited = true;
          long t0 = System.nanoTime();
          try {
            result = job.future().get(1, TimeUnit.SECONDS);
          } finally {
            waitSeconds += (System.nanoTime() - t0) / 1e9;
          }
        } else {
          continue;
        }
      } catch (TimeoutException e) {
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for rollouts", e);
      } catch (ExecutionException e) {
        failedJobs++;
        if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
          throw new IllegalStateException(MAX_CONSECUTIVE_FAILURES + " rollout jobs failed in a row; the last error: "
              + rootMessage(e), e);
        }
        LOG.warn("rollout round {} failed and is discarded; a new job replaces it: {}", job.round(), e.getCause().toString());
        it.remove();
        broadcasts.release(job.version());
        continue;
      }
      it.remove();
      broadcasts.release(job.version());
      consecutiveFailures = 0;
      insert(job, result);
    }
  }

  private void insert(RolloutJob job, List<TrajectoryBatch> batches) {
    for (TrajectoryBatch b : batches) {
      workersSeen.add(b.worker());
      for (Trajectory t : b.trajectories()) {
        if (version - t.policyVersion() > spark.maxStaleness()) {
          droppedStale++;
          continue;
        }
        fresh.add(t);
        replay.add(t);
        if (discovery != null) discovery.observe(t);
        log.append(t, job.round(), b.worker(), b.partition(), learner.steps());
        inserted++;
        harvestedSinceEval++;
      }
    }
  }

  private List<Trajectory> takeFresh(int batch) {
    List<Trajectory> out = new ArrayList<>(batch);
    while (out.size() < batch && !fresh.isEmpty()) {
      Trajectory t = fresh.poll();
      long s = version - t.policyVersion();
      stalenessSum += s;
      stalenessMax = Math.max(stalenessMax, s);
      stalenessCount++;
      out.add(t);
    }
    consumedFresh += out.size();
    if (settings.train().replaySamples() > 0) out.addAll(replay.sample(settings.train().replaySamples()));
    return out;
  }

  private void step(List<Trajectory> batch) throws IOException {
    long t0 = System.nanoTime();
    lossSum += learner.step(batch).loss();
    double dt = (System.nanoTime() - t0) / 1e9;
    learnSeconds += dt;
    learnSinceEval += dt;
    lossCount++;
    stepsSinceEval++;
    if (learner.steps() % settings.train().evalEvery() == 0) evaluate();
    if (learner.steps() % spark.checkpointEvery() == 0) checkpoint();
  }

  /**
   * Records an evaluation point. Exact metrics of the current snapshot are computed on a
   * background thread so the learner does not wait; the record keeps the wall time at which the
   * snapshot was taken, and records are written in order.
   */
  private void evaluate() {
    long t0 = System.nanoTime();
    double sinceEval = (t0 - lastEvalNanos) / 1e9;
    lastEvalNanos = t0;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("learner_step", learner.steps());
    m.put("trajectories", consumedFresh);
    m.put("inserted", inserted);
    m.put("wall_s", wall());
    m.put("loss", lossCount == 0 ? Double.NaN : lossSum / lossCount);
    double logZ = learner.logZEstimate();
    m.put("log_z", logZ);
    Map<String, Object> found = discovery == null ? Map.of() : discovery.toMap();
    m.putAll(found);
    String discovered = found.isEmpty() ? "" : " | " + TopKTracker.progress(found);
    double trajPerS = harvestedSinceEval / Math.max(sinceEval, 1e-9);
    double stepsPerS = stepsSinceEval / Math.max(learnSinceEval, 1e-9);
    double stale = stalenessCount == 0 ? 0.0 : (double) stalenessSum / stalenessCount;
    long staleMax = stalenessMax;
    long dropped = droppedStale;
    long v = version;
    double waitShare = waitSeconds / Math.max(wall() - wallBefore, 1e-9);
    PolicySnapshot snapshot = task.space() == null ? null : learner.snapshot();
    lossSum = 0;
    lossCount = 0;
    harvestedSinceEval = 0;
    stepsSinceEval = 0;
    learnSinceEval = 0;
    evalSeconds += (System.nanoTime() - t0) / 1e9;
    evaluations.add(evaluator.submit(() -> {
      ExactReport exact = snapshot == null ? null
          : ExactMetrics.evaluate(task.space(), snapshot.forwardEvaluator(), logZ);
      if (exact != null) {
        putExact(m, exact);
        lastExact = exact;
      }
      m.put("rollout_traj_per_s", trajPerS);
      m.put("learner_steps_per_s", stepsPerS);
      m.put("staleness_mean", stale);
      m.put("staleness_max", staleMax);
      m.put("dropped_stale", dropped);
      m.put("policy_version", v);
      m.put("wait_share", waitShare);
      run.appendMetrics(m);
      progress.accept(String.format(
          "step %6d | traj %8d | %6.1fs | %6.0f traj/s %6.1f steps/s | loss %.4f | logZ %.4f%s | staleness %.1f (max %d, dropped %d) | v%d",
          (long) m.get("learner_step"), (long) m.get("trajectories"), (double) m.get("wall_s"), trajPerS,
          stepsPerS, (double) m.get("loss"), logZ,
          (exact == null ? "" : String.format(" | exact sum-L1 %.4f TV %.4f", exact.sumL1(), exact.tv())) + discovered,
          stale, staleMax, dropped, v));
      return null;
    }));
  }

  /** Waits for every submitted evaluation (rethrowing its failure). */
  private void awaitEvaluations() {
    for (java.util.concurrent.Future<?> f : evaluations) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("evaluation failed: " + rootMessage(e), e);
      }
    }
    evaluations.clear();
  }

  private void checkpoint() throws IOException {
    log.flush();
    Checkpoint.Counters c = new Checkpoint.Counters(runId, learner.steps(), inserted, nextId, round,
        version, droppedStale, consumedFresh, wall());
    Checkpoint.write(run.checkpoints(), c, learner, replay.contents(), log.files(), spark.checkpointsKept());
  }

  private Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("run_id", runId);
    s.put("objective", learner.objective().name());
    s.put("environment", task.env().name());
    s.put("mode", spark.sync() ? "sync" : "async");
    s.put("learner_steps", learner.steps());
    s.put("trajectories_trained", consumedFresh);
    s.put("trajectories_logged", inserted);
    s.put("dropped_stale", droppedStale);
    s.put("failed_jobs", failedJobs);
    s.put("rounds", round);
    s.put("broadcasts", broadcastCount);
    s.put("broadcasts_destroyed", broadcasts.destroyedCount());
    s.put("workers", String.join(",", workersSeen));
    s.put("wall_s", wall());
    s.put("learn_s", learnSeconds);
    s.put("wait_s", waitSeconds);
    s.put("publish_s", publishSeconds);
    s.put("harvest_s", harvestSeconds);
    s.put("eval_s", evalSeconds);
    s.put("wait_share", waitSeconds / Math.max(wall() - wallBefore, 1e-9));
    s.put("staleness_mean", stalenessCount == 0 ? 0.0 : (double) stalenessSum / stalenessCount);
    s.put("staleness_max", stalenessMax);
    s.put("log_z", learner.logZEstimate());
    if (discovery != null) s.putAll(discovery.toMap());
    if (lastExact != null) {
      putExact(s, lastExact);
      s.put("exact_log_z", task.space().logZ());
    }
    return s;
  }

  private static void putExact(Map<String, Object> m, ExactReport exact) {
    m.put("exact_sum_l1", exact.sumL1());
    m.put("exact_tv", exact.tv());
    m.put("exact_jsd", exact.jsd());
    m.put("log_z_error", exact.logZError());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  /** Wall seconds of the whole run, earlier sessions of a resumed run included. */
  private double wall() {
    return wallBefore + (System.nanoTime() - startNanos) / 1e9;
  }
}
