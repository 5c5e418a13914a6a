package org.gfn.model.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn.model.learn.IntrinsicRewards;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.learn.RewardAnneal;
import org.gfn.model.learn.LearningRateSchedule;
import org.gfn.model.objectives.DynamicsSettings;
import org.gfn.model.policy.QuantileFlows;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.LocalSearch;
import org.gfn.replay.ReplayConfig;

/**
 * Every setting of a training run, read eagerly from {@code gfn.*} and validated before any work:
 * an unknown key, a wrong type or an out-of-range value fails at start with the key's path.
 * Defaults live only in the modules' reference.conf files. {@code temperature} is the Logit-GFN
 * conditioning ({@code gfn.conditioning.temperature}), {@code intrinsic} GAFlowNet's intrinsic
 * rewards ({@code gfn.explore.intrinsic}), each null when disabled; {@code quantiles} the quantile
 * flows of objective QM ({@code gfn.objective.qm}), {@code dynamics} the learned dynamics model of
 * stochastic DB ({@code gfn.objective.dynamics}), each null for other objectives.
 */
public record Settings(long seed, EnvSettings env, PolicySettings policy, String objective,
    double subtbLambda, LearnerConfig learner, Exploration exploration, ReplayConfig replay,
    TrainingConfig train, TemperatureConditioning temperature, IntrinsicRewards intrinsic, QuantileFlows quantiles,
    DynamicsSettings dynamics, Config config) {

  /** Policy network shape; {@code type} mlp | set | graph (mixLayers onwards: set and graph; meanAggregation: graph). */
  public record PolicySettings(String type, int hiddenLayers, int width, String activation, boolean sharedTrunk,
      boolean learnedBackward, int mixLayers, int heads, boolean meanAggregation, boolean sumFlowReadout,
      boolean separateFlow) {}

  /** Loads {@code overrides} on top of the reference configuration and validates it. */
  public static Settings load(Config overrides) {
    Config reference = ConfigFactory.defaultReference();
    ConfigReader.rejectUnknownKeys(overrides, reference, "gfn");
    Config c = overrides.withFallback(reference).resolve();
    return from(c);
  }

  /** Checks that a custom reward class exists and implements LogReward; "" means built-in. */
  private static String rewardClass(String name) {
    if (name.isBlank()) return "";
    try {
      Class<?> c = Class.forName(name.trim(), false, Thread.currentThread().getContextClassLoader());
      if (!org.gfn.envs.LogReward.class.isAssignableFrom(c)) {
        throw new SettingsException("gfn.env.reward-class = " + name + " does not implement org.gfn.envs.LogReward");
      }
      c.getConstructor();
    } catch (ClassNotFoundException e) {
      throw new SettingsException("gfn.env.reward-class = " + name + " is not on the classpath", e);
    } catch (NoSuchMethodException e) {
      throw new SettingsException("gfn.env.reward-class = " + name + " needs a public no-argument constructor", e);
    }
    return name.trim();
  }

  /** Validates an already-merged configuration. */
  public static Settings from(Config c) {
    ConfigReader r = new ConfigReader(c);
    long seed = r.anyLong("gfn.run.seed");
    String type = r.oneOf("gfn.env.type", List.of("hypergrid", "bitseq", "tfbind8", "qm9str", "ising", "phylo", "phylo-bayes", "mis", "maxclique", "mds", "maxcut"));
    boolean dataTask = type.equals("tfbind8") || type.equals("qm9str");
    String dataFile = dataTask ? DataFiles.locate(r.string("gfn.env." + type + ".file"), "gfn.env." + type + ".file") : "";
    double dataBeta = dataTask ? r.doubleIn("gfn.env." + type + ".beta", 0, 1e3, true) : 0;
    boolean appendOnly = dataTask && r.bool("gfn.env." + type + ".append-only");
    EnvSettings env = new EnvSettings(type,
        r.intIn("gfn.env.hypergrid.dim", 1, 64),
        r.intIn("gfn.env.hypergrid.height", 2, 1_000_000),
        r.oneOf("gfn.env.hypergrid.reward", List.of("original", "sparse")),
        r.doubleIn("gfn.env.hypergrid.r0", 0, Double.MAX_VALUE, true),
        r.doubleIn("gfn.env.hypergrid.r1", 0, Double.MAX_VALUE, false),
        r.doubleIn("gfn.env.hypergrid.r2", 0, Double.MAX_VALUE, false),
        r.intIn("gfn.env.bitseq.n", 8, 1 << 20),
        r.intIn("gfn.env.bitseq.k", 1, 16),
        r.intIn("gfn.env.bitseq.modes", 1, 1_000_000),
        r.doubleIn("gfn.env.bitseq.beta", 0, 1e6, true),
        r.anyLong("gfn.env.bitseq.mode-seed"),
        r.anyLong("gfn.env.bitseq.test-seed"),
        r.intIn("gfn.env.bitseq.mode-threshold", 0, 1 << 20),
        rewardClass(r.string("gfn.env.reward-class")), dataFile, dataBeta, appendOnly,
        r.doubleIn("gfn.env.top-fraction", 0, 1, true),
        r.intIn("gfn.env.ising.side", 3, 1000),
        r.doubleIn("gfn.env.ising.sigma", -100, 100, false),
        type.startsWith("phylo") ? PhyloData.file(r) : "",
        r.doubleIn("gfn.env.phylo.alpha", 0, 1e9, true),
        type.equals("phylo") ? PhyloData.offset(r) : 0,
        r.doubleIn("gfn.env.hypergrid.reward-noise", 0, 10, false),
        r.doubleIn("gfn.env.random-action", 0, 1, false),
        type.equals("phylo-bayes") ? PhyloData.bins(r) : 0,
        type.equals("phylo-bayes") ? PhyloData.binSize(r) : 0,
        r.doubleIn("gfn.env.phylo.prior-rate", 0, 1e6, true),
        GraphInstance.PROBLEMS.contains(type) ? GraphInstance.read(r) : null,
        type.equals("phylo-bayes") && !r.string("gfn.policy.type").equals("mlp"));
    if (type.equals("bitseq") && (env.n() % env.k() != 0 || env.n() % 8 != 0)) {
      throw new SettingsException("gfn.env.bitseq.n = " + env.n() + " must be a multiple of 8 and of gfn.env.bitseq.k = " + env.k());
    }
    if (type.equals("hypergrid") && env.reward().equals("sparse") && env.height() < 3) {
      throw new SettingsException("gfn.env.hypergrid.height must be >= 3 for the sparse reward");
    }
    PolicySettings policy = new PolicySettings(
        r.oneOf("gfn.policy.type", List.of("mlp", "set", "graph")),
        r.intIn("gfn.policy.hidden-layers", 1, 64),
        r.intIn("gfn.policy.width", 1, 1 << 16),
        r.oneOf("gfn.policy.activation", List.of("relu", "tanh", "leakyrelu", "elu")),
        r.bool("gfn.policy.shared-trunk"),
        r.oneOf("gfn.policy.backward", List.of("learned", "uniform")).equals("learned"),
        r.intIn("gfn.policy.mix-layers", 0, 64),
        r.intIn("gfn.policy.heads", 1, 64),
        r.oneOf("gfn.policy.aggregation", List.of("sum", "mean")).equals("mean"),
        r.oneOf("gfn.policy.flow-readout", List.of("mean", "sum")).equals("sum"),
        r.oneOf("gfn.policy.flow-trunk", List.of("shared", "separate")).equals("separate"));
    if (policy.meanAggregation() && !policy.type().equals("graph")) {
      throw new SettingsException("gfn.policy.aggregation = mean is for graph policies (gfn.policy.type = graph), not "
          + policy.type());
    }
    if ((policy.sumFlowReadout() || policy.separateFlow()) && policy.type().equals("mlp")) {
      throw new SettingsException("gfn.policy.flow-readout = sum and flow-trunk = separate are for set and graph "
          + "policies; an mlp policy has no entities (use shared-trunk = false for a flow MLP of its own)");
    }
    String objective = r.oneOf("gfn.objective.name", List.of("TB", "DB", "FLDB", "SDB", "SubTB", "FM", "QM", "ZVar", "RKL", "FKL"));
    if (env.graph() != null && env.graph().family() && !List.of("db", "fldb", "subtb").contains(objective)) {
      throw new SettingsException("a family of graphs (gfn.env.graph.instances / test-instances) has one partition "
          + "function per graph, which one learned log Z cannot hold: set gfn.objective.name = DB, FLDB or SubTB (is "
          + objective.toUpperCase(java.util.Locale.ROOT) + ")");
    }
    if (policy.separateFlow() && !org.gfn.model.objectives.Objectives.byName(objective, 0.9).needsFlowHead()) {
      throw new SettingsException("gfn.policy.flow-trunk = separate builds a trunk for log F, which "
          + objective.toUpperCase(java.util.Locale.ROOT) + " does not read: use DB, FLDB, SDB or SubTB");
    }
    double lambda = r.doubleIn("gfn.objective.subtb-lambda", 0, 1e6, true);
    int batch = r.intIn("gfn.train.batch-size", 1, 1 << 20);
    long trajectories = r.longAtLeast("gfn.train.trajectories", batch);
    LearnerConfig learner = new LearnerConfig(
        r.doubleIn("gfn.learner.learning-rate", 0, 10, true),
        r.doubleIn("gfn.learner.log-z-learning-rate", 0, 100, false),
        r.doubleIn("gfn.learner.clip-norm", 0, Double.MAX_VALUE, false),
        r.doubleIn("gfn.learner.ema-decay", 0, 0.999999, false),
        r.anyDouble("gfn.learner.initial-log-z"),
        schedule(r, trajectories / batch),
        new RewardAnneal(r.doubleIn("gfn.learner.reward-anneal.start", 0, 1, true),
            r.longAtLeast("gfn.learner.reward-anneal.steps", 0)));
    Exploration exploration = new Exploration(
        r.doubleIn("gfn.sampler.epsilon", 0, 1, false),
        r.doubleIn("gfn.sampler.temperature", 0, 1e6, true));
    String strategy = r.oneOf("gfn.replay.strategy", List.of("uniform", "reward-prioritised"));
    ReplayConfig replay = new ReplayConfig(
        r.intIn("gfn.replay.capacity", 1, 100_000_000),
        strategy.equals("uniform") ? ReplayConfig.Strategy.UNIFORM : ReplayConfig.Strategy.REWARD_PRIORITISED,
        r.doubleIn("gfn.replay.temperature", 0, 1e6, true),
        r.doubleIn("gfn.replay.recency-probability", 0, 1, false),
        r.intIn("gfn.replay.recency-window", 1, 100_000_000),
        r.bool("gfn.replay.dedup"),
        seed);
    TrainingConfig train = new TrainingConfig(batch,
        r.intIn("gfn.train.replay-samples", 0, 1 << 20),
        trajectories,
        r.intIn("gfn.train.eval-every", 1, Integer.MAX_VALUE),
        exploration, seed,
        r.bool("gfn.train.exact-metrics"),
        r.doubleIn("gfn.train.exact-eval-max-s", 0, 1e9, true),
        localSearch(r, batch),
        r.intIn("gfn.train.log-evidence.samples", 0, 1 << 26),
        r.intIn("gfn.train.log-evidence.repeats", 1, 1000));
    if ((objective.equals("rkl") || objective.equals("fkl")) && train.localSearch().enabled()) {
      throw new SettingsException("gfn.objective.name = " + objective.toUpperCase(java.util.Locale.ROOT) + " weights each "
          + "trajectory by its behaviour log-probability, which a local-search revision does not have: disable "
          + "gfn.explore.local-search");
    }
    if (env.randomAction() > 0 && (train.localSearch().enabled() || objective.equals("rkl") || objective.equals("fkl"))) {
      throw new SettingsException("gfn.env.random-action makes transitions stochastic, which local search and the "
          + "variational baselines RKL / FKL (backward-built paths, per-path likelihoods) do not model: use TB, DB, SubTB, FM, "
          + "QM or SDB, without gfn.explore.local-search");
    }
    if (env.randomAction() > 0 && train.evidenceSamples() > 0) {
      throw new SettingsException("gfn.train.log-evidence needs deterministic transitions: set gfn.env.random-action = 0"
          + " or gfn.train.log-evidence.samples = 0");
    }
    if (env.rewardNoise() > 0 && train.localSearch().enabled()) {
      throw new SettingsException("gfn.env.hypergrid.reward-noise applies to sampled trajectories, not to local-search "
          + "revisions: disable gfn.explore.local-search");
    }
    TemperatureConditioning temperature = TemperatureSettings.read(r, objective, policy.type(), train.localSearch(), seed);
    if (temperature != null && learner.anneal().steps() > 0) {
      throw new SettingsException("gfn.learner.reward-anneal and gfn.conditioning.temperature both set the target's "
          + "exponent: use one of them");
    }
    IntrinsicRewards intrinsic = intrinsic(r, objective, temperature);
    QuantileFlows quantiles = QuantileSettings.read(r, objective, policy.type());
    DynamicsSettings dynamics = !objective.equals("sdb") ? null : new DynamicsSettings(
        r.intIn("gfn.objective.dynamics.hidden-layers", 1, 16), r.intIn("gfn.objective.dynamics.width", 1, 1 << 14),
        r.doubleIn("gfn.objective.dynamics.learning-rate", 0, 10, true));
    return new Settings(seed, env, policy, objective, lambda, learner, exploration, replay, train, temperature, intrinsic,
        quantiles, dynamics, c);
  }

  /** {@code gfn.explore.intrinsic} (GAFlowNet), or null when disabled. */
  private static IntrinsicRewards intrinsic(ConfigReader r, String objective, TemperatureConditioning temperature) {
    String k = "gfn.explore.intrinsic.";
    if (!r.bool(k + "enabled")) return null;
    if (!objective.equals("tb")) {
      throw new SettingsException("gfn.explore.intrinsic augments trajectory balance: set gfn.objective.name = TB (is "
          + objective.toUpperCase(java.util.Locale.ROOT) + ")");
    }
    if (temperature != null) {
      throw new SettingsException("gfn.explore.intrinsic and gfn.conditioning.temperature cannot be combined yet");
    }
    return new IntrinsicRewards(r.doubleIn(k + "coefficient", 0, 1e6, true), r.doubleIn(k + "decay", 0, 1, true),
        r.bool(k + "edge"), r.intIn(k + "hidden", 1, 1 << 14), r.intIn(k + "latent", 1, 1 << 14),
        r.doubleIn(k + "learning-rate", 0, 10, true));
  }

  /** {@code gfn.explore.local-search}; the batch must hold whole groups of a sample and its revisions. */
  private static LocalSearch localSearch(ConfigReader r, int batch) {
    if (!r.bool("gfn.explore.local-search.enabled")) return LocalSearch.OFF;
    LocalSearch ls = new LocalSearch(
        r.intIn("gfn.explore.local-search.backtrack-steps", 1, 1 << 20),
        r.intIn("gfn.explore.local-search.revisions", 1, 1 << 10),
        r.oneOf("gfn.explore.local-search.accept", List.of("greedy", "metropolis")).equals("greedy")
            ? LocalSearch.Accept.GREEDY : LocalSearch.Accept.METROPOLIS);
    requireWholeGroups(batch, "gfn.train.batch-size", ls);
    return ls;
  }

  /**
   * Refuses a number of trajectories per batch or per task that is not a whole number of
   * local-search groups (a sampled object and its revisions).
   */
  public static void requireWholeGroups(int trajectories, String key, LocalSearch ls) {
    if (trajectories % ls.groupSize() != 0) {
      throw new SettingsException(key + " = " + trajectories + " must be a multiple of 1 + "
          + "gfn.explore.local-search.revisions = " + ls.groupSize() + ": each sampled object comes with its "
          + ls.revisions() + " revision(s) in the same batch");
    }
  }

  /** {@code gfn.learner.schedule}; a decay horizon of 0 means the run's learner steps. */
  private static LearningRateSchedule schedule(ConfigReader r, long runSteps) {
    String kind = r.oneOf("gfn.learner.schedule", List.of("constant", "cosine"));
    double fraction = r.doubleIn("gfn.learner.final-lr-fraction", 0, 1, true);
    long steps = r.longAtLeast("gfn.learner.decay-steps", 0);
    if (kind.equals("constant")) return LearningRateSchedule.CONSTANT;
    return LearningRateSchedule.cosine(steps == 0 ? Math.max(1, runSteps) : steps, fraction);
  }
}
