package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.envs.graph.NodeSetFamily;
import org.junit.jupiter.api.Test;

/**
 * A batch's neighbour lists are those of each state read alone (shifted to the state's rows),
 * whether a state's adjacency is read from its features or reused from the previous state of the
 * same graph: consecutive states of three graphs of different sizes, padded in one family.
 */
class EntityBatchTest {
  @Test
  void neighbourListsMatchEachStateReadAlone() {
    List<IndependentSet> problems = new ArrayList<>();
    for (int k = 0; k < 3; k++) problems.add(new IndependentSet(Generators.named("er", 30 + k, 9 + 3 * k, 0.3), 1));
    Environment env = new NodeSetFamily(problems, 3, "family");
    int f = env.featureSize();
    List<int[]> states = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(3);
    boolean[] mask = new boolean[env.numActions()];
    for (int k : new int[] {0, 0, 2, 1, 1}) {
      int[] s = ((NodeSetFamily) env).initialState(k);
      states.add(s);
      while (true) { // a walk of the graph: consecutive states share the adjacency
        env.forwardMask(s, mask);
        if (mask[env.exitAction()]) break;
        int a;
        do a = rng.nextInt(env.numActions() - 1); while (!mask[a]);
        s = env.step(s, a);
        states.add(s);
      }
    }
    float[] features = new float[states.size() * f];
    for (int r = 0; r < states.size(); r++) env.encode(states.get(r), features, r * f);
    EntityBatch batch = EntityBatch.of(features, states.size(), f, env.entityLayout());
    int reused = 0;
    for (int r = 0; r < states.size(); r++) {
      EntityBatch alone = EntityBatch.of(java.util.Arrays.copyOfRange(features, r * f, (r + 1) * f), 1, f, env.entityLayout());
      for (int k = 0; k < batch.size(r); k++) {
        int[] expected = alone.neighbours()[k].clone();
        for (int c = 0; c < expected.length; c++) expected[c] += batch.start()[r];
        assertArrayEquals(expected, batch.neighbours()[batch.start()[r] + k], "state " + r + " entity " + k);
      }
      reused += r > 0 && states.get(r)[0] == states.get(r - 1)[0] ? 1 : 0;
    }
    assertTrue(reused > 10, "consecutive states of one graph: " + reused);
  }
}
