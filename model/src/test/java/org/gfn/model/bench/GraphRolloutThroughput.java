package org.gfn.model.bench;

import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.model.policy.EntityStructure;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.policy.StructuredNetwork;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Dev tool: rollout throughput of maximum independent set on an RB-small graph with the paper's
 * 5 × 256 GIN (untrained), one thread (args: graph seed, seconds, batch).
 */
public class GraphRolloutThroughput {
  public static void main(String[] a) {
    long seed = Long.parseLong(a[0]);
    double seconds = Double.parseDouble(a[1]);
    int batch = Integer.parseInt(a[2]);
    Graph g = Generators.rb("small", seed);
    IndependentSet env = new IndependentSet(g, 1.0);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(), 1, 256,
        "relu", false, true, false, new EntityStructure("graph", env.entityLayout(), 5, 1));
    PolicySnapshot snap = new StructuredNetwork(arch, 1e-3, step -> 1.0, 1, DataType.FLOAT).snapshot(0);
    RolloutSampler sampler = new RolloutSampler(env, snap.forwardEvaluator());
    sampler.sample(batch, Exploration.ON_POLICY, 0, 0, 0); // warm-up
    long t0 = System.nanoTime();
    long n = 0;
    long steps = 0;
    int best = 0;
    double sum = 0;
    while ((System.nanoTime() - t0) / 1e9 < seconds) {
      for (Trajectory t : sampler.sample(batch, Exploration.ON_POLICY, n + 1, n, 0)) {
        int size = IndependentSet.size(t.terminal());
        best = Math.max(best, size);
        sum += size;
        steps += t.length();
        n++;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s: %d trajectories in %.1f s = %.2f trajectories/s (%.1f states each); untrained set size mean %.2f,"
        + " best %d; min-degree greedy %d%n", g, n, s, n / s, steps / (double) n, sum / n, best,
        IndependentSet.size(Greedy.independentSet(g)));
  }
}
