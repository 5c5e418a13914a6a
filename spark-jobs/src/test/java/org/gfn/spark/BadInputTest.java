package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits non-zero with a message naming the key, file or value, before any work. */
class BadInputTest {
  @TempDir File dir;

  private Runs.Outcome train(String conf, String... sets) {
    return Runs.train(false, Runs.args(conf, new File(dir, "run"), sets).toArray(String[]::new));
  }

  private File conf(String text) throws Exception {
    File f = new File(dir, "preset.conf");
    Files.writeString(f.toPath(), text);
    return f;
  }

  private void assertNoCheckpoint() {
    File ck = new File(dir, "run/checkpoints");
    String[] files = ck.list();
    assertTrue(files == null || files.length == 0, "no checkpoint, not even a temporary one");
  }

  @Test
  void malformedHocon() throws Exception {
    Runs.Outcome o = train(conf("gfn { objective { name = TB ").getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("preset.conf") && o.err().contains("malformed"), o.err());
    assertNoCheckpoint();
  }

  @Test
  void unknownKey() throws Exception {
    Runs.Outcome o = train(conf("gfn.spark.jobs-in-fligth = 3").getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.spark.jobs-in-fligth"), o.err());
    assertNoCheckpoint();
  }

  @Test
  void wrongType() throws Exception {
    Runs.Outcome o = train(conf("gfn.train.batch-size = many").getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.train.batch-size") && o.err().contains("wrong type"), o.err());
  }

  @Test
  void outOfRange() throws Exception {
    Runs.Outcome o = train("../conf/hypergrid-8x4-tb.conf", "spark.samples-per-insert=0.5");
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.spark.samples-per-insert") && o.err().contains("[1.0"), o.err());
  }

  @Test
  void negativeRewardParameter() {
    Runs.Outcome o = train("../conf/hypergrid-8x4-tb.conf", "env.hypergrid.r0=-0.5");
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.env.hypergrid.r0") && o.err().contains("-0.5"), o.err());
  }

  @Test
  void missingFiles() {
    Runs.Outcome o = train(new File(dir, "nope.conf").getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("nope.conf") && o.err().contains("does not exist"), o.err());
    Runs.Outcome r = Runs.train(false, "--resume", new File(dir, "no-run").getPath());
    assertEquals(2, r.rc());
    assertTrue(r.err().contains("no-run") && r.err().contains("config.conf"), r.err());
  }

  @Test
  void missingDataFile() {
    Runs.Outcome o = train("../conf/tfbind8-tb.conf", "env.tfbind8.file=/nonexistent/tfbind8.txt");
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.env.tfbind8.file") && o.err().contains("/nonexistent/tfbind8.txt")
        && o.err().contains("does not exist"), o.err());
    assertNoCheckpoint();
  }

  @Test
  void missingRewardClass() {
    Runs.Outcome o = train("../conf/hypergrid-8x4-tb.conf", "env.reward-class=com.example.Missing");
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("gfn.env.reward-class") && o.err().contains("com.example.Missing"), o.err());
  }

  @Test
  void unwritableRunDirectory() throws Exception {
    File blocker = new File(dir, "a-file");
    Files.writeString(blocker.toPath(), "not a folder");
    Runs.Outcome o = Runs.train(false, "../conf/hypergrid-8x4-tb.conf", "--out", new File(blocker, "run").getPath());
    assertNotEquals(0, o.rc());
    assertTrue(o.err().contains(new File(blocker, "run").getAbsolutePath()), o.err());
  }

  @Test
  void rewardThatReturnsNaNOrNegative() {
    for (String cls : new String[] {NanReward.class.getName(), NegativeReward.class.getName()}) {
      Runs.Outcome o = train("../conf/hypergrid-8x4-tb.conf", "env.reward-class=" + cls);
      assertNotEquals(0, o.rc());
      assertTrue(o.err().contains("rewards must be finite") && o.err().contains("NaN"), o.err());
      assertNoCheckpoint();
    }
  }

  @Test
  void corruptOrIncompatibleCheckpointIsRefused() throws Exception {
    File run = new File(dir, "run");
    File ck = new File(run, "checkpoints");
    assertTrue(ck.mkdirs());
    Files.writeString(new File(run, "config.conf").toPath(), "gfn.objective.name = TB");
    File bad = new File(ck, "ckpt-0000000010.bin");
    Files.write(bad.toPath(), new byte[64]);
    Runs.Outcome o = Runs.train(false, "--resume", run.getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains(bad.getPath()) && o.err().contains("not a checkpoint"), o.err());
    // right header, wrong format version
    try (RandomAccessFile f = new RandomAccessFile(bad, "rw")) {
      f.writeLong(0x47464e434b505431L);
      f.writeInt(99);
    }
    o = Runs.train(false, "--resume", run.getPath());
    assertEquals(2, o.rc());
    assertTrue(o.err().contains("format 99"), o.err());
    assertFalse(new File(ck, "ckpt-0000000010.bin.tmp").exists());
  }

  /** A user reward that is broken: NaN. */
  public static final class NanReward implements org.gfn.envs.LogReward {
    @Override
    public double logReward(int[] x) {
      return Double.NaN;
    }
  }

  /** A user reward that is broken: R &lt; 0, so log R is NaN. */
  public static final class NegativeReward implements org.gfn.envs.LogReward {
    @Override
    public double logReward(int[] x) {
      return Math.log(-1.0 - x[0]);
    }
  }
}
