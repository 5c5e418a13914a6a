package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The policy's log-probabilities: equal to log of its probabilities, and finite where those underflow. */
class ActionDistributionTest {
  @Test
  void logProbabilitiesMatchAndSurviveUnderflow() {
    float[] out = {9f, 1.5f, -2f, 0.25f, 7f};
    boolean[] mask = {false, true, true, true, false};
    double[] p = new double[mask.length];
    ActionDistribution.probabilities(out, 1, new boolean[] {true, true, true, false}, p);
    for (int a = 0; a < 3; a++) {
      assertEquals(Math.log(p[a]), ActionDistribution.logProbability(out, 1, new boolean[] {true, true, true, false}, a), 1e-12);
    }
    assertEquals(Double.NEGATIVE_INFINITY, ActionDistribution.logProbability(out, 0, mask, 0));
    float[] far = {0f, -1000f};
    ActionDistribution.probabilities(far, 0, new boolean[] {true, true}, p);
    assertEquals(0.0, p[1], "the probability underflows");
    assertEquals(-1000.0, ActionDistribution.logProbability(far, 0, new boolean[] {true, true}, 1), 1e-9);
  }
}
