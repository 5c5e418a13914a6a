package org.gfn.envs.graph;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Graphs in the edge-list format: blank lines and lines starting with {@code #} are ignored; the
 * first other line is {@code nodes N}; every following line is one edge {@code u v} with node ids
 * in 0..N−1. Self-loops, ids out of range, malformed lines and graphs without an edge are refused
 * with the file and line.
 */
public final class GraphFiles {
  private GraphFiles() {}

  public static Graph read(File file) {
    List<int[]> edges = new ArrayList<>();
    int n = -1;
    int line = 0;
    try (BufferedReader in = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
      for (String raw; (raw = in.readLine()) != null; ) {
        line++;
        String s = raw.strip();
        if (s.isEmpty() || s.startsWith("#")) continue;
        String[] parts = s.split("\\s+");
        if (n < 0) {
          if (parts.length != 2 || !parts[0].equals("nodes")) throw bad(file, line, "expected 'nodes N' first, got '" + s + "'");
          n = number(parts[1], file, line);
          if (n < 1) throw bad(file, line, "a graph needs at least one node, got " + n);
          continue;
        }
        if (parts.length != 2) throw bad(file, line, "expected an edge 'u v', got '" + s + "'");
        int u = number(parts[0], file, line);
        int v = number(parts[1], file, line);
        if (u < 0 || u >= n || v < 0 || v >= n) throw bad(file, line, "node id outside 0.." + (n - 1) + " in '" + s + "'");
        if (u == v) throw bad(file, line, "self-loop at node " + u);
        edges.add(new int[] {u, v});
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (n < 0) throw bad(file, line, "no 'nodes N' line: the file is empty");
    if (edges.isEmpty()) throw bad(file, line, "the graph has no edges");
    return Graph.of(n, edges);
  }

  /** Writes a graph in the same format. */
  public static void write(Graph g, File file) throws IOException {
    StringBuilder sb = new StringBuilder("nodes ").append(g.nodes()).append('\n');
    for (int[] e : g.edgeList()) sb.append(e[0]).append(' ').append(e[1]).append('\n');
    Files.writeString(file.toPath(), sb.toString(), StandardCharsets.UTF_8);
  }

  private static int number(String s, File file, int line) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(file, line, "'" + s + "' is not an integer");
    }
  }

  private static IllegalArgumentException bad(File file, int line, String what) {
    return new IllegalArgumentException(file + " line " + line + ": " + what);
  }
}
