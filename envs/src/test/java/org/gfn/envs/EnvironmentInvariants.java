package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/** The invariants every environment must satisfy, checked along random forward rollouts. */
final class EnvironmentInvariants {
  private EnvironmentInvariants() {}

  static void check(Environment env, int rollouts, long seed) {
    Random rng = new Random(seed);
    int nA = env.numActions();
    int nB = env.numBackwardActions();
    boolean[] fm = new boolean[nA];
    boolean[] bm = new boolean[nB];
    float[] feat = new float[env.featureSize()];

    int[] s0 = env.initialState();
    assertTrue(env.isInitial(s0));
    assertEquals(env.stateSize(), s0.length);
    env.backwardMask(s0, bm);
    for (boolean b : bm) assertFalse(b, "s0 must have no backward action");

    for (int r = 0; r < rollouts; r++) {
      int[] s = env.initialState();
      int steps = 0;
      while (true) {
        env.forwardMask(s, fm);
        int legal = 0;
        for (boolean b : fm) legal += b ? 1 : 0;
        assertTrue(legal > 0, "no legal action in a non-sink state");
        env.encode(s, feat, 0);
        for (float f : feat) assertTrue(Float.isFinite(f));
        if (fm[env.exitAction()]) {
          double lr = Environments.checkedLogReward(env, s);
          assertTrue(Double.isFinite(lr));
        }
        // every legal non-exit step is undone by its backward action
        for (int a = 0; a < nA - 1; a++) {
          if (!fm[a]) {
            final int[] cur = s;
            final int act = a;
            assertThrows(IllegalArgumentException.class, () -> env.step(cur, act),
                "illegal action " + a + " must be refused");
            continue;
          }
          int[] c = env.step(s, a);
          int b = env.backwardActionOf(s, a);
          env.backwardMask(c, bm);
          assertTrue(bm[b], "backward action of a step must be legal in the child");
          assertArrayEquals(s, env.backwardStep(c, b), "backwardStep(step(s, a)) != s");
          assertEquals(a, env.forwardActionOf(c, b));
          assertFalse(env.isInitial(c));
        }
        // choose uniformly among legal actions
        int pick = rng.nextInt(legal);
        int a = -1;
        for (int i = 0; i < nA; i++) if (fm[i] && pick-- == 0) { a = i; break; }
        steps++;
        assertTrue(steps <= env.maxTrajectoryLength(), "trajectory longer than maxTrajectoryLength");
        if (a == env.exitAction()) break;
        s = env.step(s, a);
      }
    }
  }
}
