package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HyperGridTest {

  @Test
  void invariantsHold() {
    EnvironmentInvariants.check(new HyperGrid(4, 8, HyperGridRewards.preset("torchgfn", 8)), 200, 1);
    EnvironmentInvariants.check(new HyperGrid(2, 5, HyperGridRewards.sparse(2, 5)), 200, 2);
  }

  @Test
  void exactLogZMatchesTheLiterature() {
    StateSpace space = StateSpace.of(new HyperGrid(4, 8, HyperGridRewards.original(8, 0.1, 0.5, 2.0)));
    assertEquals(4096, space.size());
    assertEquals(4096, space.terminalCount());
    assertEquals(6.344934, space.logZ(), 1e-6);
    assertEquals(1.0, java.util.Arrays.stream(space.targetDistribution()).sum(), 1e-12);
  }

  @Test
  void exactLogZOfTheGfnxPresetsOn20To4() {
    StateSpace easy = StateSpace.of(new HyperGrid(4, 20, HyperGridRewards.preset("easy", 20)));
    assertEquals(160_000, easy.size());
    assertEquals(8.643297, easy.logZ(), 1e-5);
    StateSpace hard = StateSpace.of(new HyperGrid(4, 20, HyperGridRewards.preset("hard", 20)));
    assertEquals(9.285819, hard.logZ(), 1e-5);
  }

  @Test
  void topologicalOrderPutsParentsFirst() {
    StateSpace space = StateSpace.of(new HyperGrid(3, 4, HyperGridRewards.preset("torchgfn", 4)));
    assertEquals(0, space.indexOf(new int[3]));
    for (int i = 0; i < space.size(); i++) {
      for (int e = space.edgeStart(i); e < space.edgeEnd(i); e++) {
        assertTrue(space.edgeChild(e) > i, "child must come after its parent");
      }
    }
  }

  @Test
  void sparseRewardHasTorchgfnTargets() {
    LogReward r = HyperGridRewards.sparse(2, 6);
    // targets: coordinates in {1, 4}, not all 1s
    assertEquals(Math.log(1 + 1e-12), r.logReward(new int[] {4, 4}), 1e-15);
    assertEquals(Math.log(1 + 1e-12), r.logReward(new int[] {1, 4}), 1e-15);
    assertEquals(Math.log(1e-12), r.logReward(new int[] {1, 1}), 1e-12);
    assertEquals(Math.log(1e-12), r.logReward(new int[] {2, 4}), 1e-12);
  }

  @Test
  void originalRewardRegions() {
    LogReward r = HyperGridRewards.original(8, 0.1, 0.5, 2.0);
    assertEquals(Math.log(2.6), r.logReward(new int[] {1, 1, 6, 1}), 1e-12); // a = 0.357: ring
    assertEquals(Math.log(0.6), r.logReward(new int[] {0, 0, 7, 0}), 1e-12); // a = 0.5: outer only
    assertEquals(Math.log(0.1), r.logReward(new int[] {3, 0, 0, 0}), 1e-12);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HyperGrid(0, 8, x -> 0));
    assertThrows(IllegalArgumentException.class, () -> HyperGridRewards.preset("medium", 8));
    assertThrows(IllegalArgumentException.class, () -> HyperGridRewards.original(8, 0, 0.5, 2));
    HyperGrid nan = new HyperGrid(2, 3, x -> Double.NaN);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Environments.checkedLogReward(nan, new int[] {0, 0}));
    assertTrue(e.getMessage().contains("NaN"));
    HyperGrid big = new HyperGrid(12, 20, x -> 0);
    assertThrows(UnsupportedOperationException.class, () -> StateSpace.of(big));
  }
}
