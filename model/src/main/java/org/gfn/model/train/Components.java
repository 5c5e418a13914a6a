package org.gfn.model.train;

import org.gfn.envs.BitSequence;
import org.gfn.envs.BitSequenceModes;
import org.gfn.envs.Environment;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.envs.IsingModel;
import org.gfn.envs.LogReward;
import org.gfn.envs.SpinSequence;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.envs.RewardTable;
import org.gfn.envs.SequenceRewards;
import org.gfn.envs.StateSpace;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.ReplayBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one place that wires concrete classes together from {@link Settings}: the task, the
 * objective, the policy network, the learner and the replay buffer. The local loop, the Spark job
 * and the tests all build through here.
 */
public final class Components {
  private Components() {}

  /** The environment (and its exact space when it can be enumerated). */
  public static Task task(Settings.EnvSettings e) {
    Environment env = environment(e);
    BitSequenceModes modes = e.type().equals("bitseq") ? modes(e) : null;
    RewardTable table = e.dataFile().isEmpty() ? null : table(e);
    return new Task(env, env.enumerableStates() > 0 ? StateSpace.of(env) : null, modes, table, e.topFraction());
  }

  /** Reward tables are loaded once per JVM (driver and each executor). */
  private static final java.util.Map<String, RewardTable> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

  private static RewardTable table(Settings.EnvSettings e) {
    return TABLES.computeIfAbsent(e.type() + "|" + e.dataFile() + "|" + e.dataBeta(), k -> e.type().equals("tfbind8")
        ? SequenceRewards.tfbind8(new java.io.File(e.dataFile()), e.dataBeta())
        : SequenceRewards.qm9(new java.io.File(e.dataFile()), e.dataBeta()));
  }

  /** The environment alone: what executors need (no enumeration). */
  /** The Ising model of {@code gfn.env.ising} (side, σ). */
  public static IsingModel isingModel(Settings.EnvSettings e) {
    return IsingModel.lattice(e.isingSide(), e.isingSigma());
  }

  public static Environment environment(Settings.EnvSettings e) {
    LogReward custom = e.rewardClass().isEmpty() ? null : customReward(e.rewardClass());
    if (e.type().equals("tfbind8") || e.type().equals("qm9str")) {
      LogReward r = custom != null ? custom : table(e);
      return e.type().equals("tfbind8") ? new PrependAppendSequence("tfbind8", 8, 4, e.appendOnly(), r)
          : new PrependAppendSequence("qm9str", 5, 11, e.appendOnly(), r);
    }
    if (e.type().equals("ising")) {
      IsingModel model = isingModel(e);
      return custom != null ? new SpinSequence(model.sites(), custom) : SpinSequence.ising(model);
    }
    if (e.type().equals("hypergrid")) {
      return new HyperGrid(e.dim(), e.height(), custom != null ? custom
          : e.reward().equals("sparse") ? HyperGridRewards.sparse(e.dim(), e.height())
          : HyperGridRewards.original(e.height(), e.r0(), e.r1(), e.r2()));
    }
    BitSequence shape = new BitSequence(e.n(), e.k(), x -> 0);
    return new BitSequence(e.n(), e.k(), custom != null ? custom : modes(e).logReward(shape, e.beta()));
  }

  private static LogReward customReward(String className) {
    try {
      return (LogReward) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the reward " + className + ": " + e, e);
    }
  }

  private static BitSequenceModes modes(Settings.EnvSettings e) {
    return BitSequenceModes.generate(e.n(), e.modes(), e.modeSeed());
  }

  public static Objective objective(Settings s) {
    return Objectives.byName(s.objective(), s.subtbLambda());
  }

  public static PolicyArchitecture architecture(Settings s, Environment env, Objective objective) {
    Settings.PolicySettings p = s.policy();
    return new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(),
        p.hiddenLayers(), p.width(), p.activation(), p.sharedTrunk(),
        p.learnedBackward() && objective.needsBackwardHead(),
        objective.needsFlowHead());
  }

  public static Learner learner(Settings s, Environment env) {
    return learner(s, env, s.learner());
  }

  /** A learner built from the settings but with another learner configuration. */
  public static Learner learner(Settings s, Environment env, LearnerConfig config) {
    Objective objective = objective(s);
    PolicyArchitecture arch = architecture(s, env, objective);
    PolicyNetwork net = new PolicyNetwork(arch, config.learningRate(),
        config.schedule()::multiplier, Seeds.derive(s.seed(), 0xC0FFEE), DataType.FLOAT);
    return new Learner(config, net, objective, env);
  }

  public static ReplayBuffer replay(Settings s) {
    return new ReplayBuffer(s.replay());
  }

  /** A ready local trainer. */
  public static LocalTrainer localTrainer(Settings s, Task task, Learner learner) {
    return new LocalTrainer(task.env(), learner, replay(s), s.train(), task.space());
  }
}
