package org.gfn.model.bench;

import com.typesafe.config.ConfigFactory;
import java.util.Arrays;
import java.util.List;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.train.Components;
import org.gfn.model.train.Task;
import org.gfn.replay.Trajectory;

/**
 * Dev tool: FL-DB learner steps per second on a family of 64 RB-small graphs (MIS, the graph
 * policy of the preset's first look or any width / GIN depth), a fixed minibatch of 16 trajectories
 * sampled by the untrained policy, one thread; prints the median of {@code repeats} timings of
 * {@code steps} steps (args: width, GIN blocks, steps, repeats).
 */
public class GraphLearnerThroughput {
  public static void main(String[] a) {
    int width = Integer.parseInt(a[0]);
    int blocks = Integer.parseInt(a[1]);
    int steps = Integer.parseInt(a[2]);
    int repeats = Integer.parseInt(a[3]);
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = mis, graph { instance = rb-small, seed = 1001, instances = 64, temperature = 0.002 } }
        gfn.policy { type = graph, hidden-layers = 1, width = %d, mix-layers = %d }
        gfn.objective.name = FLDB
        """.formatted(width, blocks)));
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    List<Trajectory> batch = List.of(new RolloutSampler(task.env(), learner.snapshot().forwardEvaluator())
        .sample(16, Exploration.ON_POLICY, 1, 0, 0));
    int states = batch.stream().mapToInt(Trajectory::length).sum();
    for (int i = 0; i < 3; i++) learner.step(batch); // warm-up
    double[] rates = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) learner.step(batch);
      rates[r] = steps / ((System.nanoTime() - t0) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("GIN %d x %d, %d states per minibatch: median %.2f learner steps/s of %s%n", blocks, width, states,
        rates[repeats / 2], Arrays.toString(rates));
  }
}
