package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitSequenceTest {
  private final BitSequenceModes modes = BitSequenceModes.generate(120, 60, 7);
  private final BitSequence env = new BitSequence(120, 8, modes.logReward(new BitSequence(120, 8, x -> 0), 3.0));

  @Test
  void invariantsHold() {
    EnvironmentInvariants.check(env, 20, 3);
    EnvironmentInvariants.check(new BitSequence(6, 2, x -> 0.0), 100, 4);
  }

  @Test
  void rewardIsOneAtAModeAndDecaysWithDistance() {
    int[] m = modes.mode(5);
    assertEquals(0.0, env.logReward(env.fromBits(m)), 0.0);
    int[] flipped = m.clone();
    flipped[0] ^= 1;
    flipped[7] ^= 1;
    assertTrue(env.logReward(env.fromBits(flipped)) >= -3.0 * 2 / 120 - 1e-12);
    assertArrayEquals(m, env.bits(env.fromBits(m)));
  }

  @Test
  void modesAreDistinctAndMadeOfTheFiveBlocks() {
    assertEquals(60, modes.count());
    for (int i = 0; i < 60; i++) {
      for (int j = i + 1; j < 60; j++) assertNotEquals(0, BitSequenceModes.hamming(modes.mode(i), modes.mode(j)));
    }
    assertArrayEquals(modes.mode(3), BitSequenceModes.generate(120, 60, 7).mode(3), "seeded");
  }

  @Test
  void testSetFlipsExactlyCBits() {
    List<int[]> test = modes.testSet(11);
    assertEquals(60 * 119, test.size());
    for (int c = 1; c < 120; c++) {
      assertEquals(c, BitSequenceModes.hamming(modes.mode(0), test.get(c - 1)));
    }
  }

  @Test
  void modesFoundCountsModesWithinTheThreshold() {
    List<int[]> samples = new ArrayList<>();
    int[] near = modes.mode(2);
    for (int i = 0; i < 30; i++) near[i * 4] ^= 1; // 30 flips: just within
    samples.add(near);
    assertTrue(modes.modesFound(samples, 30) >= 1);
    assertEquals(0, modes.modesFound(List.of(), 30));
  }

  @Test
  void smallInstanceEnumerates() {
    StateSpace space = StateSpace.of(new BitSequence(6, 2, x -> 0.0));
    assertEquals(1 + 4 + 16 + 64, space.size());
    assertEquals(64, space.terminalCount());
    assertEquals(Math.log(64), space.logZ(), 1e-12);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BitSequence(10, 3, x -> 0));
    assertThrows(IllegalArgumentException.class, () -> BitSequenceModes.generate(8, 6, 1));
  }
}
