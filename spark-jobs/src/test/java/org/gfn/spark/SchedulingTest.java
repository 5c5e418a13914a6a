package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cron path: the crontab entry's script, the launcher, a sweep, its results. */
class SchedulingTest {
  @TempDir File dir;

  @Test
  void cronEntryRunsASweepThroughTheLauncher() throws Exception {
    String cron = Files.readString(new File("../deploy/cron/gfn-sweep.cron").toPath());
    assertTrue(cron.lines().anyMatch(l -> l.matches("^[0-9*/,\\- ]+ .*deploy/cron/run-sweep\\.sh \\S+ \\S+.*")),
        "the cron entry calls deploy/cron/run-sweep.sh SPEC ROOT");
    File spec = SweepTest.spec(dir, "\"objective.name\" = [TB]", "320");
    File root = new File(dir, "sweeps");
    ProcessBuilder pb = new ProcessBuilder("bash", "../deploy/cron/run-sweep.sh", spec.getPath(), root.getPath(),
        "--master", "local[1]").redirectErrorStream(true).redirectOutput(new File(dir, "cron.out"));
    pb.environment().put("GFN_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("JAVA_OPTS", "-Xmx2g");
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the scheduled sweep finished");
    assertEquals(0, p.exitValue(), Files.readString(new File(dir, "cron.out").toPath()));
    File[] runs = root.listFiles(f -> f.isDirectory() && f.getName().startsWith("sweep-"));
    assertEquals(1, runs.length, "one dated sweep folder");
    List<String> rows = Files.readAllLines(new File(runs[0], "results.csv").toPath());
    assertEquals(4, rows.size(), "header + 3 trials (seeds 1..3)");
    String log = Files.readString(new File(root, runs[0].getName() + ".log").toPath());
    assertTrue(log.contains("sweep done: 3 ok, 0 failed"), log);
  }
}
