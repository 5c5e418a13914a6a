package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.train.Components;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The activation estimate of a graph policy's minibatch is of the size of what a forward pass
 * keeps on the heap for backprop (less than the estimate, which adds the backward pass's arrays), and a minibatch too large for the heap is refused with the
 * keys to change before anything is allocated.
 */
class ActivationBudgetTest {
  @Test
  void theEstimateMatchesWhatAStepAllocatesAndTooLargeIsRefused() {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = mis, graph { instance = er, nodes = 120, edge-probability = 0.05, seed = 4 } }
        gfn.policy { type = graph, width = 64, mix-layers = 3 }
        gfn.objective.name = FLDB
        """));
    Environment env = Components.task(s).env();
    PolicyArchitecture arch = Components.architecture(s, env, Components.objective(s));
    List<int[]> states = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(2);
    boolean[] mask = new boolean[env.numActions()];
    for (int t = 0; t < 4; t++) { // four random walks to a maximal independent set
      int[] st = env.initialState();
      while (true) {
        states.add(st);
        env.forwardMask(st, mask);
        if (mask[env.exitAction()]) break;
        int a;
        do a = rng.nextInt(env.numActions() - 1); while (!mask[a]);
        st = env.step(st, a);
      }
    }
    int f = env.featureSize();
    float[] x = new float[states.size() * f];
    for (int r = 0; r < states.size(); r++) env.encode(states.get(r), x, r * f);
    EntityBatch batch = EntityBatch.of(x, states.size(), f, env.entityLayout());
    double estimate = ActivationBudget.bytes(arch.structure(), arch.width(), batch);

    StructuredNetwork probe = new StructuredNetwork(arch, 1e-3, step -> 1.0, 2, DataType.FLOAT);
    long before = liveHeap();
    double[] out = probe.forward(x, states.size()); // the network keeps what backward needs
    long retained = liveHeap() - before;
    System.out.println("activation estimate " + (long) estimate + " bytes, kept after a forward pass " + retained
        + ", " + batch.entities() + " entity rows");
    assertTrue(retained > estimate / 3 && retained < estimate,
        "estimate " + (long) estimate + " bytes, a forward pass keeps " + retained + " (" + batch.entities() + " entity rows)");
    probe.backward(new double[out.length]);

    ActivationBudget.check(arch.structure(), arch.width(), batch, (long) (estimate / ActivationBudget.SHARE) + 1);
    SettingsException e = assertThrows(SettingsException.class,
        () -> ActivationBudget.check(arch.structure(), arch.width(), batch, (long) (estimate / ActivationBudget.SHARE) - 1));
    assertTrue(e.getMessage().contains("gfn.train.batch-size") && e.getMessage().contains("gfn.policy.width")
        && e.getMessage().contains("-Xmx"), e.getMessage());
  }

  /** Heap in use after full collections (the large arrays of a trace dominate any noise). */
  private static long liveHeap() {
    java.lang.management.MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) System.gc();
    return m.getHeapMemoryUsage().getUsed();
  }
}
