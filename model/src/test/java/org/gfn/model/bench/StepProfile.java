package org.gfn.model.bench;

import java.util.Arrays;
import java.util.List;
import org.gfn.envs.HyperGrid;
import org.gfn.envs.HyperGridRewards;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.Nd4jMlp;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Dev tool: wall time of each phase of a learner step (args: batch repeats [sharedTrunk [dl4j|nd4j
 * [minLength]]]): DL4J's {@link PolicyNetwork} or the hand-written {@link Nd4jMlp} the learner uses.
 * With minLength, the minibatch holds only trajectories of at least that many actions (a trained
 * policy's are about 15 long on 8^4; the untrained one's about 5).
 */
public class StepProfile {
  public static void main(String[] a) {
    int batch = Integer.parseInt(a[0]);
    int reps = Integer.parseInt(a[1]);
    HyperGrid env = new HyperGrid(4, 8, HyperGridRewards.preset("torchgfn", 8));
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 2, 256, "relu", a.length > 2 && Boolean.parseBoolean(a[2]), true, false);
    PolicyModel net = a.length > 3 && a[3].equals("dl4j") ? new PolicyNetwork(arch, 1e-3, 1, DataType.FLOAT)
        : new Nd4jMlp(arch, 1e-3, step -> 1.0, 1);
    int minLength = a.length > 4 ? Integer.parseInt(a[4]) : 0;
    List<Trajectory> ts = Arrays.stream(new RolloutSampler(env, net.snapshot(0).forwardEvaluator())
        .sample(batch * 200, Exploration.ON_POLICY, 7, 0, 0)).filter(t -> t.length() >= minLength).limit(batch).toList();
    Objective obj = Objectives.byName("TB", 0.9);
    long[] t = new long[6];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      Objective.Prepared p = obj.prepare(ts, env, arch);
      long t1 = System.nanoTime();
      double[] out = net.forward(p.features(), p.rows());
      long t2 = System.nanoTime();
      Objective.Result res = p.compute(out, 0);
      long t3 = System.nanoTime();
      net.backward(res.dOutputs());
      long t4 = System.nanoTime();
      net.gradientNorm();
      net.applyUpdate(r);
      long t5 = System.nanoTime();
      if (r >= reps / 2) {
        t[0] += t1 - t0; t[1] += t2 - t1; t[2] += t3 - t2; t[3] += t4 - t3; t[4] += t5 - t4;
      }
      if (r == 0) System.out.println("rows " + p.rows());
    }
    int n = reps - reps / 2;
    System.out.printf("ms per step: prepare %.2f forward %.2f objective %.2f backward %.2f update %.2f%n",
        t[0] / 1e6 / n, t[1] / 1e6 / n, t[2] / 1e6 / n, t[3] / 1e6 / n, t[4] / 1e6 / n);
  }
}
