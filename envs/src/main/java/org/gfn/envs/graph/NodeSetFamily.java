package org.gfn.envs.graph;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;
import org.gfn.envs.InstanceConditioned;

/**
 * One graph problem over many graphs (Zhang et al. 2023's conditional GFlowNet): a state is the
 * instance's index followed by its problem's state padded with 0 to the largest graph's N nodes;
 * forward action v &lt; N acts on node v of the state's own graph (padded nodes are never legal),
 * action N is exit. The features are the problems' entity rows padded to N rows of 4 + N values
 * (padded nodes absent), so the policy sees the instance through its graph and needs no index.
 * Rewards and intermediate energies are the instance problem's own.
 */
public final class NodeSetFamily implements Environment, InstanceConditioned {
  private final List<NodeSetProblem> problems;
  private final int train;
  private final int nodes;
  private final String name;
  private final int member; // ≥ 0: this view starts every trajectory on that instance only

  /**
   * @param problems the training instances first, then the {@code problems.size() − train} held out
   * @param train how many of them are trained on (≥ 1)
   */
  public NodeSetFamily(List<? extends NodeSetProblem> problems, int train, String name) {
    this(problems, train, name, -1);
  }

  private NodeSetFamily(List<? extends NodeSetProblem> problems, int train, String name, int member) {
    this.member = member;
    if (train < 1 || train > problems.size()) {
      throw new IllegalArgumentException("need 1 to " + problems.size() + " training instances, got " + train);
    }
    this.problems = List.copyOf(problems);
    this.train = train;
    this.nodes = this.problems.stream().mapToInt(p -> p.n).max().orElseThrow();
    this.name = name;
    boolean maximises = this.problems.get(0).maximises();
    for (NodeSetProblem p : this.problems) {
      if (p.maximises() != maximises || p.getClass() != this.problems.get(0).getClass()) {
        throw new IllegalArgumentException("a family holds one problem on many graphs, got " + p.name());
      }
    }
  }

  /**
   * The family seen from instance {@code k} alone: the same states, actions and features, every
   * trajectory starting on instance k, and enumerable when that problem is (exact metrics of a
   * conditional policy on one of its graphs).
   */
  public NodeSetFamily member(int k) {
    if (k < 0 || k >= problems.size()) throw new IllegalArgumentException("no instance " + k + " of " + problems.size());
    return new NodeSetFamily(problems, train, name + "[" + k + "]", k);
  }

  @Override
  public long enumerableStates() {
    return member < 0 ? -1 : problems.get(member).enumerableStates();
  }

  /** Instance {@code k}'s problem. */
  public NodeSetProblem problem(int k) {
    return problems.get(k);
  }

  /** The state of {@code s}'s own problem (without the index and the padding). */
  public int[] local(int[] s) {
    return Arrays.copyOfRange(s, 1, 1 + problems.get(s[0]).n);
  }

  /** The objective of the solution {@code s} holds, on its own graph. */
  public int objective(int[] s) {
    return problems.get(s[0]).objective(local(s));
  }

  public boolean maximises() {
    return problems.get(0).maximises();
  }

  private int[] lift(int k, int[] local) {
    int[] s = new int[1 + nodes];
    s[0] = k;
    System.arraycopy(local, 0, s, 1, local.length);
    return s;
  }

  @Override public int instanceOf(int[] s) { return s[0]; }
  @Override public int trainInstances() { return train; }
  @Override public int testInstances() { return problems.size() - train; }
  @Override public String name() { return name; }
  @Override public int stateSize() { return 1 + nodes; }
  @Override public int numActions() { return nodes + 1; }
  @Override public int numBackwardActions() { return nodes; }
  @Override public int[] initialState() { return initialState(Math.max(member, 0)); }

  @Override
  public int[] initialState(int k) {
    return lift(k, problems.get(k).initialState());
  }

  /** A training instance drawn uniformly with the trajectory's stream (a {@link #member} view: its own). */
  @Override
  public int[] initialState(SplittableRandom rng) {
    return member >= 0 ? initialState(member) : initialState(rng.nextInt(train));
  }

  @Override
  public boolean isInitial(int[] s) {
    return problems.get(s[0]).isInitial(local(s));
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    NodeSetProblem p = problems.get(s[0]);
    boolean[] own = new boolean[p.n + 1];
    p.forwardMask(local(s), own);
    Arrays.fill(mask, false);
    System.arraycopy(own, 0, mask, 0, p.n);
    mask[nodes] = own[p.n];
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    NodeSetProblem p = problems.get(s[0]);
    boolean[] own = new boolean[p.n];
    p.backwardMask(local(s), own);
    Arrays.fill(mask, false);
    System.arraycopy(own, 0, mask, 0, p.n);
  }

  @Override
  public int[] step(int[] s, int a) {
    NodeSetProblem p = problems.get(s[0]);
    if (a >= p.n) throw new IllegalArgumentException("illegal forward action " + a + " on a graph of " + p.n + " nodes");
    return lift(s[0], p.step(local(s), a));
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    NodeSetProblem p = problems.get(s[0]);
    if (b >= p.n) throw new IllegalArgumentException("illegal backward action " + b + " on a graph of " + p.n + " nodes");
    return lift(s[0], p.backwardStep(local(s), b));
  }

  @Override public int backwardActionOf(int[] parent, int a) { return a; }
  @Override public int forwardActionOf(int[] s, int b) { return b; }

  @Override
  public double logReward(int[] x) {
    return problems.get(x[0]).logReward(local(x));
  }

  @Override
  public double intermediateLogReward(int[] s) {
    return problems.get(s[0]).intermediateLogReward(local(s));
  }

  @Override public boolean hasIntermediateRewards() { return true; }

  @Override
  public EntityLayout entityLayout() {
    return new EntityLayout(nodes, 4 + nodes, false, true);
  }

  @Override
  public int featureSize() {
    return nodes * (4 + nodes);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    NodeSetProblem p = problems.get(s[0]);
    int row = 4 + nodes;
    p.encodeRows(local(s), out, offset, row);
    Arrays.fill(out, offset + p.n * row, offset + nodes * row, 0f);
  }

  @Override
  public int maxTrajectoryLength() {
    return nodes + 1;
  }
}
