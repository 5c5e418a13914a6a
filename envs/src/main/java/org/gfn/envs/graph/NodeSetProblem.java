package org.gfn.envs.graph;

import java.util.Arrays;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;

/**
 * What the graph problems that build a node set share: one graph, a state of one int per node,
 * forward action v acts on node v (exit last), backward action v undoes it; log R = sign·f(S) / T
 * with f the set's size or its cut, for partial sets too (forward-looking DB's energy); the entity view gives per node its presence,
 * a 3-way status one-hot and its adjacency row (graph policies; an MLP reads the same n·(4 + n)
 * values).
 */
public abstract class NodeSetProblem implements Environment {
  final Graph graph;
  final int n;
  private final double temperature;
  private final double sign;

  /** @param sign +1 to reward larger sets, −1 smaller ones */
  NodeSetProblem(Graph graph, double temperature, double sign) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("reward temperature must be > 0, got " + temperature);
    }
    this.graph = graph;
    this.n = graph.nodes();
    this.temperature = temperature;
    this.sign = sign;
  }

  /** What the reward scores: the set's size (MIS, MDS) or the cut's weight (MaxCut). */
  public abstract int objective(int[] s);

  /** The problem's greedy solution on this graph (a terminal state), the reference of its metrics. */
  public abstract int[] greedy();

  /** Whether a larger objective is better (MIS, MaxClique, MaxCut) or a smaller one (MDS). */
  public boolean maximises() {
    return sign > 0;
  }

  /** The status of node v for the features: 0, 1 or 2. */
  abstract int status(int[] s, int v);

  public Graph graph() {
    return graph;
  }

  @Override
  public int stateSize() {
    return n;
  }

  @Override
  public int numActions() {
    return n + 1;
  }

  @Override
  public int numBackwardActions() {
    return n;
  }

  @Override
  public int[] initialState() {
    return new int[n];
  }

  /** The initial state: every node 0 (undecided, or outside the set). */
  @Override
  public boolean isInitial(int[] s) {
    for (int v : s) if (v != 0) return false;
    return true;
  }

  @Override
  public int backwardActionOf(int[] parent, int a) {
    return a;
  }

  @Override
  public int forwardActionOf(int[] s, int b) {
    return b;
  }

  @Override
  public double logReward(int[] x) {
    return sign * objective(x) / temperature;
  }

  @Override
  public double intermediateLogReward(int[] s) {
    return sign * objective(s) / temperature;
  }

  @Override
  public boolean hasIntermediateRewards() {
    return true;
  }

  @Override
  public EntityLayout entityLayout() {
    return new EntityLayout(n, 4 + n, false, true);
  }

  @Override
  public int featureSize() {
    return n * (4 + n);
  }

  @Override
  public void encode(int[] s, float[] out, int offset) {
    encodeRows(s, out, offset, 4 + n);
  }

  /**
   * Writes the n node rows of {@link #encode} with {@code row} values each (≥ 4 + n: a family of
   * graphs pads every row to its largest graph); adjacency values beyond node n − 1 stay 0.
   */
  void encodeRows(int[] s, float[] out, int offset, int row) {
    Arrays.fill(out, offset, offset + n * row, 0f);
    for (int v = 0; v < n; v++) {
      int base = offset + v * row;
      out[base] = 1f;
      out[base + 1 + status(s, v)] = 1f;
      for (int w : graph.neighbours(v)) out[base + 4 + w] = 1f;
    }
  }

  @Override
  public int maxTrajectoryLength() {
    return n + 1;
  }
}
