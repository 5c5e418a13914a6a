package org.gfn.model.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gfn.envs.graph.Graph;

/**
 * The CP-SAT references of a family's held-out graphs, from the TSV that
 * {@code deploy/bench/cpsat-reference.sh} caches (columns problem, instance, seed, …, cpsat, …):
 * a generated graph's row is matched by problem, instance name and seed, a file's by problem and
 * file name. With rows for several time limits the best objective counts.
 */
public final class GraphReferences {
  private GraphReferences() {}

  /**
   * @return per held-out graph its reference objective, or null when {@code gfn.env.graph.reference}
   *     is empty
   * @throws SettingsException when the file is malformed or lacks a held-out graph's row
   */
  public static double[] of(String problem, GraphInstance g, boolean maximises) {
    if (g.reference().isEmpty()) return null;
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(g.reference()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gfn.env.graph.reference " + g.reference() + ": " + e.getMessage(), e);
    }
    List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).split("\t"));
    int cProblem = header.indexOf("problem");
    int cInstance = header.indexOf("instance");
    int cSeed = header.indexOf("seed");
    int cObjective = header.indexOf("cpsat");
    int cNodes = header.indexOf("nodes");
    int cEdges = header.indexOf("edges");
    if (cProblem < 0 || cInstance < 0 || cSeed < 0 || cObjective < 0) {
      throw new SettingsException("gfn.env.graph.reference = " + g.reference()
          + ": expected a header with the columns problem, instance, seed and cpsat (deploy/bench/cpsat-reference.sh)");
    }
    List<Graph> graphs = g.testGraphs();
    int test = graphs.size();
    double[] best = new double[test];
    boolean[] found = new boolean[test];
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      String[] row = lines.get(i).split("\t");
      if (row.length != header.size()) {
        throw new SettingsException("gfn.env.graph.reference = " + g.reference() + ", line " + (i + 1) + ": "
            + row.length + " columns, the header has " + header.size());
      }
      if (!row[cProblem].equals(problem)) continue;
      for (int j = 0; j < test; j++) {
        if (!matches(g, j, row[cInstance], row[cSeed])) continue;
        checkSize(g, graphs.get(j), j, row, cNodes, cEdges, i + 1);
        double v;
        try {
          v = Double.parseDouble(row[cObjective]);
        } catch (NumberFormatException e) {
          throw new SettingsException("gfn.env.graph.reference = " + g.reference() + ", line " + (i + 1)
              + ": cpsat is not a number: " + row[cObjective]);
        }
        best[j] = !found[j] || (maximises ? v > best[j] : v < best[j]) ? v : best[j];
        found[j] = true;
      }
    }
    for (int j = 0; j < test; j++) {
      if (!found[j]) {
        throw new SettingsException("gfn.env.graph.reference = " + g.reference() + " has no " + problem + " row for the held-out graph "
            + g.testLabel(j) + (g.instance().equals("file") ? "" : " (" + g.instance() + ")")
            + ": run deploy/bench/cpsat-reference.sh to add it");
      }
    }
    return best;
  }

  /** Refuses a row whose graph size differs from the graph built here (a generator changed since). */
  private static void checkSize(GraphInstance g, Graph graph, int j, String[] row, int cNodes, int cEdges,
      int line) {
    if (cNodes < 0 || cEdges < 0) return;
    String built = graph.nodes() + " nodes, " + graph.edges() + " edges";
    if (!row[cNodes].equals(Integer.toString(graph.nodes())) || !row[cEdges].equals(Integer.toString(graph.edges()))) {
      throw new SettingsException("gfn.env.graph.reference = " + g.reference() + ", line " + line + ": the held-out graph "
          + g.testLabel(j) + " has " + row[cNodes] + " nodes, " + row[cEdges] + " edges there but " + built
          + " here (made by another version of the generator?): rerun deploy/bench/cpsat-reference.sh for it");
    }
  }

  private static boolean matches(GraphInstance g, int j, String instance, String seed) {
    if (g.instance().equals("file")) return Path.of(instance).getFileName().toString().equals(g.testLabel(j));
    String label = g.instance().equals("er") ? "er-" + g.nodes() + "-" + g.edgeProbability() : g.instance();
    return instance.equals(label) && seed.equals(g.testLabel(j));
  }
}
