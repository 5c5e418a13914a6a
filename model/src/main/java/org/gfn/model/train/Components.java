package org.gfn.model.train;

import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.model.config.EnvSettings;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.GraphReferences;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.learn.MemoryEstimate;
import org.gfn.model.metrics.Discovery;
import org.gfn.model.metrics.HeldOutSolutions;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.EntityStructure;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.Nd4jMlp;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.policy.StructuredNetwork;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.ReplayBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one place that wires concrete classes together from {@link Settings} on the driver: the
 * task, the objective, the policy network, the learner and the replay buffer. The local loop, the
 * Spark job, sweeps and the tests all build through here; executors build only the environment,
 * through {@link EnvironmentFactory}.
 */
public final class Components {
  private Components() {}

  /**
   * The run's task: the environment, and its exact space when it can be enumerated, exact metrics
   * are on and one evaluation fits {@code gfn.train.exact-eval-max-s}. Also refuses, before any
   * work, a policy that would not fit in memory.
   */
  public static Task task(Settings s) {
    Environment env = EnvironmentFactory.environment(s.env());
    PolicyArchitecture arch = architecture(s, env, objective(s));
    MemoryEstimate.check(arch, rowsPerStep(s, env));
    boolean exact = s.train().exactMetrics() && env.enumerableStates() > 0;
    if (exact) {
      float[] zeros = new float[arch.paramCount()];
      ExactBudget.check(env, new PolicySnapshot(0, arch, zeros, s.temperature(), s.quantiles()).forwardEvaluator(),
          s.train().exactEvalMaxSeconds());
    }
    return task(s.env(), env, exact);
  }

  /** The environment (and its exact space when it can be enumerated). */
  public static Task task(EnvSettings e) {
    Environment env = EnvironmentFactory.environment(e);
    return task(e, env, env.enumerableStates() > 0);
  }

  private static long rowsPerStep(Settings s, Environment env) {
    return (long) (s.train().batchSize() + s.train().replaySamples()) * env.maxTrajectoryLength();
  }

  private static Task task(EnvSettings e, Environment env, boolean exact) {
    return new Task(env, exact ? StateSpace.of(env) : null,
        e.type().equals("bitseq") ? EnvironmentFactory.modes(e) : null,
        e.dataFile().isEmpty() ? null : EnvironmentFactory.table(e), e.topFraction(), heldOut(e, env));
  }

  /** A fresh held-out evaluation when the environment is a family of graphs that holds some out. */
  private static java.util.function.Supplier<Discovery> heldOut(EnvSettings e, Environment env) {
    if (!(env.unwrap() instanceof NodeSetFamily family) || family.testInstances() == 0) return null;
    double[] reference = GraphReferences.of(e.type(), e.graph(), family.maximises());
    return () -> new HeldOutSolutions(family, e.graph().evalSamples(), reference);
  }

  public static Objective objective(Settings s) {
    if (s.intrinsic() != null) return new org.gfn.model.objectives.AugmentedTrajectoryBalance(s.intrinsic().edge());
    return Objectives.byName(s.objective(), s.subtbLambda(), s.quantiles(), s.dynamics());
  }

  public static PolicyArchitecture architecture(Settings s, Environment env, Objective objective) {
    Settings.PolicySettings p = s.policy();
    EntityStructure structure = null;
    if (!p.type().equals("mlp")) {
      EntityLayout layout = env.entityLayout();
      if (layout == null) {
        throw new SettingsException("gfn.policy.type = " + p.type() + " needs an environment with an entity view ("
            + "phylo has one); " + env.name() + " has flat features only: use gfn.policy.type = mlp");
      }
      layout.check(env);
      if (p.type().equals("graph") && !layout.adjacency()) {
        throw new SettingsException("gfn.policy.type = graph needs an adjacency, which " + env.name()
            + " does not have: use gfn.policy.type = set");
      }
      if (p.type().equals("set") && p.width() % p.heads() != 0) {
        throw new SettingsException("gfn.policy.width = " + p.width() + " must be divisible by gfn.policy.heads = " + p.heads());
      }
      structure = new EntityStructure(p.type(), layout, p.mixLayers(), p.heads(), p.meanAggregation(),
          p.sumFlowReadout(), p.separateFlow());
    }
    int extra = s.temperature() == null ? 0 : s.temperature().extraFeatures(); // the beta embedding
    int perAction = objective.quantileFlows() == null ? 1 : objective.quantileFlows().n(); // QM's quantiles
    return new PolicyArchitecture(env.featureSize() + extra, env.numActions() * perAction, env.numBackwardActions(),
        p.hiddenLayers(), p.width(), p.activation(), p.sharedTrunk(),
        p.learnedBackward() && objective.needsBackwardHead(),
        objective.needsFlowHead(), structure);
  }

  public static Learner learner(Settings s, Environment env) {
    return learner(s, env, s.learner());
  }

  /** A learner built from the settings but with another learner configuration. */
  public static Learner learner(Settings s, Environment env, LearnerConfig config) {
    Objective objective = objective(s);
    PolicyArchitecture arch = architecture(s, env, objective);
    MemoryEstimate.check(arch, rowsPerStep(s, env));
    long seed = Seeds.derive(s.seed(), 0xC0FFEE);
    PolicyModel net = arch.structured()
        ? new StructuredNetwork(arch, config.learningRate(), config.schedule()::multiplier, seed, DataType.FLOAT)
        : new Nd4jMlp(arch, config.learningRate(), config.schedule()::multiplier, seed);
    return new Learner(config, net, objective, env, s.temperature(), s.intrinsic(), Seeds.derive(s.seed(), 0x6a5f));
  }

  public static ReplayBuffer replay(Settings s) {
    return new ReplayBuffer(s.replay());
  }

  /** A ready local trainer tracking the task's own discoveries. */
  public static LocalTrainer localTrainer(Settings s, Task task, Learner learner) {
    return localTrainer(s, task, learner, task.discoveryTracker());
  }

  /** A ready local trainer feeding {@code discovery} (null: none), which the caller keeps to report from. */
  public static LocalTrainer localTrainer(Settings s, Task task, Learner learner, Discovery discovery) {
    return new LocalTrainer(task.env(), learner, replay(s), s.train(), task.space(), discovery);
  }
}
