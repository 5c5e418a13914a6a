package org.gfn.model;

import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.train.LocalTrainer;
import org.gfn.model.train.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** Dev harness: args objective D H trajectories shared learnedPB eps seed. */
public class Calibrate {
  public static void main(String[] a) {
    String obj = a[0];
    int d = Integer.parseInt(a[1]);
    int h = Integer.parseInt(a[2]);
    long n = Long.parseLong(a[3]);
    boolean shared = Boolean.parseBoolean(a[4]);
    boolean pb = Boolean.parseBoolean(a[5]);
    double eps = Double.parseDouble(a[6]);
    long seed = Long.parseLong(a[7]);
    Environment env = Fixtures.grid(d, h);
    Objective o = Objectives.byName(obj, 0.9);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 256, "relu", shared, pb, o.needsFlowHead());
    LearnerConfig lc = new LearnerConfig(1e-3, 0.1, 0, 0, 0);
    Learner l = new Learner(lc, new PolicyNetwork(arch, 1e-3, seed, DataType.FLOAT), o, env);
    TrainingConfig tc = new TrainingConfig(16, 0, n, 250, new Exploration(eps, 1.0), seed);
    new LocalTrainer(env, l, null, tc, StateSpace.of(env)).run(e -> System.out.println(e.progressLine()));
  }
}
