package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone-cluster scripts and driver addresses: a second start is refused instead of
 * orphaning a master the stop script cannot reach; loopback masters get a loopback driver.
 */
class ClusterScriptsTest {
  private static final File DEPLOY = new File("../deploy").getAbsoluteFile();

  private static Process script(String name, File log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", new File(DEPLOY, name).getPath())
        .redirectErrorStream(true).redirectOutput(log);
    pb.environment().put("GFN_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("WORKER_MEMORY", "512m");
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), name + " finished");
    return p;
  }

  @Test
  void aSecondStandaloneStartIsRefusedAndStopEndsBoth() throws Exception {
    File dir = Files.createTempDirectory("standalone").toFile();
    File state = new File(DEPLOY, ".standalone");
    try {
      Process first = script("standalone-start.sh", new File(dir, "first.log"));
      assertEquals(0, first.exitValue(), Files.readString(new File(dir, "first.log").toPath()));
      long master = Long.parseLong(Files.readString(new File(state, "master.pid").toPath()).strip());
      Process second = script("standalone-start.sh", new File(dir, "second.log"));
      String text = Files.readString(new File(dir, "second.log").toPath());
      assertEquals(1, second.exitValue(), text);
      assertTrue(text.contains("already running") && text.contains("standalone-stop.sh"), text);
      assertEquals(master, Long.parseLong(Files.readString(new File(state, "master.pid").toPath()).strip()),
          "the running master's pid file is kept");
      Process stop = script("standalone-stop.sh", new File(dir, "stop.log"));
      assertEquals(0, stop.exitValue());
      assertFalse(ProcessHandle.of(master).map(ProcessHandle::isAlive).orElse(false), "the master is gone");
    } finally {
      script("standalone-stop.sh", new File(dir, "cleanup.log"));
    }
  }

  @Test
  void loopbackMastersAreRecognised() {
    assertTrue(Sessions.onLoopback("spark://127.0.0.1:7077"));
    assertTrue(Sessions.onLoopback("spark://localhost:7077,127.0.0.2:7078"));
    assertFalse(Sessions.onLoopback("spark://10.1.2.3:7077"));
    assertFalse(Sessions.onLoopback("spark://127.0.0.1:7077,node2:7077"));
    assertFalse(Sessions.onLoopback("yarn"));
  }
}
