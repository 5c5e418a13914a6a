package org.gfn.model.config;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gfn.envs.BitSequence;
import org.gfn.envs.BitSequenceModes;
import org.gfn.envs.Environment;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.envs.IsingModel;
import org.gfn.envs.LogReward;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.envs.RewardTable;
import org.gfn.envs.SequenceRewards;
import org.gfn.envs.SpinSequence;
import org.gfn.envs.RandomActions;
import org.gfn.envs.graph.DominatingSet;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.envs.graph.MaxCut;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.envs.graph.NodeSetProblem;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloBayesForest;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.gfn.envs.phylo.PhyloForest;

/**
 * Turns {@link EnvSettings} into an environment and its reward. This is all an executor builds,
 * so it depends on {@code envs} alone: no learner, no DL4J (checked by a dependency test).
 */
public final class EnvironmentFactory {
  /** Reward tables and alignments are loaded once per JVM (driver and each executor). */
  private static final Map<String, RewardTable> TABLES = new ConcurrentHashMap<>();
  private static final Map<String, Alignment> ALIGNMENTS = new ConcurrentHashMap<>();

  private EnvironmentFactory() {}

  /**
   * The environment of {@code e}, with its built-in reward or the configured reward class, and
   * random actions ({@link RandomActions}) when {@code gfn.env.random-action} is above 0.
   */
  public static Environment environment(EnvSettings e) {
    Environment env = base(e);
    return e.randomAction() > 0 ? new RandomActions(env, e.randomAction()) : env;
  }

  /** A graph problem on the configured graph, or over the configured family of graphs. */
  private static Environment graphProblem(String type, GraphInstance g) {
    if (!g.family()) return graphProblem(type, g.build(), g.temperature());
    List<NodeSetProblem> problems = new ArrayList<>();
    List<Graph> train = g.trainGraphs();
    for (Graph graph : train) problems.add(graphProblem(type, graph, g.temperature()));
    for (Graph graph : g.testGraphs()) problems.add(graphProblem(type, graph, g.temperature()));
    String source = g.instance().equals("file") ? g.file() : g.instance();
    return new NodeSetFamily(problems, train.size(), String.format("%s(%d %s graphs, %d held out)", type,
        train.size(), source, problems.size() - train.size()));
  }

  private static NodeSetProblem graphProblem(String type, Graph graph, double temperature) {
    return switch (type) {
      case "mis" -> new IndependentSet(graph, temperature);
      case "maxclique" -> IndependentSet.maxClique(graph, temperature);
      case "mds" -> new DominatingSet(graph, temperature);
      case "maxcut" -> new MaxCut(graph, temperature);
      default -> throw new IllegalArgumentException("not a graph problem: " + type);
    };
  }

  private static Environment base(EnvSettings e) {
    LogReward custom = e.rewardClass().isEmpty() ? null : customReward(e.rewardClass());
    if (e.type().equals("tfbind8") || e.type().equals("qm9str")) {
      LogReward r = custom != null ? custom : table(e);
      return e.type().equals("tfbind8") ? new PrependAppendSequence("tfbind8", 8, 4, e.appendOnly(), r)
          : new PrependAppendSequence("qm9str", 5, 11, e.appendOnly(), r);
    }
    if (e.graph() != null) return graphProblem(e.type(), e.graph());
    if (e.type().equals("phylo-bayes")) {
      try {
        return e.phyloLengthSteps() ? new PhyloBayesSteps(alignment(e), e.phyloBins(), e.phyloBinSize(), e.phyloPriorRate())
            : new PhyloBayesForest(alignment(e), e.phyloBins(), e.phyloBinSize(), e.phyloPriorRate());
      } catch (IllegalArgumentException bad) {
        throw new SettingsException("gfn.env.phylo: " + bad.getMessage(), bad);
      }
    }
    if (e.type().equals("phylo")) {
      return new PhyloForest(alignment(e), e.phyloOffset(), e.phyloAlpha());
    }
    if (e.type().equals("ising")) {
      IsingModel model = isingModel(e);
      return custom != null ? new SpinSequence(model.sites(), custom) : SpinSequence.ising(model);
    }
    if (e.type().equals("hypergrid")) {
      return new HyperGrid(e.dim(), e.height(), custom != null ? custom
          : e.reward().equals("sparse") ? HyperGridRewards.sparse(e.dim(), e.height())
          : HyperGridRewards.original(e.height(), e.r0(), e.r1(), e.r2()), e.rewardNoise());
    }
    BitSequence shape = new BitSequence(e.n(), e.k(), x -> 0);
    return new BitSequence(e.n(), e.k(), custom != null ? custom : modes(e).logReward(shape, e.beta()));
  }

  /** The Ising model of {@code gfn.env.ising} (side, σ). */
  public static IsingModel isingModel(EnvSettings e) {
    return IsingModel.lattice(e.isingSide(), e.isingSigma());
  }

  /** The reward table of a data-backed sequence task (TFBind8, QM9), loaded once per JVM. */
  public static RewardTable table(EnvSettings e) {
    try {
      return TABLES.computeIfAbsent(e.type() + "|" + e.dataFile() + "|" + e.dataBeta(), k -> e.type().equals("tfbind8")
          ? SequenceRewards.tfbind8(new File(e.dataFile()), e.dataBeta())
          : SequenceRewards.qm9(new File(e.dataFile()), e.dataBeta()));
    } catch (IllegalArgumentException bad) { // a truncated, malformed or empty data file is bad input
      throw new SettingsException("gfn.env." + e.type() + ".file: " + bad.getMessage(), bad);
    }
  }

  /** The alignment of {@code gfn.env.phylo}, read once per JVM; a malformed file is bad input. */
  public static Alignment alignment(EnvSettings e) {
    try {
      return ALIGNMENTS.computeIfAbsent(e.phyloFile(), f -> Alignment.readFasta(new File(f)));
    } catch (IllegalArgumentException bad) {
      throw new SettingsException("gfn.env.phylo: " + bad.getMessage(), bad);
    }
  }

  /** The bit-sequence modes of {@code gfn.env.bitseq}. */
  public static BitSequenceModes modes(EnvSettings e) {
    return BitSequenceModes.generate(e.n(), e.modes(), e.modeSeed());
  }

  private static LogReward customReward(String className) {
    try {
      return (LogReward) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the reward " + className + ": " + e, e);
    }
  }
}
