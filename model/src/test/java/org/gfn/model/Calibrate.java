package org.gfn.model;

import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;
import org.gfn.model.config.TrainingConfig;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.train.LocalTrainer;
import org.nd4j.linalg.api.buffer.DataType;

/** Dev harness: args objective D H trajectories shared learnedPB eps seed [lr batch evalEvery]. */
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
    double lr = a.length > 8 ? Double.parseDouble(a[8]) : 1e-3;
    int batch = a.length > 9 ? Integer.parseInt(a[9]) : 16;
    int every = a.length > 10 ? Integer.parseInt(a[10]) : 250;
    Environment env = Fixtures.grid(d, h);
    Objective o = Objectives.byName(obj, 0.9);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 256, "relu", shared, pb, o.needsFlowHead());
    LearnerConfig lc = new LearnerConfig(lr, 0.1, 0, 0, 0);
    Learner l = new Learner(lc, new PolicyNetwork(arch, lr, seed, DataType.FLOAT), o, env);
    TrainingConfig tc = new TrainingConfig(batch, 0, n, every, new Exploration(eps, 1.0), seed, true, 1e9);
    new LocalTrainer(env, l, null, tc, StateSpace.of(env)).run(e -> System.out.println(e.progressLine()));
  }
}
