package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.IndependentSet;
import org.junit.jupiter.api.Test;

/** Random actions wrap any environment: the wrapped one's structure, a chosen move replaced with probability p. */
class RandomActionsTest {
  /** A wrapper that forgot a default method would silently answer for the wrapped task (a choosing entity of −1, say). */
  @Test
  void everyEnvironmentMethodIsForwarded() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (java.lang.reflect.Method m : Environment.class.getMethods()) {
      if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) continue;
      try {
        RandomActions.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        missing.add(m.getName());
      }
    }
    assertEquals(java.util.List.of(), missing, "methods RandomActions inherits instead of forwarding");
  }

  @Test
  void executedMovesFollowTheTransitionProbabilities() {
    IndependentSet mis = new IndependentSet(Generators.erdosRenyi(8, 0.3, 3), 1.0);
    RandomActions env = new RandomActions(mis, 0.4);
    EnvironmentInvariants.check(env, 100, 5);
    assertSame(mis, env.unwrap());
    assertTrue(env.stochasticTransitions());
    assertFalse(new RandomActions(mis, 0).stochasticTransitions());
    int[] s = env.initialState();
    double[] t = new double[env.numActions()];
    env.transitionProbabilities(s, 2, t);
    double sum = 0;
    for (double v : t) sum += v;
    assertEquals(1.0, sum, 1e-12);
    assertEquals(0.6 + 0.4 / 8, t[2], 1e-12);
    assertEquals(0.0, t[env.exitAction()], 0.0);
    int[] counts = new int[env.numActions()];
    SplittableRandom rng = new SplittableRandom(1);
    int n = 100_000;
    for (int i = 0; i < n; i++) counts[env.executedAction(s, 2, rng)]++;
    for (int e = 0; e < t.length; e++) assertEquals(t[e], counts[e] / (double) n, 0.01, "move " + e);
    assertEquals(env.exitAction(), env.executedAction(s, env.exitAction(), rng), "exit is never replaced");
    assertThrows(IllegalArgumentException.class, () -> new RandomActions(mis, 1.5));
  }
}
