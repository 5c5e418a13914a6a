package org.gfn.envs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole state DAG of an enumerable environment, in topological order (s_0 first), with its
 * forward edges in compressed rows. It is what exact metrics run on: the terminal distribution of
 * a policy by dynamic programming, and the exact log Z = log Σ_x R(x).
 */
public final class StateSpace {
  private final Environment env;
  private final int[][] states;
  private final Map<StateKey, Integer> index;
  private final int[] edgeStart; // edges of state i: edgeStart[i] .. edgeStart[i+1]-1
  private final int[] edgeAction;
  private final int[] edgeChild;
  private final boolean[] canExit;
  private final double[] logReward; // NaN where exit is illegal
  private final double logZ;

  private StateSpace(Environment env, int[][] states, Map<StateKey, Integer> index,
      int[] edgeStart, int[] edgeAction, int[] edgeChild, boolean[] canExit, double[] logReward) {
    this.env = env;
    this.states = states;
    this.index = index;
    this.edgeStart = edgeStart;
    this.edgeAction = edgeAction;
    this.edgeChild = edgeChild;
    this.canExit = canExit;
    this.logReward = logReward;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < states.length; i++) if (canExit[i]) max = Math.max(max, logReward[i]);
    double sum = 0;
    for (int i = 0; i < states.length; i++) if (canExit[i]) sum += Math.exp(logReward[i] - max);
    this.logZ = max + Math.log(sum);
  }

  /**
   * Enumerates every state reachable from s_0 and orders them topologically (Kahn's algorithm).
   *
   * @throws UnsupportedOperationException when the environment does not declare itself enumerable
   */
  public static StateSpace of(Environment env) {
    long bound = env.enumerableStates();
    if (bound < 0) {
      throw new UnsupportedOperationException(
          env.name() + " is not enumerable: exact metrics need a small, finite state space");
    }
    int nA = env.numActions();
    int exit = env.exitAction();
    boolean[] mask = new boolean[nA];
    List<int[]> found = new ArrayList<>();
    Map<StateKey, Integer> seen = new HashMap<>();
    List<int[]> children = new ArrayList<>(); // per discovered state: [action, childId]*
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] s0 = env.initialState();
    seen.put(new StateKey(s0), 0);
    found.add(s0);
    queue.add(0);
    List<Integer> indegree = new ArrayList<>();
    indegree.add(0);
    while (!queue.isEmpty()) {
      int id = queue.poll();
      int[] s = found.get(id);
      env.forwardMask(s, mask);
      int[] row = new int[2 * nA];
      int n = 0;
      for (int a = 0; a < nA; a++) {
        if (!mask[a] || a == exit) continue;
        int[] c = env.step(s, a);
        StateKey k = new StateKey(c);
        Integer cid = seen.get(k);
        if (cid == null) {
          cid = found.size();
          if (cid >= bound) {
            throw new IllegalStateException(env.name() + " has more than its declared "
                + bound + " states; fix enumerableStates()");
          }
          seen.put(k, cid);
          found.add(c);
          indegree.add(0);
          queue.add(cid);
        }
        indegree.set(cid, indegree.get(cid) + 1);
        row[n++] = a;
        row[n++] = cid;
      }
      while (children.size() <= id) children.add(null);
      children.set(id, java.util.Arrays.copyOf(row, n));
    }
    int total = found.size();
    int[] order = topologicalOrder(total, children, indegree);
    int[] rank = new int[total];
    for (int i = 0; i < total; i++) rank[order[i]] = i;

    int[][] states = new int[total][];
    Map<StateKey, Integer> index = new HashMap<>(total * 2);
    int edges = 0;
    for (int[] r : children) edges += r.length / 2;
    int[] start = new int[total + 1];
    int[] act = new int[edges];
    int[] child = new int[edges];
    boolean[] canExit = new boolean[total];
    double[] lr = new double[total];
    int e = 0;
    for (int i = 0; i < total; i++) {
      int old = order[i];
      int[] s = found.get(old);
      states[i] = s;
      index.put(new StateKey(s), i);
      start[i] = e;
      int[] r = children.get(old);
      for (int j = 0; j < r.length; j += 2) {
        act[e] = r[j];
        child[e] = rank[r[j + 1]];
        e++;
      }
      env.forwardMask(s, mask);
      canExit[i] = mask[exit];
      lr[i] = canExit[i] ? Environments.checkedLogReward(env, s) : Double.NaN;
    }
    start[total] = e;
    return new StateSpace(env, states, index, start, act, child, canExit, lr);
  }

  private static int[] topologicalOrder(int total, List<int[]> children, List<Integer> indeg) {
    int[] deg = new int[total];
    for (int i = 0; i < total; i++) deg[i] = indeg.get(i);
    int[] order = new int[total];
    int head = 0;
    int tail = 0;
    order[tail++] = 0;
    while (head < tail) {
      int id = order[head++];
      int[] r = children.get(id);
      for (int j = 1; j < r.length; j += 2) {
        if (--deg[r[j]] == 0) order[tail++] = r[j];
      }
    }
    if (tail != total) throw new IllegalStateException("state graph has a cycle: not a DAG");
    return order;
  }

  public Environment environment() {
    return env;
  }

  /** Number of states. */
  public int size() {
    return states.length;
  }

  /** The i-th state in topological order (do not modify). */
  public int[] state(int i) {
    return states[i];
  }

  /** Index of a state, or -1 when it is not in the space. */
  public int indexOf(int[] s) {
    Integer i = index.get(new StateKey(s));
    return i == null ? -1 : i;
  }

  public int edgeStart(int i) {
    return edgeStart[i];
  }

  public int edgeEnd(int i) {
    return edgeStart[i + 1];
  }

  public int edgeAction(int e) {
    return edgeAction[e];
  }

  public int edgeChild(int e) {
    return edgeChild[e];
  }

  /** Whether exit is legal in state i, i.e. state i is a terminal object. */
  public boolean isTerminal(int i) {
    return canExit[i];
  }

  /** log R of state i (NaN for states that cannot exit). */
  public double logReward(int i) {
    return logReward[i];
  }

  /** Number of terminal objects. */
  public int terminalCount() {
    int n = 0;
    for (boolean b : canExit) n += b ? 1 : 0;
    return n;
  }

  /** Exact log Z = log Σ_x R(x). */
  public double logZ() {
    return logZ;
  }

  /** The target distribution π(x) = R(x)/Z over all states (0 where exit is illegal). */
  public double[] targetDistribution() {
    double[] p = new double[states.length];
    for (int i = 0; i < p.length; i++) p[i] = canExit[i] ? Math.exp(logReward[i] - logZ) : 0;
    return p;
  }
}
