package org.gfn.model.bench;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.model.config.DataFiles;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.learn.LearningRateSchedule;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.EntityStructure;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.StructuredNetwork;
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
 * The set policy on a shipped phylogenetic data set, one core: {@code rollout} samples 16 complete
 * trees per call with the executors' plain-Java evaluator (score × 16 = trees/s); {@code learnerStep}
 * is one FL-DB step on 16 such trees (score = learner steps/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PhyloBenchmark {
  static final int TREES = 16;

  @Param({"DS1", "DS8"})
  String dataset;

  @Param({"64"})
  int width;

  @Param({"2"})
  int mixLayers;

  private RolloutSampler sampler;
  private Learner learner;
  private List<Trajectory> batch;
  private long seed;

  @Setup
  public void setup() {
    Alignment data = Alignment.readFasta(new File(DataFiles.locate("data/phylo/" + dataset + ".fasta", "bench")));
    PhyloForest env = new PhyloForest(data, 0, 4);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(),
        1, width, "relu", false, true, true, new EntityStructure("set", env.entityLayout(), mixLayers, 4));
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 1, DataType.FLOAT);
    sampler = new RolloutSampler(env, net.snapshot(0).evaluator());
    batch = Arrays.asList(sampler.sample(TREES, Exploration.ON_POLICY, 7, 0, 0));
    LearnerConfig config = new LearnerConfig(1e-3, 0.1, 0, 0, 0, LearningRateSchedule.CONSTANT);
    learner = new Learner(config, net, Objectives.byName("FLDB", 0.9), env);
  }

  @Benchmark
  public Trajectory[] rollout() {
    return sampler.sample(TREES, Exploration.ON_POLICY, seed++, 0, 0);
  }

  @Benchmark
  public Object learnerStep() {
    return learner.step(batch);
  }
}
