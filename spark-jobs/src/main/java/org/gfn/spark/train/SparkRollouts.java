package org.gfn.spark.train;

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
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.gfn.model.Contracts;
import org.gfn.model.rollout.LocalSearchCounts;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;
import org.gfn.spark.SparkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed {@link Contracts.RolloutSource}: up to K rollout jobs run asynchronously on the
 * executors while the learner steps. Snapshots are broadcast lazily: a job about to launch gets a
 * new one when the current one is N or more learner steps old (sync mode: the newest), so no
 * broadcast is made that no job reads. Trajectories more than S learner steps older than the
 * current broadcast are dropped and counted. Jobs launch only while the fresh queue is short
 * (backpressure), so data does not pile up stale. In sync mode one job runs at a time and its
 * trajectories are trained on by the version that produced them. A job lost with an executor is
 * replaced; {@value #MAX_CONSECUTIVE_FAILURES} failures in a row stop the run with the cause.
 */
public final class SparkRollouts implements Contracts.RolloutSource {
  private static final Logger LOG = LoggerFactory.getLogger(SparkRollouts.class);
  private static final int MAX_CONSECUTIVE_FAILURES = 3;

  private final JavaSparkContext jsc;
  private final SparkSettings spark;
  private final RolloutFunction.Plan plan;
  private final LocalSearchCounts searchCounts = new LocalSearchCounts();
  private final Contracts.PolicySource policy;
  private final Contracts.TrajectorySink sink;
  private final BroadcastManager broadcasts;
  private final int tasksPerJob;
  /** One element per task (its index); every rollout job runs over it. */
  private final RDD<Integer> partitions;
  private final ArrayDeque<Trajectory> fresh = new ArrayDeque<>();
  private final List<RolloutJob> inFlight = new ArrayList<>();
  private final Set<String> workersSeen = new LinkedHashSet<>();
  private final long startNanos = System.nanoTime();

  // carried by checkpoints
  private long inserted;
  private long nextId;
  private long round;
  private final Staleness staleness;

  // statistics of this process
  private long failedJobs;
  private int consecutiveFailures;
  private double waitSeconds;
  private double harvestSeconds;

  /** Where a run's rollouts stand, as checkpoints keep it. */
  public record Position(long inserted, long nextId, long round, long droppedStale) {
    public static final Position START = new Position(0, 0, 0, 0);
  }

  /** @param plan what every task does; its trajectories per task come from {@code spark} */
  public SparkRollouts(JavaSparkContext jsc, SparkSettings spark, RolloutFunction.Plan plan,
      Contracts.PolicySource policy, Contracts.TrajectorySink sink, Position start) {
    this.jsc = jsc;
    this.spark = spark;
    this.plan = plan;
    this.policy = policy;
    this.sink = sink;
    this.broadcasts = new BroadcastManager(jsc);
    this.tasksPerJob = spark.tasksPerJob() > 0 ? spark.tasksPerJob() : jsc.defaultParallelism();
    this.partitions = jsc.parallelize(IntStream.range(0, tasksPerJob).boxed().toList(), tasksPerJob).rdd();
    this.inserted = start.inserted();
    this.nextId = start.nextId();
    this.round = start.round();
    this.staleness = new Staleness(spark.maxStaleness(), start.droppedStale());
  }

  public Position position() {
    return new Position(inserted, nextId, round, staleness.dropped());
  }

  @Override
  public List<Trajectory> next(int batch, long remaining) {
    launchJobs(remaining);
    harvest(false);
    boolean lastBits = inFlight.isEmpty() && fresh.size() >= remaining;
    if (fresh.size() >= batch || (lastBits && !fresh.isEmpty())) return takeFresh(batch);
    return List.of();
  }

  @Override
  public void await() {
    if (!inFlight.isEmpty()) harvest(true);
  }

  @Override
  public long inserted() {
    return inserted;
  }

  private void launchJobs(long remaining) {
    int perJob = tasksPerJob * spark.trajectoriesPerTask();
    while (inFlight.size() < spark.jobsInFlight()) {
      long coming = inFlight.stream().mapToLong(RolloutJob::expected).sum();
      if (fresh.size() + coming >= remaining) return;
      if (spark.sync() && !fresh.isEmpty()) return; // sync: train on this round first
      if (!spark.sync() && fresh.size() >= perJob) return; // backpressure: the learner is behind
      // Lazy broadcast: a job gets a snapshot at most N learner steps old (sync: the newest).
      long age = policy.version() - broadcasts.currentVersion();
      if (broadcasts.currentVersion() < 0 || (spark.sync() ? age > 0 : age >= spark.broadcastEvery())) {
        broadcasts.publish(policy.snapshot()); // its version is the learner's step count
      }
      long version = broadcasts.currentVersion();
      RolloutFunction f = new RolloutFunction(broadcasts.acquireCurrent(), plan, round, nextId);
      jsc.setJobDescription("rollout round " + round + " with policy v" + version + ": "
          + tasksPerJob + " tasks x " + spark.trajectoriesPerTask() + " trajectories");
      inFlight.add(RolloutJob.submit(jsc.sc(), partitions, f, round, version, perJob));
      round++;
      nextId += perJob;
    }
  }

  /** Collects finished jobs; with {@code block}, waits (up to a second) for one of them. */
  private void harvest(boolean block) {
    long t0 = System.nanoTime();
    try {
      Iterator<RolloutJob> it = inFlight.iterator();
      boolean waited = false;
      while (it.hasNext()) {
        RolloutJob job = it.next();
        if (!job.isDone() && (!block || waited)) continue;
        waited |= !job.isDone();
        List<TrajectoryBatch> result = collect(job);
        if (result == null && !job.isDone()) continue; // timed out
        it.remove();
        broadcasts.release(job.version());
        if (result != null) insert(job, result);
      }
    } finally {
      harvestSeconds += (System.nanoTime() - t0) / 1e9;
    }
  }

  /** A job's result; null when it timed out (still running) or failed (counted, replaced). */
  private List<TrajectoryBatch> collect(RolloutJob job) {
    long t0 = System.nanoTime();
    try {
      List<TrajectoryBatch> r = job.result().get(1, TimeUnit.SECONDS);
      consecutiveFailures = 0;
      return r;
    } catch (TimeoutException e) {
      return null;
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
      return null;
    } finally {
      waitSeconds += (System.nanoTime() - t0) / 1e9;
    }
  }

  private void insert(RolloutJob job, List<TrajectoryBatch> batches) {
    long version = broadcasts.currentVersion();
    for (TrajectoryBatch b : batches) {
      workersSeen.add(b.worker());
      searchCounts.add(b.searchProposals(), b.searchAccepted());
      List<Trajectory> kept = new ArrayList<>(b.size());
      for (Trajectory t : b.trajectories()) {
        if (staleness.admit(version - t.policyVersion())) kept.add(t);
      }
      if (kept.isEmpty()) continue;
      fresh.addAll(kept);
      inserted += kept.size();
      sink.accept(new TrajectoryBatch(b.policyVersion(), b.partition(), b.worker(), kept.toArray(new Trajectory[0])),
          job.round());
    }
  }

  private List<Trajectory> takeFresh(int batch) {
    long version = broadcasts.currentVersion();
    List<Trajectory> out = new ArrayList<>(batch);
    while (out.size() < batch && !fresh.isEmpty()) {
      Trajectory t = fresh.poll();
      staleness.consumed(version - t.policyVersion());
      out.add(t);
    }
    return out;
  }

  private double waitShare() {
    return waitSeconds / Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
  }

  @Override
  public Map<String, Object> stats() {
    Map<String, Object> m = staleness.toMap();
    m.put("policy_version", broadcasts.currentVersion());
    m.put("wait_share", waitShare());
    m.putAll(searchCounts.window());
    return m;
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", spark.sync() ? "sync" : "async");
    s.put("failed_jobs", failedJobs);
    s.put("rounds", round);
    s.put("broadcasts", broadcasts.publishedCount());
    s.put("broadcasts_destroyed", broadcasts.destroyedCount());
    s.put("workers", String.join(",", workersSeen));
    s.put("wait_s", waitSeconds);
    s.put("publish_s", broadcasts.publishSeconds());
    s.put("harvest_s", harvestSeconds);
    s.put("wait_share", waitShare());
    s.putAll(staleness.toMap());
    s.putAll(searchCounts.total());
    return s;
  }

  @Override
  public void close() {
    for (RolloutJob j : inFlight) j.cancel();
    inFlight.clear();
    broadcasts.destroyAll();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
