package org.gfn.model.config;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.GraphFiles;

/**
 * {@code gfn.env.graph}: which graphs a graph-problem run is on, as settings small enough to ship to
 * executors (a generated instance is rebuilt from its seed there; a file is read there). One graph,
 * or a family (instance-conditioned training): {@code instances} training graphs and
 * {@code testInstances} held-out ones, generated from consecutive seeds or read from every file of
 * a directory.
 */
public record GraphInstance(String instance, long seed, String file, int nodes, double edgeProbability,
    double temperature, int instances, int testInstances, long testSeed, String testFile, int evalSamples,
    String reference) implements java.io.Serializable {
  private static final String KEY = "gfn.env.graph";
  /** The environment types that run on a graph. */
  static final List<String> PROBLEMS = List.of("mis", "maxclique", "mds", "maxcut");

  static GraphInstance read(ConfigReader r) {
    String instance = r.oneOf(KEY + ".instance", List.of("rb-small", "rb-large", "ba-small", "ba-large", "er", "file"));
    boolean files = instance.equals("file");
    String file = files ? DataFiles.locate(r.string(KEY + ".file"), KEY + ".file", true) : "";
    String testFile = r.string(KEY + ".test-file");
    if (!files && !testFile.isEmpty()) {
      throw new SettingsException(KEY + ".test-file holds the held-out graphs of instance = file; generated instances"
          + " are held out with " + KEY + ".test-instances and test-seed");
    }
    if (files && !testFile.isEmpty()) testFile = DataFiles.locate(testFile, KEY + ".test-file", true);
    String reference = r.string(KEY + ".reference");
    if (!reference.isEmpty()) reference = DataFiles.locate(reference, KEY + ".reference");
    GraphInstance g = new GraphInstance(instance, r.anyLong(KEY + ".seed"), file, r.intIn(KEY + ".nodes", 2, 100_000),
        r.doubleIn(KEY + ".edge-probability", 0, 1, false), r.doubleIn(KEY + ".temperature", 0, 1e6, true),
        files ? 0 : r.intIn(KEY + ".instances", 1, 1_000_000), files ? 0 : r.intIn(KEY + ".test-instances", 0, 100_000),
        r.anyLong(KEY + ".test-seed"), files ? testFile : "", r.intIn(KEY + ".eval-samples", 1, 4096), reference);
    if (!files && g.testInstances > 0 && g.testSeed < g.seed + g.instances && g.seed < g.testSeed + g.testInstances) {
      throw new SettingsException(KEY + ": the held-out seeds " + g.testSeed + ".." + (g.testSeed + g.testInstances - 1)
          + " overlap the training seeds " + g.seed + ".." + (g.seed + g.instances - 1));
    }
    if (files) {
      try {
        g.trainGraphs();
        g.testGraphs();
      } catch (IllegalArgumentException bad) {
        throw new SettingsException(KEY + ".file: " + bad.getMessage(), bad);
      }
    }
    return g;
  }

  /** Whether the run trains one policy over several graphs (else it is on one graph). */
  public boolean family() {
    return instance.equals("file") ? new File(file).isDirectory() || !testFile.isEmpty() : instances > 1 || testInstances > 0;
  }

  /** The one graph of a run that is not a family (generated from the seed, or read from the file). */
  public Graph build() {
    return instance.equals("file") ? GraphFiles.read(new File(file)) : Generators.named(instance, seed, nodes, edgeProbability);
  }

  /** The training graphs: seeds seed, seed + 1, …, or every file of the directory (by name). */
  public List<Graph> trainGraphs() {
    if (instance.equals("file")) return read(file);
    List<Graph> graphs = new ArrayList<>();
    for (int i = 0; i < instances; i++) graphs.add(Generators.named(instance, seed + i, nodes, edgeProbability));
    return graphs;
  }

  /** The held-out graphs: seeds test-seed, test-seed + 1, …, or the test file(s). */
  public List<Graph> testGraphs() {
    if (instance.equals("file")) return testFile.isEmpty() ? List.of() : read(testFile);
    List<Graph> graphs = new ArrayList<>();
    for (int i = 0; i < testInstances; i++) graphs.add(Generators.named(instance, testSeed + i, nodes, edgeProbability));
    return graphs;
  }

  /** How the held-out graph {@code j} is named in a CP-SAT reference file: its seed, or its file. */
  public String testLabel(int j) {
    return instance.equals("file") ? files(testFile)[j].getName() : Long.toString(testSeed + j);
  }

  private static List<Graph> read(String path) {
    List<Graph> graphs = new ArrayList<>();
    for (File f : files(path)) graphs.add(GraphFiles.read(f));
    return graphs;
  }

  /** The file itself, or the directory's visible files sorted by name. */
  private static File[] files(String path) {
    File f = new File(path);
    if (!f.isDirectory()) return new File[] {f};
    File[] inside = f.listFiles(c -> c.isFile() && !c.getName().startsWith("."));
    if (inside == null || inside.length == 0) throw new IllegalArgumentException(path + " is a directory without graph files");
    Arrays.sort(inside);
    return inside;
  }
}
