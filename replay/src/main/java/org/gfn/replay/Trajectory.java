package org.gfn.replay;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One complete trajectory s_0 → … → s_L = x → exit, as primitive arrays.
 *
 * <p>{@code states} holds s_0..s_L flattened ((L+1)·stateSize ints); {@code actions} holds the L
 * forward actions and the final exit (L+1 ints). {@code behaviourLogProb} is Σ log P_F under the
 * policy that sampled it, kept for diagnostics only: learners recompute log-probabilities under
 * their current parameters. {@code origin} says how the object was found: sampled by the policy,
 * or produced by a local-search revision of a sampled one (then {@code behaviourLogProb} is the
 * log-probability of the revision that produced it: P_B of the kept prefix times the behaviour
 * policy's reconstruction, or P_B of the whole path when the revision was rejected). {@code beta}
 * is the inverse temperature the trajectory was sampled and is trained at (its target is R(x)^β;
 * 1 unless the policy is temperature-conditioned); {@code logReward} is always log R(x) itself. A
 * plain final class (not a record) so Kryo can rebuild it.
 */
public final class Trajectory implements Serializable {
  private static final long serialVersionUID = 3L;

  /** How a trajectory came about; its {@link #label} is the replay log's {@code origin} value. */
  public enum Origin {
    SAMPLED("sampled"), LOCAL_SEARCH("local_search");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final long id;
  private final long seed;
  private final long policyVersion;
  private final int stateSize;
  private final int[] states;
  private final int[] actions;
  private final double logReward;
  private final double behaviourLogProb;
  private final Origin origin;
  private final double beta;

  /** A trajectory sampled by the policy. */
  public Trajectory(long id, long seed, long policyVersion, int stateSize, int[] states,
      int[] actions, double logReward, double behaviourLogProb) {
    this(id, seed, policyVersion, stateSize, states, actions, logReward, behaviourLogProb, Origin.SAMPLED);
  }

  public Trajectory(long id, long seed, long policyVersion, int stateSize, int[] states,
      int[] actions, double logReward, double behaviourLogProb, Origin origin) {
    this(id, seed, policyVersion, stateSize, states, actions, logReward, behaviourLogProb, origin, 1.0);
  }

  public Trajectory(long id, long seed, long policyVersion, int stateSize, int[] states,
      int[] actions, double logReward, double behaviourLogProb, Origin origin, double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("inverse temperature beta must be finite and > 0, got " + beta);
    if (stateSize <= 0 || states.length != actions.length * stateSize) {
      throw new IllegalArgumentException("a trajectory with " + actions.length + " actions needs "
          + actions.length + " states of size " + stateSize + ", got " + states.length + " ints");
    }
    this.id = id;
    this.seed = seed;
    this.policyVersion = policyVersion;
    this.stateSize = stateSize;
    this.states = states;
    this.actions = actions;
    this.logReward = logReward;
    this.behaviourLogProb = behaviourLogProb;
    this.origin = java.util.Objects.requireNonNull(origin, "origin");
    this.beta = beta;
  }

  /** The same trajectory trained at inverse temperature {@code beta} (its arrays shared). */
  public Trajectory withBeta(double beta) {
    return new Trajectory(id, seed, policyVersion, stateSize, states, actions, logReward, behaviourLogProb, origin, beta);
  }

  /** Unique id (run-wide). */
  public long id() {
    return id;
  }

  /** The seed of the random stream that produced this trajectory. */
  public long seed() {
    return seed;
  }

  /** Version of the policy snapshot that sampled it. */
  public long policyVersion() {
    return policyVersion;
  }

  public int stateSize() {
    return stateSize;
  }

  /** Number of actions, exit included (= number of states s_0..s_L). */
  public int length() {
    return actions.length;
  }

  /** A copy of state t, 0 ≤ t ≤ L. */
  public int[] state(int t) {
    return Arrays.copyOfRange(states, t * stateSize, (t + 1) * stateSize);
  }

  /** The terminal object x = s_L. */
  public int[] terminal() {
    return state(actions.length - 1);
  }

  public int action(int t) {
    return actions[t];
  }

  /** The flattened states (shared, do not modify). */
  public int[] statesView() {
    return states;
  }

  /** The actions (shared, do not modify). */
  public int[] actionsView() {
    return actions;
  }

  public double logReward() {
    return logReward;
  }

  public double behaviourLogProb() {
    return behaviourLogProb;
  }

  public Origin origin() {
    return origin;
  }

  /** The inverse temperature β of this trajectory's target R(x)^β (1 when unconditioned). */
  public double beta() {
    return beta;
  }

  @Override
  public String toString() {
    return "Trajectory[id=" + id + ", v=" + policyVersion + ", len=" + length()
        + ", x=" + Arrays.toString(terminal()) + ", logR=" + logReward + (origin == Origin.SAMPLED ? "" : ", " + origin.label())
        + (beta == 1.0 ? "" : ", beta=" + beta) + "]";
  }
}
