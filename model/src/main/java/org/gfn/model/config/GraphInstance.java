package org.gfn.model.config;

import java.io.File;
import java.util.List;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.GraphFiles;

/**
 * {@code gfn.env.graph}: which graph a graph-problem run is on, as settings small enough to ship to
 * executors (a generated instance is rebuilt from its seed there; a file is read there).
 */
public record GraphInstance(String instance, long seed, String file, int nodes, double edgeProbability,
    double temperature) implements java.io.Serializable {
  private static final String KEY = "gfn.env.graph";
  /** The environment types that run on a graph. */
  static final List<String> PROBLEMS = List.of("mis", "maxclique", "mds", "maxcut");

  static GraphInstance read(ConfigReader r) {
    String instance = r.oneOf(KEY + ".instance", List.of("rb-small", "rb-large", "ba-small", "ba-large", "er", "file"));
    String file = instance.equals("file") ? DataFiles.locate(r.string(KEY + ".file"), KEY + ".file") : "";
    GraphInstance g = new GraphInstance(instance, r.anyLong(KEY + ".seed"), file, r.intIn(KEY + ".nodes", 2, 100_000),
        r.doubleIn(KEY + ".edge-probability", 0, 1, false), r.doubleIn(KEY + ".temperature", 0, 1e6, true));
    if (instance.equals("file")) {
      try {
        g.build();
      } catch (IllegalArgumentException bad) {
        throw new SettingsException(KEY + ".file: " + bad.getMessage(), bad);
      }
    }
    return g;
  }

  /** The graph (generated from the seed, or read from the file). */
  public Graph build() {
    return instance.equals("file") ? GraphFiles.read(new File(file)) : Generators.named(instance, seed, nodes, edgeProbability);
  }
}
