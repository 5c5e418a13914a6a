package org.gfn.envs;

/**
 * A GFlowNet environment: a DAG of states built action by action from one initial state.
 *
 * <p>States and actions are plain {@code int} values so that rollouts ship as primitive arrays.
 * Forward actions are numbered {@code 0..numActions()-1}; the last one is the <em>exit</em>
 * action, which ends a trajectory and makes the current state its terminal object x (torchgfn's
 * convention: exit leads to the sink state s_f, which is never materialised). Backward actions are
 * numbered {@code 0..numBackwardActions()-1} and never include exit (P_B(x | s_f) = 1).
 *
 * <p>Implementations are stateless and thread-safe: every method is a pure function of its
 * arguments, and {@link #step}/{@link #backwardStep} return new arrays. They implement the
 * single-state transition only; batching lives in the sampler. Rewards are injected
 * ({@link LogReward}), so a task can swap them.
 *
 * <p>Optional capabilities ({@link #intermediateLogReward}, exact enumeration through
 * {@link StateSpace}) default to "unsupported" with a clear error.
 */
public interface Environment {

  /** Short name used in logs and configs, e.g. {@code hypergrid(D=4,H=8)}. */
  String name();

  /** Length of every state array. */
  int stateSize();

  /** Number of forward actions, exit included (exit is {@link #exitAction()}). */
  int numActions();

  /** Number of backward actions (exit excluded). */
  int numBackwardActions();

  /** The index of the exit action: always {@code numActions() - 1}. */
  default int exitAction() {
    return numActions() - 1;
  }

  /** A fresh copy of the initial state s_0. */
  int[] initialState();

  /**
   * The initial state of one trajectory, drawn with the trajectory's own {@code rng} by an
   * environment with several (an {@link InstanceConditioned} family: one per training instance);
   * the default is {@link #initialState()} and draws nothing.
   */
  default int[] initialState(java.util.SplittableRandom rng) {
    return initialState();
  }

  /** Whether {@code s} is s_0 (one of them, in an {@link InstanceConditioned} family). */
  boolean isInitial(int[] s);

  /** Writes which forward actions are legal in {@code s} (exit included) into {@code mask}. */
  void forwardMask(int[] s, boolean[] mask);

  /** Writes which backward actions are legal in {@code s} into {@code mask}; all false at s_0. */
  void backwardMask(int[] s, boolean[] mask);

  /** The state reached from {@code s} by the non-exit forward action {@code a} (a new array). */
  int[] step(int[] s, int a);

  /** The parent reached from {@code s} by backward action {@code b} (a new array). */
  int[] backwardStep(int[] s, int b);

  /** The backward action that undoes forward action {@code a} taken in {@code parent}. */
  int backwardActionOf(int[] parent, int a);

  /** The forward action that leads from {@code backwardStep(s, b)} back to {@code s}. */
  int forwardActionOf(int[] s, int b);

  /** log R(x) of a state in which exit is legal. Always finite (checked by {@link Environments}). */
  double logReward(int[] x);

  /**
   * σ of the noise on observed rewards: a sampled trajectory records log R(x) + σε − σ²/2 with
   * ε ~ N(0, 1), a multiplicative log-normal noise of mean one, so E[observed R] = R(x) and the
   * target stays R / Z. 0 (the default): rewards are deterministic.
   */
  default double rewardNoise() {
    return 0;
  }

  /**
   * log of how many terminal states represent one object (a tree rooted on each of its edges): the
   * marginal likelihood of a Bayesian task is Z divided by it. 0 by default.
   */
  default double logTerminalMultiplicity() {
    return 0;
  }

  /**
   * Whether the environment, not only the policy, decides the next state: choosing forward action
   * a in s then executes a move e drawn from T(e | s, a) ({@link #transitionProbabilities}).
   * Trajectories record the chosen actions; their consecutive states say which move was executed.
   */
  default boolean stochasticTransitions() {
    return false;
  }

  /** T(· | s, a) over the forward actions into {@code out}; deterministic: all mass on {@code a}. */
  default void transitionProbabilities(int[] s, int a, double[] out) {
    java.util.Arrays.fill(out, 0, numActions(), 0.0);
    out[a] = 1.0;
  }

  /**
   * The move executed when the policy chooses {@code a} in {@code s}, drawn from T(· | s, a) with
   * {@code rng}; a deterministic environment returns {@code a} and draws nothing.
   */
  default int executedAction(int[] s, int a, java.util.SplittableRandom rng) {
    return a;
  }

  /** The environment itself, or the one a wrapper ({@link RandomActions}) wraps, for task-specific metrics. */
  default Environment unwrap() {
    return this;
  }

  /** The backward action from {@code s} to its parent {@code parent} (the forward move executed between them). */
  default int backwardActionBetween(int[] parent, int[] s) {
    boolean[] mask = new boolean[numBackwardActions()];
    backwardMask(s, mask);
    for (int b = 0; b < mask.length; b++) {
      if (mask[b] && java.util.Arrays.equals(backwardStep(s, b), parent)) return b;
    }
    throw new IllegalArgumentException(java.util.Arrays.toString(parent) + " is not a parent of " + java.util.Arrays.toString(s));
  }

  /**
   * −E(s) for every state, the intermediate energy that forward-looking detailed balance uses
   * (Pan et al. 2023). Only environments whose reward is defined on partial objects have one.
   */
  default double intermediateLogReward(int[] s) {
    throw new UnsupportedOperationException(
        name() + " defines no intermediate energies, so forward-looking DB (FLDB) cannot train on it;"
            + " choose TB, DB, SubTB, FM or ZVar");
  }

  /** Whether {@link #intermediateLogReward} is defined. */
  default boolean hasIntermediateRewards() {
    return false;
  }

  /**
   * The entity view of the features, for set and graph policies ({@code gfn.policy.type = set |
   * graph}), or {@code null} when the features are a flat vector only an MLP reads.
   */
  default EntityLayout entityLayout() {
    return null;
  }

  /**
   * Optional, with an {@link #entityLayout}: per entity of {@code s}, a key whose equality implies
   * equal entity rows in {@link #encode} ({@code null} for an absent entity), so that a set policy
   * can reuse the encodings of entities it has seen without writing or reading their features
   * (a phylogenetic root: its exact subtree). {@code null} (the default): not supported.
   */
  default Object[] entityKeys(int[] s) {
    return null;
  }

  /**
   * Writes entity {@code i}'s row of {@link #encode}(s) ({@link EntityLayout#features} values) to
   * {@code out[offset ..]}. The default encodes the whole state and copies the row.
   */
  default void encodeEntity(int[] s, int i, float[] out, int offset) {
    int f = entityLayout().features();
    float[] all = new float[featureSize()];
    encode(s, all, 0);
    System.arraycopy(all, i * f, out, offset, f);
  }

  /**
   * With an {@link EntityLayout} that has choice actions: the entity a choice in {@code s} concerns,
   * or −1 when no choice is legal. Its row's first own value (after the presence flag) is 1, every
   * other row's 0, so policies find it from the features or from this method alike.
   */
  default int choosingEntity(int[] s) {
    return -1;
  }

  /** Length of the feature vector the policy reads. */
  int featureSize();

  /** Writes the features of {@code s} into {@code out[offset .. offset + featureSize())}. */
  void encode(int[] s, float[] out, int offset);

  /** Upper bound on the number of actions in a trajectory, exit included. */
  int maxTrajectoryLength();

  /**
   * Upper bound on the number of states reachable from s_0, or {@code -1} when the space is too
   * large to enumerate. {@link StateSpace#of(Environment)} refuses environments that return -1.
   */
  default long enumerableStates() {
    return -1;
  }
}
