package org.gfn.envs.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * Problem instances, each fully determined by its seed (so every executor can rebuild any
 * instance without shipping graphs): the RB model of the paper's generator ("small": n_a ~
 * U{20..24} cliques of k ~ U{5..11} nodes, p ~ U(0.3, 1), kept when 200–300 nodes remain without
 * isolated nodes; "large": n_a ~ U{40..54}, k ~ U{20..24}, 800–1,200 nodes), and JGraphT's
 * Barabási–Albert (m = 4) and Erdős–Rényi G(n, p) generators.
 */
public final class Generators {
  private Generators() {}

  /** An RB graph of the given size class ("small" or "large"). */
  public static Graph rb(String size, long seed) {
    boolean small = size.equals("small");
    if (!small && !size.equals("large")) throw new IllegalArgumentException("RB size must be small or large, got " + size);
    SplittableRandom rng = new SplittableRandom(seed);
    int min = small ? 200 : 800;
    int max = small ? 300 : 1200;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int na = small ? rng.nextInt(20, 25) : rng.nextInt(40, 55);
      int k = small ? rng.nextInt(5, 12) : rng.nextInt(20, 25);
      double p = rng.nextDouble(0.3, 1.0);
      Graph g = rb(na, k, p, rng).withoutIsolatedNodes();
      if (g.nodes() >= min && g.nodes() <= max) return g;
    }
    throw new IllegalStateException("no RB graph in the size range after 10,000 attempts");
  }

  /**
   * The RB model (Xu et al.) as the paper's generator draws it: n_a disjoint cliques of k nodes;
   * then r·n_a·ln n_a − 1 times, an ordered pair of distinct cliques (i, j) gets s = ⌊p·k²⌋ random
   * pairs (u in i, v in j) not drawn before for (i, j), r = −ln k / (ln n_a · ln(1 − p)). Like that
   * generator, a pair drawn for (i, j) is not excluded when (j, i) comes up, so an edge may be drawn
   * twice (it is one edge): the graphs are sparser than with s new edges each time, and their
   * maximum independent sets larger (docs/results.md).
   */
  public static Graph rb(int na, int k, double p, SplittableRandom rng) {
    if (na < 2 || k < 1 || !(p > 0 && p < 1)) throw new IllegalArgumentException("RB needs n_a >= 2, k >= 1, 0 < p < 1");
    double a = Math.log(k) / Math.log(na);
    double r = -a / Math.log(1 - p);
    int s = (int) (p * Math.pow(na, 2 * a));
    int iterations = (int) (r * na * Math.log(na) - 1);
    List<int[]> edges = new ArrayList<>();
    int nodes = na * k;
    boolean[] cross = new boolean[nodes * nodes]; // cross[u · nodes + v]: (u, v) was drawn, u in the first clique
    for (int c = 0; c < na; c++) {
      for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) edges.add(new int[] {c * k + i, c * k + j});
    }
    int[] free = new int[2 * k * k];
    for (int it = 0; it < iterations; it++) {
      int ci = rng.nextInt(na);
      int cj = rng.nextInt(na - 1);
      if (cj >= ci) cj++;
      int size = 0; // the pairs not drawn yet for (ci, cj), in (i, j) order
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          int u = ci * k + i;
          int v = cj * k + j;
          if (!cross[u * nodes + v]) {
            free[2 * size] = u;
            free[2 * size + 1] = v;
            size++;
          }
        }
      }
      for (int t = 0; t < Math.min(s, size); t++) { // a random s-subset: partial Fisher–Yates
        int pick = t + rng.nextInt(size - t);
        int u = free[2 * pick];
        int v = free[2 * pick + 1];
        free[2 * pick] = free[2 * t];
        free[2 * pick + 1] = free[2 * t + 1];
        free[2 * t] = u;
        free[2 * t + 1] = v;
        cross[u * nodes + v] = true;
        edges.add(new int[] {u, v});
      }
    }
    return Graph.of(na * k, edges);
  }

  /** Barabási–Albert with n nodes, each new node attached to m existing ones (JGraphT). */
  public static Graph barabasiAlbert(int n, int m, long seed) {
    SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    new BarabasiAlbertGraphGenerator<Integer, DefaultEdge>(m + 1, m, n, new Random(seed)).generateGraph(g);
    return fromJgrapht(g);
  }

  /** Barabási–Albert with n ~ U{min..max} nodes and m = 4 (the paper's BA-small / BA-large). */
  public static Graph barabasiAlbert(String size, long seed) {
    boolean small = size.equals("small");
    if (!small && !size.equals("large")) throw new IllegalArgumentException("BA size must be small or large, got " + size);
    SplittableRandom rng = new SplittableRandom(seed);
    int n = small ? rng.nextInt(200, 301) : rng.nextInt(800, 1201);
    return barabasiAlbert(n, 4, rng.nextLong());
  }

  /**
   * A generated instance by name: rb-small, rb-large (RB model), ba-small, ba-large
   * (Barabási–Albert, m = 4), er (G(nodes, p)); the same seed gives the same graph everywhere.
   */
  public static Graph named(String instance, long seed, int nodes, double p) {
    return switch (instance) {
      case "rb-small" -> rb("small", seed);
      case "rb-large" -> rb("large", seed);
      case "ba-small" -> barabasiAlbert("small", seed);
      case "ba-large" -> barabasiAlbert("large", seed);
      case "er" -> erdosRenyi(nodes, p, seed);
      default -> throw new IllegalArgumentException("unknown graph instance '" + instance
          + "' (rb-small, rb-large, ba-small, ba-large, er)");
    };
  }

  /** Erdős–Rényi G(n, p) (JGraphT). */
  public static Graph erdosRenyi(int n, double p, long seed) {
    SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    new GnpRandomGraphGenerator<Integer, DefaultEdge>(n, p, new Random(seed), false).generateGraph(g);
    return fromJgrapht(g);
  }

  private static Graph fromJgrapht(SimpleGraph<Integer, DefaultEdge> g) {
    List<Integer> vs = new ArrayList<>(g.vertexSet());
    java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < vs.size(); i++) index.put(vs.get(i), i);
    List<int[]> edges = new ArrayList<>();
    for (DefaultEdge e : g.edgeSet()) edges.add(new int[] {index.get(g.getEdgeSource(e)), index.get(g.getEdgeTarget(e))});
    return Graph.of(vs.size(), edges);
  }
}
