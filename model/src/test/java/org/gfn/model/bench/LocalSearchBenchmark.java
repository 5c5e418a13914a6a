package org.gfn.model.bench;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn.envs.Environment;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.DataFiles;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.LocalSearch;
import org.gfn.model.rollout.LocalSearchRefiner;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.train.Components;
import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What local search costs an executor, one core: one call produces 64 trajectories of a preset's
 * task with its untrained policy, by sampling only ({@code revisions = 0}) or as 64 / (1 + I)
 * samples and I revisions each (backtrack K, greedy). Score × 64 = trajectories/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalSearchBenchmark {
  static final int TRAJECTORIES = 64;

  @Param({"conf/tfbind8-tb.conf"})
  String preset;

  @Param({"0", "1", "3", "7"})
  int revisions;

  @Param({"4"})
  int backtrack;

  private LocalSearchRefiner refiner;
  private RolloutSampler sampler;
  private LocalSearch ls;
  private long seed;

  @Setup
  public void setup() {
    Settings s = Settings.load(ConfigLoader.load(new File(DataFiles.locate(preset, "bench")), List.of()));
    Environment env = EnvironmentFactory.environment(s.env());
    PolicyEvaluator eval = new PolicyNetwork(Components.architecture(s, env, Components.objective(s)), 1e-3, 1,
        DataType.FLOAT).snapshot(0).forwardEvaluator();
    sampler = new RolloutSampler(env, eval);
    refiner = new LocalSearchRefiner(env, eval);
    ls = revisions == 0 ? LocalSearch.OFF : new LocalSearch(backtrack, revisions, LocalSearch.Accept.GREEDY);
  }

  @Benchmark
  public Object produce() {
    if (!ls.enabled()) return sampler.sample(TRAJECTORIES, Exploration.ON_POLICY, seed++, 0, 0);
    return refiner.sample(TRAJECTORIES, Exploration.ON_POLICY, ls, seed++, 0, 0);
  }
}
