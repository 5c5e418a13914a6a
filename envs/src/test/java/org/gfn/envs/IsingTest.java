package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IsingTest {
  private final IsingModel model = IsingModel.lattice(4, 0.1);

  @Test
  void invariantsAndEnumeration() {
    SpinSequence env = SpinSequence.ising(model);
    EnvironmentInvariants.check(env, 200, 1);
    StateSpace space = StateSpace.of(env);
    assertEquals((1 << 17) - 1, space.size());
    assertEquals(1 << 16, space.terminalCount());
  }

  @Test
  void energyCountsEveryLatticeEdgeTwice() {
    int[] up = new int[16];
    java.util.Arrays.fill(up, 1);
    // 32 edges on the 4x4 torus, each in xᵀJx twice: 64·σ
    assertEquals(6.4, model.logReward(up), 1e-12);
    assertEquals(1.0, model.neighbourCorrelation(up), 1e-12);
    int[] checker = new int[16];
    for (int i = 0; i < 16; i++) checker[i] = ((i / 4) + (i % 4)) % 2 == 0 ? 1 : -1;
    assertEquals(-6.4, model.logReward(checker), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> IsingModel.lattice(2, 0.1));
  }

  @Test
  void intermediateEnergyIsTheEnergyOfTheBondsAmongSetSpins() {
    SpinSequence env = SpinSequence.ising(model);
    assertTrue(env.hasIntermediateRewards());
    int[] s = env.initialState();
    assertEquals(0.0, env.intermediateLogReward(s), 1e-12);
    s = env.step(env.step(s, 1), 1); // sites 0 and 1 up: one bond, counted twice
    assertEquals(0.2, env.intermediateLogReward(s), 1e-12);
    s = env.step(s, 0); // site 2 down: bond 1-2 is frustrated
    assertEquals(0.0, env.intermediateLogReward(s), 1e-12);
    int[] x = s;
    for (int i = 3; i < 16; i++) x = env.step(x, 1);
    assertEquals(env.logReward(x), env.intermediateLogReward(x), 1e-12);
    SpinSequence opaque = new SpinSequence(16, model::logReward);
    assertFalse(opaque.hasIntermediateRewards());
    assertThrows(UnsupportedOperationException.class, () -> opaque.intermediateLogReward(opaque.initialState()));
  }

  @Test
  void gibbsStatisticsMatchExactEnumeration() {
    double e = model.exactMean(model::energy);
    double m = model.exactMean(x -> Math.abs(IsingModel.magnetisation(x)));
    double c = model.exactMean(model::neighbourCorrelation);
    GibbsSampler.Statistics g = GibbsSampler.run(model, 500, 40_000, 7);
    assertEquals(e, g.energy(), 0.05);
    assertEquals(m, g.absMagnetisation(), 0.01);
    assertEquals(c, g.neighbourCorrelation(), 0.01);
    java.util.List<int[]> kept = GibbsSampler.samples(model, 500, 2, 20_000, 8);
    assertEquals(20_000, kept.size());
    assertEquals(c, kept.stream().mapToDouble(model::neighbourCorrelation).average().orElseThrow(), 0.01);
    assertThrows(IllegalArgumentException.class, () -> GibbsSampler.samples(model, 0, 0, 1, 1));
  }
}
