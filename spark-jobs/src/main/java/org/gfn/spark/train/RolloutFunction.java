package org.gfn.spark.train;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.gfn.envs.Environment;
import org.gfn.model.config.EnvSettings;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.LocalSearch;
import org.gfn.model.rollout.LocalSearchRefiner;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What an executor runs for one rollout task: read the broadcast snapshot, roll out
 * {@code perTask} trajectories with the plain-Java policy (with local search: perTask / (1 +
 * revisions) samples and their revisions), return them as one batch. Holds only
 * serialisable fields; seeds and ids derive from (run seed, round, partition), so a retried task
 * reproduces exactly the same trajectories with the same ids. A named class, not a lambda, so that
 * Spark's closure cleaner leaves it alone ({@link RolloutJob}).
 */
public final class RolloutFunction extends AbstractFunction1<Iterator<Integer>, TrajectoryBatch>
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Environments are rebuilt once per executor JVM, not once per task. */
  private static final Map<EnvSettings, Environment> ENVS = new ConcurrentHashMap<>();

  private final Broadcast<PolicySnapshot> snapshot;
  private final Plan plan;
  private final long round;
  private final long firstId;

  /**
   * What every task of a run does, whatever its round: the environment, the behaviour policy,
   * local search, trajectories per task and the run seed.
   */
  public record Plan(EnvSettings env, Exploration exploration, LocalSearch localSearch, int perTask, long runSeed)
      implements java.io.Serializable {}

  public RolloutFunction(Broadcast<PolicySnapshot> snapshot, Plan plan, long round, long firstId) {
    this.snapshot = snapshot;
    this.plan = plan;
    this.round = round;
    this.firstId = firstId;
  }

  @Override
  public TrajectoryBatch apply(Iterator<Integer> partition) {
    String worker = SparkEnv.get() == null ? "unknown" : SparkEnv.get().executorId();
    return rollout(snapshot.value(), TaskContext.getPartitionId(), worker);
  }

  /** The task's work outside Spark's task context (benchmarks call it directly). */
  public TrajectoryBatch rollout(PolicySnapshot snap, int partition, String worker) {
    Environment e = ENVS.computeIfAbsent(plan.env(), EnvironmentFactory::environment);
    long seed = Seeds.derive(plan.runSeed(), round, partition);
    long first = firstId + (long) partition * plan.perTask();
    if (plan.localSearch().enabled()) {
      LocalSearchRefiner.Result r = new LocalSearchRefiner(e, snap.forwardEvaluator())
          .sample(plan.perTask(), plan.exploration(), plan.localSearch(), seed, first, snap.version());
      return new TrajectoryBatch(snap.version(), partition, worker, r.trajectories(), r.proposals(), r.accepted());
    }
    Trajectory[] ts = new RolloutSampler(e, snap.forwardEvaluator())
        .sample(plan.perTask(), plan.exploration(), seed, first, snap.version());
    return new TrajectoryBatch(snap.version(), partition, worker, ts);
  }
}
