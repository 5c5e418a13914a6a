package org.gfn.envs.graph;

/**
 * Maximum cut on one graph (Zhang et al. 2023): a state is a node set S (1 for members, 0
 * otherwise); forward action {@code v} puts a node outside S into it, and exit is legal in every
 * state, so every subset is a terminal state. Backward action {@code v} takes a member out.
 * log R(x) = cut(x) / T with cut(S) the number of edges between S and the other nodes, and the
 * same for partial sets (forward-looking DB's energy). Features as {@link IndependentSet}'s: per
 * node presence, status one-hot (out of S with no gain from joining / in S / out of S with a
 * positive gain: more neighbours outside S than in it) and adjacency row.
 */
public final class MaxCut extends NodeSetProblem {
  private static final int MAX_ENUMERABLE_NODES = 22;

  public MaxCut(Graph graph, double temperature) {
    super(graph, temperature, +1);
  }

  /** The greedy reference: {@link Greedy}'s solution on this problem's graph. */
  @Override
  public int[] greedy() {
    return Greedy.maxCut(graph);
  }

  @Override
  public int objective(int[] s) {
    return cut(s);
  }

  /** Edges with exactly one end in S. */
  public int cut(int[] s) {
    int k = 0;
    for (int v = 0; v < n; v++) {
      if (s[v] != 1) continue;
      for (int w : graph.neighbours(v)) if (s[w] != 1) k++;
    }
    return k;
  }

  /** How much the cut grows when node v changes side: its same-side neighbours less its other-side ones. */
  public int gain(int[] s, int v) {
    int same = 0;
    for (int w : graph.neighbours(v)) if (s[w] == s[v]) same++;
    return 2 * same - graph.neighbours(v).length;
  }

  /** Out of S without gain (0), in S (1), out of S with a positive gain (2). */
  @Override
  int status(int[] s, int v) {
    return s[v] == 1 ? 1 : gain(s, v) > 0 ? 2 : 0;
  }

  @Override
  public String name() {
    return "maxcut(" + graph + ")";
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    for (int v = 0; v < n; v++) mask[v] = s[v] == 0;
    mask[n] = true;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    for (int v = 0; v < n; v++) mask[v] = s[v] == 1;
  }

  @Override
  public int[] step(int[] s, int a) {
    if (a < 0 || a >= n || s[a] != 0) throw new IllegalArgumentException("illegal forward action " + a);
    int[] t = s.clone();
    t[a] = 1;
    return t;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    if (b < 0 || b >= n || s[b] != 1) throw new IllegalArgumentException("illegal backward action " + b);
    int[] t = s.clone();
    t[b] = 0;
    return t;
  }

  /** Every subset of the nodes: 2^n, enumerable up to {@value #MAX_ENUMERABLE_NODES} nodes. */
  @Override
  public long enumerableStates() {
    return n <= MAX_ENUMERABLE_NODES ? 1L << n : -1;
  }
}
