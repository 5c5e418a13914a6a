package org.gfn.model.bench;

import java.util.concurrent.TimeUnit;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
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
 * Rollout throughput on one core: HyperGrid 8^4, MLP 2×256, sampling {@code batch} trajectories
 * per call with the plain-Java snapshot evaluator or batched ND4J. Score = calls/s; multiply by
 * {@code batch} for trajectories/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RolloutBenchmark {
  @Param({"16", "256"})
  int batch;

  @Param({"plain", "nd4j"})
  String path;

  private RolloutSampler sampler;
  private long seed;

  @Setup
  public void setup() {
    HyperGrid env = new HyperGrid(4, 8, HyperGridRewards.preset("torchgfn", 8));
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 256, "relu", false, true, false);
    PolicyNetwork net = new PolicyNetwork(arch, 1e-3, 1, DataType.FLOAT);
    PolicyEvaluator eval = path.equals("plain") ? net.snapshot(0).forwardEvaluator() : new Nd4jEvaluator(net);
    sampler = new RolloutSampler(env, eval);
  }

  @Benchmark
  public Trajectory[] sample() {
    return sampler.sample(batch, Exploration.ON_POLICY, seed++, 0, 0);
  }
}
