package org.gfn.envs.graph;

/**
 * Minimum dominating set on one graph (Zhang et al. 2023): a state is a node set S (status 1 for
 * members, 0 otherwise); forward action {@code v} adds a node outside S while some node is not yet
 * dominated (in S or next to it); exit is legal exactly when every node is dominated, so terminal
 * states are the dominating sets reached that way. Backward action {@code v} removes v from S when
 * that leaves some node undominated (a parent is never already complete). log R(x) = −|x| / T,
 * and the same for partial sets (forward-looking DB). Features as {@link IndependentSet}'s: per
 * node presence, status one-hot (out of S and undominated / in S / dominated) and adjacency row.
 */
public final class DominatingSet extends NodeSetProblem {
  private static final long MAX_ENUMERABLE = 5_000_000L;

  public DominatingSet(Graph graph, double temperature) {
    super(graph, temperature, -1);
  }

  /** The greedy reference: {@link Greedy}'s solution on this problem's graph. */
  @Override
  public int[] greedy() {
    return Greedy.dominatingSet(graph);
  }

  @Override
  public int objective(int[] s) {
    return size(s);
  }

  /** Out of S and undominated (0), in S (1), dominated (2). */
  @Override
  int status(int[] s, int v) {
    return s[v] == 1 ? 1 : dominated(s, v) ? 2 : 0;
  }

  /** How many nodes the set holds. */
  public static int size(int[] s) {
    int k = 0;
    for (int v : s) k += v;
    return k;
  }

  private boolean dominated(int[] s, int v) {
    if (s[v] == 1) return true;
    for (int w : graph.neighbours(v)) if (s[w] == 1) return true;
    return false;
  }

  private boolean complete(int[] s) {
    for (int v = 0; v < n; v++) if (!dominated(s, v)) return false;
    return true;
  }

  @Override
  public String name() {
    return "mds(" + graph + ")";
  }

  @Override
  public void forwardMask(int[] s, boolean[] mask) {
    boolean done = complete(s);
    for (int v = 0; v < n; v++) mask[v] = !done && s[v] == 0;
    mask[n] = done;
  }

  /**
   * Removing member v leaves a node undominated when the set is not complete already, or when a
   * node of v's closed neighbourhood has v as its only dominator: O(edges) with per-node counts.
   */
  @Override
  public void backwardMask(int[] s, boolean[] mask) {
    int[] dominators = new int[n];
    boolean complete = true;
    for (int u = 0; u < n; u++) {
      dominators[u] = s[u];
      for (int w : graph.neighbours(u)) dominators[u] += s[w];
      complete &= dominators[u] > 0;
    }
    for (int v = 0; v < n; v++) {
      boolean leaves = !complete || dominators[v] == 1;
      for (int w : graph.neighbours(v)) leaves |= dominators[w] == 1;
      mask[v] = s[v] == 1 && leaves;
    }
  }

  @Override
  public int[] step(int[] s, int a) {
    if (a < 0 || a >= n || s[a] != 0 || complete(s)) throw new IllegalArgumentException("illegal forward action " + a);
    int[] t = s.clone();
    t[a] = 1;
    return t;
  }

  @Override
  public int[] backwardStep(int[] s, int b) {
    boolean[] mask = new boolean[n];
    backwardMask(s, mask);
    if (b < 0 || b >= n || !mask[b]) throw new IllegalArgumentException("illegal backward action " + b);
    int[] t = s.clone();
    t[b] = 0;
    return t;
  }

  /** States are the node sets reachable from ∅ (never through a complete set); counted when n ≤ 20. */
  @Override
  public long enumerableStates() {
    if (n > 20) return -1;
    byte[] memo = new byte[1 << n]; // 0 unknown, 1 reachable, 2 not
    long count = 0;
    for (int m = 0; m < (1 << n); m++) if (reachable(m, memo)) count++;
    return count <= MAX_ENUMERABLE ? count : -1;
  }

  private boolean reachable(int m, byte[] memo) {
    if (m == 0) return true;
    if (memo[m] != 0) return memo[m] == 1;
    boolean ok = false;
    for (int rest = m; rest != 0 && !ok; rest &= rest - 1) {
      int parent = m & ~Integer.lowestOneBit(rest);
      ok = !complete(bits(parent)) && reachable(parent, memo);
    }
    memo[m] = (byte) (ok ? 1 : 2);
    return ok;
  }

  private int[] bits(int m) {
    int[] s = new int[n];
    for (int v = 0; v < n; v++) s[v] = (m >> v) & 1;
    return s;
  }
}
