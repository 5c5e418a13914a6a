package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gfn.spark.runlog.InspectJob;
import org.gfn.spark.runlog.InspectQueries;
import org.gfn.spark.runlog.ReplayLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook's queries and {@code inspect}, on the replay log of a short distributed run; and
 * {@code sample}, on its newest checkpoint.
 */
class InspectTest {
  @TempDir static File dir;
  static File run;

  static final Map<String, List<String>> COLUMNS = Map.ofEntries(
      Map.entry("trajectories per policy version", List.of("policy_version", "trajectories", "mean_log_reward")),
      Map.entry("trajectories per executor", List.of("worker", "trajectories", "rounds")),
      Map.entry("staleness on arrival (learner steps)", List.of("mean_staleness", "staleness_q0_q50_q90_q99_q100")),
      Map.entry("log-reward quantiles", List.of("log_reward_q0_q25_q50_q75_q90_q99_q100", "mean_reward")),
      Map.entry("top objects", List.of("terminal", "log_reward", "times_sampled")),
      Map.entry("length distribution", List.of("length", "trajectories")),
      Map.entry("reward over time", List.of("round", "mean_log_reward", "max_log_reward", "trajectories")),
      Map.entry("staleness distribution", List.of("staleness", "trajectories")),
      Map.entry("sampled and local-search trajectories",
          List.of("origin", "trajectories", "mean_log_reward", "max_log_reward")),
      Map.entry("trajectories per inverse temperature",
          List.of("beta", "trajectories", "mean_log_reward", "max_log_reward")),
      Map.entry("trajectories per problem instance",
          List.of("instance", "trajectories", "workers", "mean_log_reward", "max_log_reward")));

  @BeforeAll
  static void shortRun() {
    run = new File(dir, "run");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=2048",
        "spark.trajectories-per-task=128", "spark.plots=false").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
  }

  static List<String> notebookQueries() throws Exception {
    String nb = Files.readString(new File("../notebooks/inspect_replay.ipynb").toPath());
    StringBuilder code = new StringBuilder();
    for (var cell : ConfigFactory.parseString(nb).getConfigList("cells")) {
      if (cell.getString("cell_type").equals("code")) code.append(String.join("", cell.getStringList("source"))).append('\n');
    }
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("spark\\.sql\\(\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL).matcher(code);
    while (m.find()) out.add(m.group(1).trim());
    return out;
  }

  private static String normalise(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  @Test
  void everyNotebookQueryReturnsItsColumnsAndRows() throws Exception {
    List<String> queries = notebookQueries();
    assertEquals(InspectQueries.ALL.size(), queries.size(), "the notebook holds inspect's queries");
    Dataset<Row> log = ReplayLog.open(SharedSpark.cluster(), run);
    assertTrue(List.of(log.columns()).containsAll(List.of("trajectory_id", "states", "staleness", "learner_step")));
    for (var e : InspectQueries.ALL.entrySet()) {
      String sql = queries.stream().filter(q -> normalise(q).equals(normalise(e.getValue()))).findFirst()
          .orElseThrow(() -> new AssertionError("notebook lacks the query '" + e.getKey() + "'"));
      Dataset<Row> result = SharedSpark.cluster().sql(sql);
      assertEquals(COLUMNS.get(e.getKey()), List.of(result.columns()), e.getKey());
      assertFalse(result.isEmpty(), e.getKey() + " returned no rows");
    }
  }

  @Test
  void inspectPrintsTheSummaryAndWritesPlots() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = InspectJob.run(new String[] {run.getPath()}, SharedSpark.cluster(),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertEquals(0, rc);
    long logged = Runs.summary(run).getLong("trajectories_logged");
    assertTrue(text.contains(logged + " trajectories"), text);
    for (String q : InspectQueries.ALL.keySet()) assertTrue(text.contains("== " + q), q);
    for (String p : List.of("inspect_reward_over_time.png", "inspect_lengths.png", "inspect_staleness.png")) {
      assertTrue(new File(run, "plots/" + p).length() > 1000, p);
    }
  }

  @Test
  void inspectWarnsWhenALogMixesRuns() throws Exception {
    File mixed = new File(dir, "mixed");
    java.nio.file.Files.createDirectories(new File(mixed, "replay").toPath());
    File[] parts = new File(run, "replay").listFiles((d, n) -> n.endsWith(".parquet"));
    java.nio.file.Files.copy(parts[0].toPath(), new File(mixed, "replay/part-a.parquet").toPath());
    java.nio.file.Files.copy(parts[0].toPath(), new File(mixed, "replay/part-b.parquet").toPath());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, InspectJob.run(new String[] {mixed.getPath()}, SharedSpark.cluster(),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("warning:") && text.contains("duplicate trajectory ids"), text);
    ByteArrayOutputStream clean = new ByteArrayOutputStream();
    InspectJob.run(new String[] {run.getPath()}, SharedSpark.cluster(), new PrintStream(clean, true, StandardCharsets.UTF_8),
        System.err);
    assertFalse(clean.toString(StandardCharsets.UTF_8).contains("warning:"), "a sound log has no warning");
  }

  @Test
  void inspectRefusesAFolderWithoutALog() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = InspectJob.run(new String[] {dir.getPath() + "/nothing"}, SharedSpark.cluster(), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, rc);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no replay log"));
  }

  @Test
  void sampleWritesValidObjectsFromTheNewestCheckpointReproducibly() throws Exception {
    File a = new File(dir, "a.csv");
    File b = new File(dir, "b.csv");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, org.gfn.spark.train.SampleJob.run(new String[] {run.getPath(), "--n", "1500", "--out", a.getPath()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("sampled 1500 objects from ckpt-"), out.toString());
    assertEquals(0, org.gfn.spark.train.SampleJob.run(new String[] {run.getPath(), "--n", "1500", "--out", b.getPath()},
        System.out, System.err));
    List<String> rows = Files.readAllLines(a.toPath());
    assertEquals(rows, Files.readAllLines(b.toPath()), "the same seed samples the same objects");
    assertEquals("terminal,log_reward,log_prob,length,beta", rows.get(0));
    assertEquals(1501, rows.size());
    org.gfn.envs.Environment env = org.gfn.model.config.EnvironmentFactory.environment(
        org.gfn.model.config.Settings.load(ConfigFactory.parseFile(new File(run, "config.conf"))).env());
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      int[] x = java.util.Arrays.stream(f[0].split(" ")).mapToInt(Integer::parseInt).toArray();
      assertEquals(env.logReward(x), Double.parseDouble(f[1]), 1e-12, row);
      assertTrue(Double.parseDouble(f[2]) <= 0 && Integer.parseInt(f[3]) == java.util.Arrays.stream(x).sum(), row);
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, org.gfn.spark.train.SampleJob.run(new String[] {dir.getPath()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a run directory"), err.toString());
    err.reset();
    assertEquals(2, org.gfn.spark.train.SampleJob.run(new String[] {run.getPath(), "--beta", "2"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--beta needs a temperature-conditioned run"), err.toString());
  }
}
