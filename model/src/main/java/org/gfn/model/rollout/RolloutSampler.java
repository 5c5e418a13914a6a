package org.gfn.model.rollout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.envs.Environments;
import org.gfn.model.policy.ActionDistribution;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.replay.Trajectory;

/**
 * Rolls out many trajectories at once: every step evaluates the distinct states of all active
 * trajectories in one batched forward ({@link DistinctStates}), then each draws its action from its
 * own random stream (seeded by {@link Seeds#derive}(seed, i)), so trajectory i can be reproduced
 * alone ({@link BackwardSampler} samples backward from given objects). Not thread-safe: one sampler
 * per thread.
 */
public final class RolloutSampler {
  private final Environment env;
  private final PolicyEvaluator policy;
  private final PolicyArchitecture arch;
  private final int nA;
  private final int nB;
  private final int f;
  private final int w;

  public RolloutSampler(Environment env, PolicyEvaluator policy) {
    this.env = env;
    this.policy = policy;
    this.arch = policy.architecture();
    this.nA = env.numActions();
    this.nB = env.numBackwardActions();
    this.f = env.featureSize();
    this.w = arch.outputWidth();
    if (arch.featureSize() != f || arch.numActions() != nA || arch.numBackwardActions() != nB) {
      throw new IllegalArgumentException("policy architecture " + arch + " does not fit " + env.name());
    }
  }

  /**
   * Samples {@code n} forward trajectories; a temperature-conditioned policy draws each one's β
   * from its training distribution (first draw of the trajectory's stream).
   *
   * @param firstId id of the first trajectory; the others follow consecutively
   * @param seed seed of this batch; trajectory i uses {@code Seeds.derive(seed, i)}
   * @param version policy version stamped on the trajectories
   */
  public Trajectory[] sample(int n, Exploration exploration, long seed, long firstId, long version) {
    return sample(n, exploration, seed, firstId, version, Double.NaN);
  }

  /**
   * As above; a temperature-conditioned policy samples every trajectory at {@code beta} (NaN: each
   * draws its own from the training distribution).
   */
  public Trajectory[] sample(int n, Exploration exploration, long seed, long firstId, long version, double beta) {
    TemperatureConditioning tc = policy.temperature();
    if (tc == null && !Double.isNaN(beta)) {
      throw new IllegalArgumentException("this policy is not temperature-conditioned: it samples at beta 1 only");
    }
    int[][] starts = new int[n][];
    SplittableRandom[] rngs = new SplittableRandom[n];
    long[] seeds = new long[n];
    double[] betas = tc == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      seeds[i] = Seeds.derive(seed, i);
      rngs[i] = new SplittableRandom(seeds[i]);
      starts[i] = env.initialState(rngs[i]);
      if (betas != null) betas[i] = Double.isNaN(beta) ? tc.draw(rngs[i]) : beta;
    }
    Walk[] walks = walk(starts, rngs, exploration, false, betas);
    Trajectory[] result = new Trajectory[n];
    for (int i = 0; i < n; i++) {
      result[i] = buildAt(firstId + i, seeds[i], version, walks[i].states(), walks[i].actions(),
          walks[i].logProb(), Trajectory.Origin.SAMPLED, betas == null ? 1.0 : betas[i]);
    }
    return result;
  }

  /**
   * A forward walk from a start state to exit: the states visited (the start first), the actions
   * (exit last), Σ log π_b of the actions, and — when tracked — Σ log P_B of the transitions taken.
   */
  public record Walk(List<int[]> states, int[] actions, double logProb, double logBackward) {}

  /**
   * Walks every start state forward to exit with the behaviour policy, all active rows in one
   * batched forward per step; row i draws from {@code rngs[i]}. With {@code trackBackward}, the
   * state reached by each step is read for P_B of the step back (learned or uniform), from the same
   * forward that chooses its next action.
   */
  public Walk[] walk(int[][] starts, SplittableRandom[] rngs, Exploration exploration, boolean trackBackward) {
    return walk(starts, rngs, exploration, trackBackward, null);
  }

  /** As above, row i at inverse temperature {@code betas[i]} (null: an unconditioned policy). */
  Walk[] walk(int[][] starts, SplittableRandom[] rngs, Exploration exploration, boolean trackBackward,
      double[] betas) {
    int n = starts.length;
    double[] rowBetas = betas == null ? null : new double[n];
    List<List<int[]>> states = new ArrayList<>(n);
    int maxLen = env.maxTrajectoryLength();
    int[][] actions = new int[n][maxLen];
    int[] lengths = new int[n];
    double[] logProb = new double[n];
    double[] logBackward = new double[n];
    int[][] current = new int[n][];
    int[] active = new int[n];
    int activeCount = n;
    for (int i = 0; i < n; i++) {
      current[i] = starts[i];
      List<int[]> s = new ArrayList<>();
      s.add(current[i]);
      states.add(s);
      active[i] = i;
    }
    float[] feats = new float[n * f];
    float[] out = new float[n * w];
    boolean[] mask = new boolean[nA];
    boolean[] backMask = new boolean[nB];
    double[] probs = new double[nA];
    int[][] batch = new int[n][];
    DistinctStates distinct = new DistinctStates();
    while (activeCount > 0) {
      for (int k = 0; k < activeCount; k++) batch[k] = current[active[k]];
      if (rowBetas != null) {
        for (int k = 0; k < activeCount; k++) rowBetas[k] = betas[active[k]];
        policy.setBetas(rowBetas);
      }
      // rows at different temperatures differ beyond their state: evaluated one by one
      int rows = distinct.group(batch, activeCount, rowBetas == null);
      policy.evaluateStates(env, distinct.distinct(), rows, feats, out);
      int kept = 0;
      for (int k = 0; k < activeCount; k++) {
        int i = active[k];
        int o = distinct.slot(k) * w;
        if (trackBackward && lengths[i] > 0) {
          List<int[]> path = states.get(i);
          int b = env.backwardActionOf(path.get(path.size() - 2), actions[i][lengths[i] - 1]);
          logBackward[i] += logBackward(out, o, current[i], backMask, b);
        }
        env.forwardMask(current[i], mask);
        behaviour(out, o + arch.forwardOffset(), mask, exploration, probs);
        int a = draw(probs, rngs[i]);
        logProb[i] += Math.log(probs[a]);
        if (lengths[i] >= maxLen) {
          throw new IllegalStateException(env.name() + " trajectory exceeded maxTrajectoryLength " + maxLen);
        }
        actions[i][lengths[i]++] = a; // the chosen action; a stochastic environment may execute another move
        if (a == env.exitAction()) continue;
        current[i] = env.step(current[i], env.executedAction(current[i], a, rngs[i]));
        states.get(i).add(current[i]);
        active[kept++] = i;
      }
      activeCount = kept;
    }
    Walk[] result = new Walk[n];
    for (int i = 0; i < n; i++) {
      result[i] = new Walk(states.get(i), Arrays.copyOf(actions[i], lengths[i]), logProb[i], logBackward[i]);
    }
    return result;
  }

  /** log P_B(b | s) from an output row at {@code rowOff}, in log space (finite where P_B underflows). */
  private double logBackward(float[] out, int rowOff, int[] s, boolean[] mask, int b) {
    env.backwardMask(s, mask);
    if (arch.learnedBackward()) return ActionDistribution.logProbability(out, rowOff + arch.backwardOffset(), mask, b);
    int legal = 0;
    for (boolean m : mask) legal += m ? 1 : 0;
    return -Math.log(legal);
  }

  /** P_B(· | s) from an output row at {@code rowOff}: the learned head, or uniform over legal actions. */
  double[] backward(float[] out, int rowOff, int[] s, boolean[] mask, double[] probs) {
    env.backwardMask(s, mask);
    if (arch.learnedBackward()) {
      behaviour(out, rowOff + arch.backwardOffset(), mask, Exploration.ON_POLICY, probs);
    } else {
      uniform(mask, probs);
    }
    return probs;
  }

  /** A trajectory from its states s_0..x and actions (exit last); its reward is computed here. */
  Trajectory build(long id, long seed, long version, List<int[]> states, int[] actions, double lp,
      Trajectory.Origin origin) {
    return buildAt(id, seed, version, states, actions, lp, origin, 1.0);
  }

  /** As above, for a trajectory at inverse temperature {@code beta}. */
  private Trajectory buildAt(long id, long seed, long version, List<int[]> states, int[] actions, double lp,
      Trajectory.Origin origin, double beta) {
    double logReward = Environments.checkedLogReward(env, states.get(states.size() - 1));
    double sigma = env.rewardNoise();
    if (sigma > 0) { // its own stream, so the walk's draws are the same with and without noise
      logReward += sigma * new SplittableRandom(Seeds.derive(seed, 0x4e015e)).nextGaussian() - sigma * sigma / 2;
    }
    return new Trajectory(id, seed, version, env.stateSize(), flatten(states), actions, logReward, lp, origin, beta);
  }

  /** As above, with the terminal's log-reward already known. */
  Trajectory build(long id, long seed, long version, List<int[]> states, int[] actions, double lp,
      Trajectory.Origin origin, double logReward) {
    return new Trajectory(id, seed, version, env.stateSize(), flatten(states), actions, logReward, lp, origin);
  }

  private int[] flatten(List<int[]> states) {
    int ss = env.stateSize();
    int[] flat = new int[states.size() * ss];
    for (int t = 0; t < states.size(); t++) System.arraycopy(states.get(t), 0, flat, t * ss, ss);
    return flat;
  }

  static void behaviour(float[] out, int off, boolean[] mask, Exploration e, double[] probs) {
    ActionDistribution.probabilities(out, off, mask, e.epsilon(), e.temperature(), probs);
  }

  private static void uniform(boolean[] mask, double[] probs) {
    int legal = 0;
    for (boolean m : mask) legal += m ? 1 : 0;
    for (int j = 0; j < mask.length; j++) probs[j] = mask[j] ? 1.0 / legal : 0;
  }

  static int draw(double[] probs, SplittableRandom rng) {
    double u = rng.nextDouble();
    int last = -1;
    for (int j = 0; j < probs.length; j++) {
      if (probs[j] <= 0) continue;
      last = j;
      u -= probs[j];
      if (u < 0) return j;
    }
    return last; // rounding: the last legal action
  }
}
