package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Executors run rollouts from the snapshot in plain Java: the classes a rollout task can reach
 * (the class-level dependency closure, by the JDK's jdeps, from the executor function) must not
 * reference DL4J, ND4J or JavaCPP, so that nothing native loads on an executor.
 */
class ExecutorDependencyTest {
  private static final List<String> FORBIDDEN = List.of("org.nd4j.", "org.deeplearning4j.", "org.bytedeco.");
  private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)");

  @Test
  void theRolloutTaskReachesNoDl4jClass() {
    Map<String, Set<String>> edges = projectDependencies();
    assertTrue(edges.containsKey("org.gfn.spark.train.RolloutFunction"), "jdeps saw the executor function");
    assertTrue(edges.get("org.gfn.model.train.Components").stream().anyMatch(c -> c.startsWith("org.nd4j.")),
        "the check can see DL4J references (the driver-side factory has them)");
    List<String> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<List<String>> todo = new ArrayDeque<>();
    todo.add(List.of("org.gfn.spark.train.RolloutFunction"));
    while (!todo.isEmpty()) {
      List<String> path = todo.poll();
      String cls = path.get(path.size() - 1);
      if (!seen.add(cls)) continue;
      for (String dep : edges.getOrDefault(cls, Set.of())) {
        List<String> next = new ArrayList<>(path);
        next.add(dep);
        if (FORBIDDEN.stream().anyMatch(dep::startsWith)) violations.add(String.join(" -> ", next));
        else if (dep.startsWith("org.gfn.")) todo.add(next);
      }
    }
    assertEquals(List.of(), violations, "executor code reaches DL4J/ND4J");
    assertTrue(seen.contains("org.gfn.model.rollout.RolloutSampler") && seen.contains("org.gfn.model.policy.MlpForward"),
        "the closure covers the sampler and the plain-Java forward: " + seen.size() + " classes");
  }

  /** Class-level edges of this project's own classes (target/classes folders or gfn-*.jar). */
  private static Map<String, Set<String>> projectDependencies() {
    List<String> args = new ArrayList<>(List.of("-verbose:class", "-filter:none", "--multi-release", "17"));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean ours = e.matches(".*/(envs|replay|model|spark-jobs)/target/classes/?") || e.matches(".*/gfn-[a-z-]+-[^/]*\\.jar");
      if (ours && new File(e).exists()) args.add(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    int rc = jdeps.run(ps, ps, args.toArray(new String[0]));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, "jdeps " + args + "\n" + text);
    Map<String, Set<String>> edges = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find()) edges.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
    }
    return edges;
  }
}
