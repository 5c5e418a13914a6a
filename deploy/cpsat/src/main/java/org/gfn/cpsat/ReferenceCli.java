package org.gfn.cpsat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gfn.cpsat.CpSatReference.Problem;
import org.gfn.cpsat.CpSatReference.Result;
import org.gfn.envs.graph.DominatingSet;
import org.gfn.envs.graph.Generators;
import org.gfn.envs.graph.Graph;
import org.gfn.envs.graph.GraphFiles;
import org.gfn.envs.graph.Greedy;
import org.gfn.envs.graph.IndependentSet;
import org.gfn.envs.graph.MaxCut;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reference --problem mis --instance rb-small --seeds 1-8 --cache references.tsv}: the CP-SAT
 * reference and the greedy baseline of each instance, one TSV row each (problem, instance, seed,
 * nodes, edges, cpsat, optimal, bound, seconds, greedy, time limit; an er instance is named with its
 * size and edge probability, a file by its path). A row already in the cache for the same
 * problem, instance, seed and time limit is printed without solving again; new rows are appended.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
    description = "CP-SAT reference solutions of the graph problems, cached per instance")
public final class ReferenceCli implements Callable<Integer> {
  static final String HEADER = "problem\tinstance\tseed\tnodes\tedges\tcpsat\toptimal\tbound\tseconds\tgreedy\ttime_limit";

  @Option(names = "--problem", required = true, description = "mis | maxclique | mds | maxcut")
  String problem;
  @Option(names = "--instance", defaultValue = "rb-small", description = "rb-small | rb-large | ba-small | ba-large | er | file")
  String instance;
  @Option(names = "--seeds", defaultValue = "1", description = "one seed, or a range FIRST-LAST")
  String seeds;
  @Option(names = "--file", description = "the edge-list file (--instance file)")
  File file;
  @Option(names = "--nodes", defaultValue = "10", description = "er: nodes")
  int nodes;
  @Option(names = "--edge-probability", defaultValue = "0.3", description = "er: edge probability")
  double edgeProbability;
  @Option(names = "--time-limit", defaultValue = "30", description = "seconds per instance")
  double timeLimit;
  @Option(names = "--workers", defaultValue = "2", description = "CP-SAT threads")
  int workers;
  @Option(names = "--cache", description = "TSV file of earlier results, read and appended")
  File cache;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReferenceCli()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Problem p = Problem.valueOf(problem.toUpperCase(Locale.ROOT));
    List<String> known = cache != null && cache.exists() ? Files.readAllLines(cache.toPath(), StandardCharsets.UTF_8) : List.of();
    if (cache != null && !cache.exists()) Files.writeString(cache.toPath(), HEADER + "\n", StandardCharsets.UTF_8);
    System.out.println(HEADER);
    String[] range = seeds.split("-");
    long first = Long.parseLong(range[0]);
    long last = range.length > 1 ? Long.parseLong(range[1]) : first;
    for (long seed = first; seed <= last; seed++) {
      String key = problem + "\t" + label() + "\t" + seed + "\t";
      String cached = known.stream().filter(l -> l.startsWith(key) && l.endsWith("\t" + timeLimit)).findFirst().orElse(null);
      if (cached != null) {
        System.out.println(cached);
        continue;
      }
      Graph g = instance.equals("file") ? GraphFiles.read(file) : Generators.named(instance, seed, nodes, edgeProbability);
      Result r = CpSatReference.solve(p, g, timeLimit, workers, 1);
      String row = String.format(Locale.ROOT, "%s%d\t%d\t%d\t%b\t%.1f\t%.2f\t%d\t%s", key, g.nodes(), g.edges(), r.objective(),
          r.optimal(), r.bound(), r.seconds(), greedy(p, g), timeLimit);
      System.out.println(row);
      if (cache != null) Files.writeString(cache.toPath(), row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    return 0;
  }

  /** The instance as the cache names it: er with its size and edge probability, a file by its path. */
  private String label() {
    if (instance.equals("er")) return "er-" + nodes + "-" + edgeProbability;
    return instance.equals("file") ? file.getPath() : instance;
  }

  /** The greedy baseline's objective ({@link Greedy}) on the same graph. */
  static int greedy(Problem p, Graph g) {
    return switch (p) {
      case MIS -> IndependentSet.size(Greedy.independentSet(g));
      case MAXCLIQUE -> IndependentSet.size(Greedy.clique(g));
      case MDS -> DominatingSet.size(Greedy.dominatingSet(g));
      case MAXCUT -> new MaxCut(g, 1).cut(Greedy.maxCut(g));
    };
  }
}
