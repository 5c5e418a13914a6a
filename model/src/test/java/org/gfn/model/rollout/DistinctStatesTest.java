package org.gfn.model.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.model.Fixtures;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rows with equal states share one policy evaluation ({@link DistinctStates}); the walks are
 * the same, bit for bit, as each walked alone (where nothing is shared).
 */
class DistinctStatesTest {
  @Test
  void rowsAreGroupedByStateContent() {
    int[] a = {1, 2};
    int[] b = {2, 1};
    int[] c = {0, 0};
    DistinctStates d = new DistinctStates();
    assertEquals(3, d.group(new int[][] {a, b, a.clone(), a, c}, 5, true));
    int[] slots = new int[5];
    for (int k = 0; k < 5; k++) slots[k] = d.slot(k);
    assertArrayEquals(new int[] {0, 1, 0, 0, 2}, slots);
    assertSame(a, d.distinct()[0]);
    assertSame(b, d.distinct()[1]);
    assertSame(c, d.distinct()[2]);
    // reused with more rows than before: the table grows, earlier groups are forgotten
    int[][] many = new int[100][];
    for (int k = 0; k < 100; k++) many[k] = new int[] {k % 7, 3};
    assertEquals(7, d.group(many, 100, true));
    for (int k = 0; k < 100; k++) assertArrayEquals(many[k], d.distinct()[d.slot(k)]);
  }

  @Test
  void withoutGroupingEveryRowIsItsOwnSlot() {
    int[] a = {1, 2};
    DistinctStates d = new DistinctStates();
    assertEquals(3, d.group(new int[][] {a, a, a}, 3, false));
    for (int k = 0; k < 3; k++) assertEquals(k, d.slot(k));
  }

  @Test
  void groupedWalksEqualWalksAloneAndEvaluateFewerRows() {
    Environment env = Fixtures.grid(3, 6);
    PolicyArchitecture arch = Fixtures.arch(env, true, true, false);
    PolicyEvaluator policy = Fixtures.model(arch, 4, DataType.FLOAT).snapshot(0).evaluator();
    int[] evaluated = new int[1];
    PolicyEvaluator counting = new PolicyEvaluator() {
      @Override
      public PolicyArchitecture architecture() {
        return arch;
      }

      @Override
      public void evaluate(float[] features, int rows, float[] out) {
        evaluated[0] += rows;
        policy.evaluate(features, rows, out);
      }
    };
    RolloutSampler sampler = new RolloutSampler(env, counting);
    int n = 200;
    int[][] starts = new int[n][];
    SplittableRandom[] rngs = new SplittableRandom[n];
    for (int i = 0; i < n; i++) {
      rngs[i] = new SplittableRandom(Seeds.derive(9, i));
      starts[i] = env.initialState(rngs[i]);
    }
    Exploration explore = new Exploration(0.1, 1.0);
    RolloutSampler.Walk[] walks = sampler.walk(starts, rngs, explore, true);
    int rows = 0;
    for (RolloutSampler.Walk w : walks) rows += w.actions().length;
    assertTrue(evaluated[0] < rows / 2, evaluated[0] + " rows evaluated for " + rows + " steps");
    for (int i = 0; i < n; i += 13) {
      SplittableRandom alone = new SplittableRandom(Seeds.derive(9, i));
      RolloutSampler.Walk w = sampler.walk(new int[][] {env.initialState(alone)}, new SplittableRandom[] {alone},
          explore, true)[0];
      assertArrayEquals(walks[i].actions(), w.actions(), "walk " + i);
      assertEquals(walks[i].logProb(), w.logProb(), 0.0, "walk " + i);
      assertEquals(walks[i].logBackward(), w.logBackward(), 0.0, "walk " + i);
    }
  }
}
