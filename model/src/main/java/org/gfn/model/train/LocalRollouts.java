package org.gfn.model.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gfn.envs.Environment;
import org.gfn.model.Contracts;
import org.gfn.model.rollout.Exploration;
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
  private final long seed;
  private long inserted;

  public LocalRollouts(Environment env, Contracts.PolicySource policy, Contracts.TrajectorySink sink,
      Exploration exploration, long seed) {
    this.env = env;
    this.policy = policy;
    this.sink = sink;
    this.exploration = exploration;
    this.seed = seed;
  }

  @Override
  public List<Trajectory> next(int batch, long remaining) {
    int n = (int) Math.min(batch, remaining);
    long version = policy.version();
    RolloutSampler sampler = new RolloutSampler(env, policy.snapshot().forwardEvaluator());
    Trajectory[] fresh = sampler.sample(n, exploration, Seeds.derive(seed, version), inserted, version);
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
    return Map.of();
  }

  @Override
  public Map<String, Object> summary() {
    return Map.of("mode", "local");
  }

  @Override
  public void close() {
    // nothing in flight
  }
}
