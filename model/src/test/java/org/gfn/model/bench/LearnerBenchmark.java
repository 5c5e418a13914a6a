package org.gfn.model.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.Nd4jMlp;
import org.gfn.model.policy.PolicyModel;
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
 * Learner throughput: one TB step (forward, objective, backprop, Adam) on HyperGrid 8^4 with the
 * 2×256 MLP, learned P_B, on {@code batch} pre-sampled trajectories, by the learner's
 * {@link Nd4jMlp} or DL4J's {@link PolicyNetwork}, with a shared trunk or one network per head.
 * Score = steps/s; multiply by {@code batch} for trajectories consumed per second. With
 * {@code trainSteps} > 0 the learner first trains on-policy for that many steps of 16 trajectories,
 * and the benchmark's minibatch is sampled by the trained policy (longer trajectories: a training
 * run's learner steps on those).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LearnerBenchmark {
  @Param({"16", "256", "1024"})
  int batch;

  @Param({"nd4j", "dl4j"})
  String network;

  @Param({"true", "false"})
  boolean sharedTrunk;

  @Param({"0"})
  int trainSteps;

  private Learner learner;
  private List<Trajectory> trajectories;

  @Setup
  public void setup() {
    HyperGrid env = new HyperGrid(4, 8, HyperGridRewards.preset("torchgfn", 8));
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 256, "relu", sharedTrunk, true, false);
    PolicyModel net = network.equals("dl4j") ? new PolicyNetwork(arch, 1e-3, 1, DataType.FLOAT)
        : new Nd4jMlp(arch, 1e-3, step -> 1.0, 1);
    learner = new Learner(new LearnerConfig(1e-3, 0.1, 0, 0, 0), net, Objectives.byName("TB", 0.9), env);
    for (int k = 0; k < trainSteps; k++) {
      learner.step(Arrays.asList(new RolloutSampler(env, learner.snapshot().forwardEvaluator())
          .sample(16, Exploration.ON_POLICY, 1000 + k, 0, 0)));
    }
    trajectories = Arrays.asList(new RolloutSampler(env, learner.snapshot().forwardEvaluator())
        .sample(batch, Exploration.ON_POLICY, 7, 0, 0));
    double actions = trajectories.stream().mapToInt(Trajectory::length).average().orElse(0);
    System.err.printf("minibatch of %d trajectories, mean length %.2f actions%n", batch, actions);
  }

  @Benchmark
  public double step() {
    return learner.step(trajectories).loss();
  }
}
