package org.gfn.envs.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simple undirected graph on nodes 0..n−1: sorted neighbour lists, no self-loops, no multiple
 * edges. Immutable.
 */
public final class Graph implements java.io.Serializable {
  private final int n;
  private final int[][] neighbours;
  private final int edges;

  private Graph(int n, int[][] neighbours, int edges) {
    this.n = n;
    this.neighbours = neighbours;
    this.edges = edges;
  }

  /** A graph from an edge list {u, v}; refuses self-loops and nodes outside 0..n−1, merges repeats. */
  public static Graph of(int n, List<int[]> edgeList) {
    if (n < 1) throw new IllegalArgumentException("a graph needs at least one node, got " + n);
    int[] degree = new int[n];
    for (int[] e : edgeList) {
      if (e[0] < 0 || e[0] >= n || e[1] < 0 || e[1] >= n) {
        throw new IllegalArgumentException("edge " + e[0] + " " + e[1] + " has a node outside 0.." + (n - 1));
      }
      if (e[0] == e[1]) throw new IllegalArgumentException("self-loop at node " + e[0]);
      degree[e[0]]++;
      degree[e[1]]++;
    }
    int[][] nb = new int[n][];
    for (int i = 0; i < n; i++) nb[i] = new int[degree[i]];
    int[] fill = new int[n];
    for (int[] e : edgeList) {
      nb[e[0]][fill[e[0]]++] = e[1];
      nb[e[1]][fill[e[1]]++] = e[0];
    }
    int m = 0;
    for (int i = 0; i < n; i++) { // sorted, repeats merged
      int[] row = nb[i];
      java.util.Arrays.sort(row);
      int k = 0;
      for (int j = 0; j < row.length; j++) if (j == 0 || row[j] != row[j - 1]) row[k++] = row[j];
      nb[i] = k == row.length ? row : java.util.Arrays.copyOf(row, k);
      m += k;
    }
    return new Graph(n, nb, m / 2);
  }

  public int nodes() {
    return n;
  }

  public int edges() {
    return edges;
  }

  /** The sorted neighbours of a node (do not modify). */
  public int[] neighbours(int v) {
    return neighbours[v];
  }

  public int degree(int v) {
    return neighbours[v].length;
  }

  public boolean adjacent(int u, int v) {
    return Arrays.binarySearch(neighbours[u], v) >= 0;
  }

  /** Every edge once, u &lt; v. */
  public List<int[]> edgeList() {
    List<int[]> out = new ArrayList<>(edges);
    for (int u = 0; u < n; u++) for (int v : neighbours[u]) if (u < v) out.add(new int[] {u, v});
    return out;
  }

  /** The complement: u and v adjacent exactly when they are not here (cliques become independent sets). */
  public Graph complement() {
    List<int[]> e = new ArrayList<>();
    for (int u = 0; u < n; u++) for (int v = u + 1; v < n; v++) if (!adjacent(u, v)) e.add(new int[] {u, v});
    return of(n, e);
  }

  /** The graph without its isolated nodes, renumbered in order. */
  public Graph withoutIsolatedNodes() {
    int[] index = new int[n];
    int k = 0;
    for (int v = 0; v < n; v++) index[v] = degree(v) > 0 ? k++ : -1;
    List<int[]> e = new ArrayList<>();
    for (int[] uv : edgeList()) e.add(new int[] {index[uv[0]], index[uv[1]]});
    return of(Math.max(k, 1), e);
  }

  @Override
  public String toString() {
    return "graph(" + n + " nodes, " + edges + " edges)";
  }
}
