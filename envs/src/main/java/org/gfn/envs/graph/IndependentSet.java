package org.gfn.envs.graph;

/**
 * Maximum independent set as a GFlowNet task on one graph (Zhang et al. 2023): a state gives each
 * node a status, undecided (0), in the set (1) or out (2, a neighbour is in); forward action
 * {@code v} puts undecided node v in the set and its undecided neighbours out; exit is legal only
 * once no node is undecided, so terminal states are the maximal independent sets. Backward action
 * {@code v} takes v out of the set (its neighbours with no other neighbour in the set become
 * undecided again). log R(x) = |x| / T, and the intermediate energy of a partial set is the same,
 * as forward-looking DB uses it. Features: the entity view, per node its presence, its status
 * one-hot and its adjacency row (graph policies; an MLP reads the same n·(4 + n) values).
 */
public final class IndependentSet extends NodeSetProblem {
  static final int UNDECIDED = 0;
  static final int IN = 1;
  static final int OUT = 2;
  private static final long MAX_ENUMERABLE = 5_000_000L;

  private final String name;

  /** @param temperature T &gt; 0 of the reward exp(|x| / T) */
  public IndependentSet(Graph graph, double temperature) {
    this(graph, temperature, "mis(" + graph + ")");
  }

  /**
   * Maximum clique of a graph G: maximum independent set of G's complement ({@code graph} =
   * G.complement(), named maxclique(G)); the sets are the same node sets.
   */
  public static IndependentSet maxClique(Graph g, double temperature) {
    return new IndependentSet(g.complement(), temperature, "maxclique(" + g + ")");
  }

  private IndependentSet(Graph graph, double temperature, String name) {
    super(graph, temperature, 1);
    this.name = name;
  }

  /** The greedy reference: {@link Greedy}'s solution on this problem's graph. */
  @Override
  public int[] greedy() {
    return Greedy.independentSet(graph);
  }

  @Override
  public int objective(int[] s) {
    return size(s);
  }

  @Override
  int status(int[] s, int v) {
    return s[v];
  }

  /** The size of the set a state holds. */
  public static int size(int[] s) {
    int k = 0;
    for (int v : s) if (v == IN) k++;
    return k;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    boolean any = false;
    for (int v = 0; v < n; v++) {
      mask[v] = s[v] == UNDECIDED;
      any |= mask[v];
    }
    mask[n] = !any;
  }

  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    for (int v = 0; v < n; v++) mask[v] = s[v] == IN;
  }

  @Override
  public int[] step(int[] s, int a) {
    if (a < 0 || a >= n || s[a] != UNDECIDED) throw new IllegalArgumentException("illegal forward action " + a);
    int[] t = s.clone();
    t[a] = IN;
    for (int w : graph.neighbours(a)) if (t[w] == UNDECIDED) t[w] = OUT;
    return t;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    if (b < 0 || b >= n || s[b] != IN) throw new IllegalArgumentException("illegal backward action " + b);
    int[] t = s.clone();
    t[b] = UNDECIDED;
    for (int w : graph.neighbours(b)) {
      if (t[w] != OUT) continue;
      boolean covered = false;
      for (int x : graph.neighbours(w)) covered |= t[x] == IN;
      if (!covered) t[w] = UNDECIDED;
    }
    return t;
  }

  /** The independent sets of the graph (every state is one), counted when n ≤ 24. */
  @Override
  public long enumerableStates() {
    if (n > 24) return -1;
    long count = countIndependentSets(0, new boolean[n]);
    return count <= MAX_ENUMERABLE ? count : -1;
  }

  private long countIndependentSets(int v, boolean[] blocked) {
    if (v == n) return 1;
    long without = countIndependentSets(v + 1, blocked);
    if (blocked[v]) return without;
    boolean[] next = blocked.clone();
    for (int w : graph.neighbours(v)) next[w] = true;
    return without + countIndependentSets(v + 1, next);
  }
}
