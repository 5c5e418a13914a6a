package org.gfn.envs;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Stochastic transitions for any environment (the stochasticity of Stochastic GFlowNets' grid,
 * Pan et al. 2023): with probability p the environment ignores the chosen move and executes a
 * uniformly random legal move instead; exit is never replaced nor drawn. Everything else is the
 * wrapped environment's ({@link #unwrap}). With p = 0 nothing is drawn, so it is the wrapped
 * environment draw for draw.
 */
public final class RandomActions implements Environment {
  private final Environment inner;
  private final double p;

  public RandomActions(Environment inner, double p) {
    if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("random-action probability must be in [0, 1], got " + p);
    this.inner = inner;
    this.p = p;
  }

  /** How many legal moves (exit excluded) s has; {@code mask} is scratch. */
  private int moves(int[] s, boolean[] mask) {
    inner.forwardMask(s, mask);
    mask[exitAction()] = false;
    int m = 0;
    for (boolean b : mask) if (b) m++;
    return m;
  }

  @Override
  public boolean stochasticTransitions() {
    return p > 0;
  }

  @Override
  public void transitionProbabilities(int[] s, int a, double[] out) {
    Arrays.fill(out, 0, numActions(), 0.0);
    if (a == exitAction() || p == 0) {
      out[a] = 1.0;
      return;
    }
    boolean[] mask = new boolean[numActions()];
    int m = moves(s, mask);
    for (int e = 0; e < mask.length; e++) if (mask[e]) out[e] = p / m;
    out[a] += 1 - p;
  }

  @Override
  public int executedAction(int[] s, int a, SplittableRandom rng) {
    if (a == exitAction() || p == 0 || rng.nextDouble() >= p) return a;
    boolean[] mask = new boolean[numActions()];
    int k = rng.nextInt(moves(s, mask));
    for (int e = 0; e < mask.length; e++) if (mask[e] && k-- == 0) return e;
    throw new IllegalStateException("no legal move");
  }

  @Override
  public Environment unwrap() {
    return inner.unwrap();
  }

  @Override
  public String name() {
    return inner.name() + " with random actions p=" + p;
  }

  // Everything below is the wrapped environment's.

  @Override public int stateSize() { return inner.stateSize(); }
  @Override public int numActions() { return inner.numActions(); }
  @Override public int numBackwardActions() { return inner.numBackwardActions(); }
  @Override public int exitAction() { return inner.exitAction(); }
  @Override public int[] initialState() { return inner.initialState(); }
  @Override public int[] initialState(java.util.SplittableRandom rng) { return inner.initialState(rng); }
  @Override public boolean isInitial(int[] s) { return inner.isInitial(s); }
  @Override public void forwardMask(int[] s, boolean[] mask) { inner.forwardMask(s, mask); }
  @Override public void backwardMask(int[] s, boolean[] mask) { inner.backwardMask(s, mask); }
  @Override public int[] step(int[] s, int a) { return inner.step(s, a); }
  @Override public int[] backwardStep(int[] s, int b) { return inner.backwardStep(s, b); }
  @Override public int backwardActionOf(int[] parent, int a) { return inner.backwardActionOf(parent, a); }
  @Override public int forwardActionOf(int[] s, int b) { return inner.forwardActionOf(s, b); }
  @Override public int backwardActionBetween(int[] parent, int[] s) { return inner.backwardActionBetween(parent, s); }
  @Override public double logReward(int[] x) { return inner.logReward(x); }
  @Override public double rewardNoise() { return inner.rewardNoise(); }
  @Override public double logTerminalMultiplicity() { return inner.logTerminalMultiplicity(); }
  @Override public double intermediateLogReward(int[] s) { return inner.intermediateLogReward(s); }
  @Override public boolean hasIntermediateRewards() { return inner.hasIntermediateRewards(); }
  @Override public EntityLayout entityLayout() { return inner.entityLayout(); }
  @Override public Object[] entityKeys(int[] s) { return inner.entityKeys(s); }
  @Override public void encodeEntity(int[] s, int i, float[] out, int offset) { inner.encodeEntity(s, i, out, offset); }
  @Override public int choosingEntity(int[] s) { return inner.choosingEntity(s); }
  @Override public int featureSize() { return inner.featureSize(); }
  @Override public void encode(int[] s, float[] out, int offset) { inner.encode(s, out, offset); }
  @Override public int maxTrajectoryLength() { return inner.maxTrajectoryLength(); }
  @Override public long enumerableStates() { return inner.enumerableStates(); }
}
