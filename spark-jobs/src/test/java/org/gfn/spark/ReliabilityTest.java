package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfn.spark.sweep.SweepJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults an adversarial user found: reused run directories, resumes that repeated metrics or
 * rewrote a finished run, leftovers of interrupted writes, bad data files, an unreachable master,
 * changed sweep specs and sweeps killed mid-trial. Each ends in a correct result or a prompt,
 * clear error.
 */
class ReliabilityTest {
  private static final String SMALL = String.join("\n",
      "gfn.env.hypergrid { dim = 2, height = 8 }",
      "gfn.policy { hidden-layers = 1, width = 32 }",
      "gfn.train { batch-size = 16, trajectories = 640, eval-every = 5 }",
      "gfn.spark { trajectories-per-task = 32, tasks-per-job = 2, checkpoint-every = 10, checkpoint-min-interval-s = 0,"
          + " plots = false }");

  @TempDir
  File dir;

  private File conf() throws Exception {
    File f = new File(dir, "small.conf");
    if (!f.isFile()) Files.writeString(f.toPath(), SMALL);
    return f;
  }

  private static List<Long> metricSteps(File run) throws Exception {
    List<Long> steps = new ArrayList<>();
    for (String row : Files.readAllLines(new File(run, "metrics.jsonl").toPath())) {
      if (!row.isBlank()) steps.add(((Number) Json.parse(row).get("learner_step")).longValue());
    }
    return steps;
  }

  @Test
  void aUsedRunDirectoryIsRefusedUnlessOverwritten() throws Exception {
    File run = new File(dir, "used");
    assertTrue(run.mkdirs());
    // what a run killed before its first checkpoint leaves: configuration, metrics, a replay-log file
    Files.writeString(new File(run, "config.conf").toPath(), "gfn.objective.name = TB");
    Files.writeString(new File(run, "metrics.jsonl").toPath(), "{\"learner_step\": 5}\n");
    Runs.Outcome refused = Runs.train(false, Runs.args(conf().getPath(), run).toArray(String[]::new));
    assertEquals(2, refused.rc(), refused.err());
    assertTrue(refused.err().contains("already holds a run") && refused.err().contains("--overwrite"), refused.err());

    List<String> args = new ArrayList<>(Runs.args(conf().getPath(), run));
    args.add("--overwrite");
    Runs.Outcome o = Runs.train(true, args.toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    assertEquals(1, Runs.replayLog(run).select("run_id").distinct().count(), "one run in the log");
    List<Long> steps = metricSteps(run);
    assertEquals(steps.stream().distinct().sorted().toList(), steps, "metrics of one run, no repeated step");
  }

  @Test
  void resumingDropsMetricsAfterTheCheckpointAndLeftovers() throws Exception {
    File run = new File(dir, "killed");
    Runs.Outcome first = Runs.train(true, Runs.args(conf().getPath(), run).toArray(String[]::new));
    assertEquals(0, first.rc(), first.err());
    long saved = Runs.summary(run).getLong("learner_steps");
    // a run killed after its last checkpoint: metrics rows past it, half-written temporary files
    Files.writeString(new File(run, "metrics.jsonl").toPath(),
        "{\"learner_step\": " + (saved + 5) + "}\n{\"learner_step\": " + (saved + 10) + "}\n",
        java.nio.file.StandardOpenOption.APPEND);
    File tmp = new File(run, "checkpoints/ckpt-0000009999.bin.tmp");
    Files.writeString(tmp.toPath(), "half");

    Runs.Outcome second = Runs.train(true, "--resume", run.getPath(), "--set", "train.trajectories=1280");
    assertEquals(0, second.rc(), second.err());
    assertTrue(second.out().contains("2 metrics rows written after the checkpoint discarded"), second.out());
    assertFalse(tmp.exists(), "leftover temporary checkpoint removed");
    List<Long> steps = metricSteps(run);
    assertEquals(steps.stream().distinct().sorted().toList(), steps, "no metrics row twice: " + steps);
    assertEquals(1280, Runs.summary(run).getLong("trajectories_trained"));
  }

  @Test
  void resumingAFinishedRunLeavesItAlone() throws Exception {
    File run = new File(dir, "done");
    Runs.Outcome first = Runs.train(true, Runs.args(conf().getPath(), run).toArray(String[]::new));
    assertEquals(0, first.rc(), first.err());
    String summary = Files.readString(new File(run, "summary.json").toPath());
    Runs.Outcome again = Runs.train(true, "--resume", run.getPath());
    assertEquals(0, again.rc(), again.err());
    assertTrue(again.out().contains("is complete") && again.out().contains("train.trajectories"), again.out());
    assertEquals(summary, Files.readString(new File(run, "summary.json").toPath()), "summary.json untouched");
  }

  @Test
  void badDataFilesExitTwoAndWriteNothing() throws Exception {
    String header = "8-mer\t8-mer\tE-score\tMedian\tZ-score\n";
    String[][] cases = {
        {"empty", ""},
        {"truncated", header + "AAAAAAAA\tTTTTTTTT\t0.5\t1\t1\n"},
        {"non-numeric", header + "AAAAAAAA\tTTTTTTTT\tabc\t1\t1\n"},
        {"wrong length", header + "AAAAAAA\tTTTTTTT\t0.5\t1\t1\n"}};
    for (String[] c : cases) {
      File data = new File(dir, c[0].replace(' ', '-') + ".txt");
      Files.writeString(data.toPath(), c[1]);
      File run = new File(dir, "run-" + data.getName());
      Runs.Outcome o = Runs.train(false, "../conf/tfbind8-tb.conf", "--out", run.getPath(),
          "--set", "env.tfbind8.file=\"" + data.getAbsolutePath() + "\"");
      assertEquals(2, o.rc(), c[0] + ": " + o.err());
      assertTrue(o.err().contains(data.getAbsolutePath()) && o.err().contains("gfn.env.tfbind8.file"), c[0] + ": " + o.err());
      assertFalse(run.exists(), c[0] + ": no run directory is left");
    }
  }

  @Test
  void anUnreachableMasterEndsPromptlyWithOneLine() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    cmd.addAll(List.of(System.getProperty("spark.java.opens", "").split(" ")));
    cmd.removeIf(String::isBlank);
    // as deploy/gfn runs it: its log configuration, no GFN_DEBUG
    cmd.add("-Dlog4j2.configurationFile=" + new File("../deploy/log4j2.properties").getAbsolutePath());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gfn.spark.train.TrainJob",
        conf().getPath(), "--out", new File(dir, "nomaster").getPath(), "--master", "spark://127.0.0.1:1",
        "--set", "spark.executor-wait-s=10"));
    File err = new File(dir, "nomaster.err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err).redirectOutput(new File(dir, "nomaster.out"));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("GFN_DEBUG");
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean ended = p.waitFor(2, TimeUnit.MINUTES);
    if (!ended) p.destroyForcibly();
    String text = Files.readString(err.toPath());
    assertTrue(ended, "the driver hung: " + text);
    assertEquals(1, p.exitValue(), text);
    List<String> errors = text.lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), text);
    assertTrue(errors.get(0).contains("spark://127.0.0.1:1"), errors.get(0));
    assertFalse(text.lines().anyMatch(l -> l.startsWith("\tat ")), "no stack frames without GFN_DEBUG: " + text);
    assertTrue((System.nanoTime() - t0) / 1e9 < 30, "prompt: Spark's own retries take a minute");
    System.out.printf("unreachable master: exit %d after %.1f s: %s%n", p.exitValue(), (System.nanoTime() - t0) / 1e9, errors.get(0));
  }

  private static Runs.Outcome sweep(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = SweepJob.run(args, SharedSpark.cluster(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Runs.Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aChangedSweepSpecIsRefusedNamingTheChange() throws Exception {
    File spec = SweepTest.spec(dir, "\"learner.learning-rate\" = [1e-3]", "320");
    File out = new File(dir, "sweep");
    Runs.Outcome first = sweep(spec.getPath(), "--out", out.getPath());
    assertEquals(0, first.rc(), first.err());
    Files.writeString(spec.toPath(), Files.readString(spec.toPath()).replace("[1e-3]", "[3e-3]"));
    Runs.Outcome changed = sweep(spec.getPath(), "--out", out.getPath());
    assertEquals(2, changed.rc(), changed.out());
    assertTrue(changed.err().contains("different spec") && changed.err().contains("learner.learning-rate"), changed.err());
  }

  @Test
  void aDistributedTrialKilledMidRunIsRunAgainWithoutSpendingAnAttempt() throws Exception {
    File spec = SweepTest.spec(dir, "\"learner.learning-rate\" = [1e-3]", "320");
    Files.writeString(spec.toPath(), Files.readString(spec.toPath()).replace("mode = packed", "mode = distributed")
        .replace("seeds = [1, 2, 3]", "seeds = [1]")
        .replace("\"train.eval-every\" = 20",
            "\"train.eval-every\" = 20, \"spark.checkpoint-every\" = 5, \"spark.checkpoint-min-interval-s\" = 0"));
    File out = new File(dir, "dist");
    Runs.Outcome first = sweep(spec.getPath(), "--out", out.getPath());
    assertEquals(0, first.rc(), first.err());
    File trials = new File(out, "trials");
    File[] ids = trials.listFiles(File::isDirectory);
    assertEquals(1, ids.length);
    // as if the sweep had been killed inside this trial after a checkpoint: no result, no summary,
    // no final checkpoint (steps 5..20 were checkpointed; the last two are kept)
    Files.delete(new File(trials, ids[0].getName() + ".json").toPath());
    File partial = new File(ids[0], "run-1");
    Files.delete(new File(partial, "summary.json").toPath());
    Files.delete(new File(partial, "checkpoints/ckpt-0000000020.bin").toPath());
    Runs.Outcome again = sweep(spec.getPath(), "--out", out.getPath());
    assertEquals(0, again.rc(), again.err());
    assertTrue(again.out().contains("sweep done: 1 ok, 0 failed"), again.out());
    assertTrue(Files.readString(new File(trials, ids[0].getName() + ".json").toPath()).contains("\"attempts\":1"),
        "the rerun counts as the same attempt");
  }

  @Test
  void aPolicyTooLargeForMemoryIsRefusedWithItsKeys() throws Exception {
    File run = new File(dir, "huge");
    Runs.Outcome o = Runs.train(false, conf().getPath(), "--out", run.getPath(), "--set", "policy.width=65536",
        "--set", "policy.hidden-layers=2");
    assertEquals(2, o.rc(), o.err());
    assertTrue(o.err().contains("gfn.policy.width = 65536") && o.err().contains("does not fit"), o.err());
    assertFalse(run.exists(), "nothing written");
  }

  @Test
  void anExactEvaluationTooSlowIsRefusedUpFrontWithTheEstimate() throws Exception {
    File run = new File(dir, "big-grid");
    long t0 = System.nanoTime();
    Runs.Outcome o = Runs.train(false, conf().getPath(), "--out", run.getPath(),
        "--set", "env.hypergrid.dim=4", "--set", "env.hypergrid.height=47", "--set", "policy.width=256",
        "--set", "policy.hidden-layers=2", "--set", "train.exact-eval-max-s=10");
    assertEquals(2, o.rc(), o.err());
    assertTrue(o.err().contains("4,879,681 states") && o.err().contains("gfn.train.exact-metrics = false"), o.err());
    assertTrue((System.nanoTime() - t0) / 1e9 < 60, "refused before any enumeration or training");
    assertFalse(run.exists(), "nothing written");
  }

  @Test
  void plotsKeepABoundedNumberOfPoints() {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < 4_879_681; i++) {
      xs.add((double) i);
      ys.add(i % 2 == 0 ? 1.0 : 3.0);
    }
    List<List<Double>> b = org.gfn.spark.runlog.Plots.bounded(xs, ys);
    assertTrue(b.get(0).size() <= org.gfn.spark.runlog.Plots.MAX_POINTS, "points " + b.get(0).size());
    assertEquals(2.0, b.get(1).get(0), 1e-9, "buckets average the series");
    assertEquals(xs.size() / 2.0, b.get(0).get(b.get(0).size() / 2), xs.size() / 1000.0, "x stays in place");
  }
}
