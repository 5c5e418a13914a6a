package org.gfn.model.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gfn.envs.Environment;
import org.gfn.model.Contracts;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.LocalSearch;
import org.gfn.model.rollout.LocalSearchCounts;
import org.gfn.model.rollout.LocalSearchRefiner;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;

/**
 * The in-process {@link Contracts.RolloutSource}: each call samples one batch on the loop's
 * thread with the policy's current snapshot, so every trajectory is on-policy (staleness 0).
 * Seeds derive from (run seed, learner step) and ids count up from 0, so a run reproduces.
 */
public final class LocalRollouts implements Contracts.RolloutSource {
  /** The worker name local batches carry in the replay log. */
  public static final String WORKER = "driver";

  private final Environment env;
  private final Contracts.PolicySource policy;
  private final Contracts.TrajectorySink sink;
  private final Exploration exploration;
  private final LocalSearch localSearch;
  private final long seed;
  private final LocalSearchCounts counts = new LocalSearchCounts();
  private long inserted;

  public LocalRollouts(Environment env, Contracts.PolicySource policy, Contracts.TrajectorySink sink,
      Exploration exploration, long seed) {
    this(env, policy, sink, exploration, LocalSearch.OFF, seed);
  }

  /** With local search: the batch's last group may end past the budget by up to its size − 1. */
  public LocalRollouts(Environment env, Contracts.PolicySource policy, Contracts.TrajectorySink sink,
      Exploration exploration, LocalSearch localSearch, long seed) {
    this.env = env;
    this.policy = policy;
    this.sink = sink;
    this.exploration = exploration;
    this.localSearch = localSearch;
    this.seed = seed;
  }

  @Override
  public List<Trajectory> next(int batch, long remaining) {
    int g = localSearch.groupSize();
    int n = (int) Math.min(batch, (remaining + g - 1) / g * g);
    long version = policy.version();
    long batchSeed = Seeds.derive(seed, version);
    Trajectory[] fresh;
    if (localSearch.enabled()) {
      LocalSearchRefiner.Result r = new LocalSearchRefiner(env, policy.snapshot().forwardEvaluator())
          .sample(n, exploration, localSearch, batchSeed, inserted, version);
      counts.add(r.proposals(), r.accepted());
      fresh = r.trajectories();
    } else {
      fresh = new RolloutSampler(env, policy.snapshot().forwardEvaluator())
          .sample(n, exploration, batchSeed, inserted, version);
    }
    inserted += n;
    sink.accept(new TrajectoryBatch(version, 0, WORKER, fresh), version);
    return Arrays.asList(fresh);
  }

  @Override
  public void await() {
    // sampling is synchronous: next() never comes back empty
  }

  @Override
  public long inserted() {
    return inserted;
  }

  @Override
  public Map<String, Object> stats() {
    return counts.window();
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> s = new java.util.LinkedHashMap<>(counts.total());
    s.put("mode", "local");
    return s;
  }

  @Override
  public void close() {
    // nothing in flight
  }
}
