package org.gfn.model.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.replay.Trajectory;

/**
 * Runs {@link LocalSearch} on executors (or in the local loop): samples objects, then revises each
 * one {@code revisions} times. A revision draws a complete backward path τ of the current object x
 * with P_B (all chains in one batched forward per step), keeps its first n − K steps (n = its
 * length, K = min(backtrack-steps, n)), rebuilds the rest with the behaviour policy into x' and
 * accepts or rejects. The chain's state after a revision is the rebuilt trajectory when accepted,
 * the fresh backward path of x otherwise.
 *
 * <p>Metropolis is exact on the space of (object, path) pairs with target R(x)·P_B(τ|x): drawing
 * τ ~ P_B(·|x) is a Gibbs move on it, and the destroy-and-rebuild move is reversible only when
 * x' keeps the same cut (its own n' − min(K, n') equals n − K); other proposals are rejected, which
 * matters only where trajectory lengths vary (HyperGrid), never on fixed-length sequences.
 */
public final class LocalSearchRefiner {
  private final Environment env;
  private final PolicyEvaluator policy;
  private final RolloutSampler sampler;
  private final PolicyArchitecture arch;

  /** The sampled objects followed by each revision's chain states, and the acceptance count. */
  public record Result(Trajectory[] trajectories, int proposals, int accepted) {
    public double acceptance() {
      return proposals == 0 ? Double.NaN : accepted / (double) proposals;
    }
  }

  /** A backward path in forward order with its per-step log-probabilities. */
  private record Path(List<int[]> states, int[] actions, double[] logF, double[] logB) {
    int n() {
      return states.size() - 1;
    }
  }

  public LocalSearchRefiner(Environment env, PolicyEvaluator policy) {
    this.env = env;
    this.policy = policy;
    this.sampler = new RolloutSampler(env, policy);
    this.arch = policy.architecture();
  }

  /**
   * Samples {@code n / ls.groupSize()} objects and refines them: trajectory j of the result has
   * id {@code firstId + j} and seed {@code Seeds.derive(seed, j)}; the first n / groupSize are the
   * samples, then come the chain states after revision 1, 2, …
   *
   * @throws IllegalArgumentException when n is not a multiple of the group size
   */
  public Result sample(int n, Exploration exploration, LocalSearch ls, long seed, long firstId, long version) {
    if (n % ls.groupSize() != 0) {
      throw new IllegalArgumentException(n + " trajectories are not a whole number of local-search groups of "
          + ls.groupSize() + " (1 sample + " + ls.revisions() + " revisions)");
    }
    return refine(sampler.sample(n / ls.groupSize(), exploration, seed, firstId, version), exploration, ls, seed,
        firstId, version);
  }

  /**
   * Revises given objects (their trajectories may take any path to them): the result holds them,
   * then the chain states after each revision, trajectory j with id {@code firstId + j} and, from
   * the revisions on, seed {@code Seeds.derive(seed, j)}.
   */
  public Result refine(Trajectory[] sampled, Exploration exploration, LocalSearch ls, long seed, long firstId,
      long version) {
    int m = sampled.length;
    int n = m * ls.groupSize();
    Trajectory[] all = new Trajectory[n];
    System.arraycopy(sampled, 0, all, 0, m);
    Trajectory[] current = sampled.clone();
    int accepted = 0;
    for (int r = 1; r <= ls.revisions(); r++) {
      SplittableRandom[] rngs = new SplittableRandom[m];
      long[] seeds = new long[m];
      for (int i = 0; i < m; i++) {
        seeds[i] = Seeds.derive(seed, (long) r * m + i);
        rngs[i] = new SplittableRandom(seeds[i]);
      }
      Path[] paths = backtrack(current, rngs, exploration);
      int[][] starts = new int[m][];
      for (int i = 0; i < m; i++) starts[i] = paths[i].states().get(cut(paths[i].n(), ls));
      RolloutSampler.Walk[] walks = sampler.walk(starts, rngs, exploration, true);
      for (int i = 0; i < m; i++) {
        long id = firstId + (long) r * m + i;
        Trajectory next = revise(current[i], paths[i], walks[i], ls, rngs[i], id, seeds[i], version);
        if (next != null) {
          accepted++;
        } else {
          Path p = paths[i];
          next = sampler.build(id, seeds[i], version, p.states(), p.actions(), sum(p.logB(), 1, p.n()),
              Trajectory.Origin.LOCAL_SEARCH, current[i].logReward()); // x again: its reward is known
        }
        current[i] = next;
        all[r * m + i] = next;
      }
    }
    return new Result(all, m * ls.revisions(), accepted);
  }

  /** Where the rebuilt segment starts on a path of n steps. */
  private static int cut(int n, LocalSearch ls) {
    return n - Math.min(ls.backtrackSteps(), n);
  }

  /** The rebuilt trajectory when the revision is accepted, null when it is rejected. */
  private Trajectory revise(Trajectory x, Path p, RolloutSampler.Walk walk, LocalSearch ls,
      SplittableRandom rng, long id, long seed, long version) {
    int c = cut(p.n(), ls);
    List<int[]> states = new ArrayList<>(p.states().subList(0, c));
    states.addAll(walk.states());
    int[] actions = new int[c + walk.actions().length];
    System.arraycopy(p.actions(), 0, actions, 0, c);
    System.arraycopy(walk.actions(), 0, actions, c, walk.actions().length);
    Trajectory y = sampler.build(id, seed, version, states, actions, sum(p.logB(), 1, c) + walk.logProb(),
        Trajectory.Origin.LOCAL_SEARCH);
    if (ls.accept() == LocalSearch.Accept.GREEDY) return y.logReward() > x.logReward() ? y : null;
    if (cut(states.size() - 1, ls) != c) return null; // the reverse move could not cut here
    double logA = y.logReward() - x.logReward() + walk.logBackward() - sum(p.logB(), c + 1, p.n())
        + sum(p.logF(), c, p.n()) - walk.logProb();
    return logA >= 0 || rng.nextDouble() < Math.exp(logA) ? y : null;
  }

  private static double sum(double[] a, int from, int to) {
    double s = 0;
    for (int t = from; t <= to; t++) s += a[t];
    return s;
  }

  /**
   * A complete backward path from each object with P_B, batched over objects. logF[t] is the
   * behaviour log-probability of the forward action taken in s_t (exit at t = n), logB[t] (t ≥ 1)
   * the log P_B of the step from s_t back to s_{t−1}.
   */
  private Path[] backtrack(Trajectory[] from, SplittableRandom[] rngs, Exploration exploration) {
    int m = from.length;
    int w = arch.outputWidth();
    List<List<int[]>> visited = new ArrayList<>(m);
    List<List<Integer>> stepActions = new ArrayList<>(m);
    double[][] visitF = new double[m][env.maxTrajectoryLength() + 1];
    double[][] visitB = new double[m][env.maxTrajectoryLength() + 1];
    int[][] current = new int[m][];
    int[] active = new int[m];
    for (int i = 0; i < m; i++) {
      current[i] = from[i].terminal();
      visited.add(new ArrayList<>(List.of(current[i])));
      stepActions.add(new ArrayList<>());
      active[i] = i;
    }
    int activeCount = m;
    float[] feats = new float[m * env.featureSize()];
    float[] out = new float[m * w];
    boolean[] mask = new boolean[env.numActions()];
    boolean[] backMask = new boolean[env.numBackwardActions()];
    double[] probs = new double[env.numActions()];
    double[] backProbs = new double[env.numBackwardActions()];
    int[][] batch = new int[m][];
    DistinctStates distinct = new DistinctStates();
    while (activeCount > 0) {
      for (int k = 0; k < activeCount; k++) batch[k] = current[active[k]];
      int rows = distinct.group(batch, activeCount, true);
      policy.evaluateStates(env, distinct.distinct(), rows, feats, out);
      int kept = 0;
      for (int k = 0; k < activeCount; k++) {
        int i = active[k];
        int o = distinct.slot(k) * w;
        int v = visited.get(i).size() - 1;
        List<Integer> acts = stepActions.get(i);
        env.forwardMask(current[i], mask);
        RolloutSampler.behaviour(out, o + arch.forwardOffset(), mask, exploration, probs);
        visitF[i][v] = Math.log(probs[v == 0 ? env.exitAction() : acts.get(v - 1)]);
        if (env.isInitial(current[i])) continue;
        int b = RolloutSampler.draw(sampler.backward(out, o, current[i], backMask, backProbs), rngs[i]);
        visitB[i][v] = Math.log(backProbs[b]);
        acts.add(env.forwardActionOf(current[i], b));
        current[i] = env.backwardStep(current[i], b);
        visited.get(i).add(current[i]);
        active[kept++] = i;
      }
      activeCount = kept;
    }
    Path[] paths = new Path[m];
    for (int i = 0; i < m; i++) paths[i] = forwardOrder(visited.get(i), stepActions.get(i), visitF[i], visitB[i]);
    return paths;
  }

  private Path forwardOrder(List<int[]> visited, List<Integer> stepActions, double[] visitF, double[] visitB) {
    int n = visited.size() - 1;
    List<int[]> states = new ArrayList<>(n + 1);
    int[] actions = new int[n + 1];
    double[] logF = new double[n + 1];
    double[] logB = new double[n + 1];
    for (int t = 0; t <= n; t++) {
      states.add(visited.get(n - t));
      logF[t] = visitF[n - t];
      if (t >= 1) logB[t] = visitB[n - t];
      actions[t] = t == n ? env.exitAction() : stepActions.get(n - 1 - t);
    }
    return new Path(states, actions, logF, logB);
  }
}
