package org.gfn.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.train.Components;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are streamed to disk and read back whole; a corrupt or truncated one is refused
 * naming the file; one that cannot be written (a full disk, a blocked path) names the file and
 * leaves no checkpoint.
 */
class CheckpointWriteTest {
  @TempDir File dir;

  @Test
  void aFailedWriteNamesTheFileAndLeavesNoCheckpoint() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("gfn.env.hypergrid { dim = 2, height = 4 }\ngfn.policy.width = 8"));
    Learner learner = Components.learner(s, Components.task(s.env()).env());
    // the temporary file's path is taken by a non-empty folder: the write fails as on a full disk
    File blocked = new File(dir, "ckpt-0000000000.bin.tmp");
    assertTrue(new File(blocked, "x").mkdirs());
    Checkpoint.Counters c = new Checkpoint.Counters("run", 0, SparkRollouts.Position.START, 0, 0);
    IOException e = assertThrows(IOException.class,
        () -> Checkpoint.write(dir, c, Checkpoint.learnerState(learner), new Checkpoint.Replay(List.of(), 0), List.of(), 2));
    assertTrue(e.getMessage().contains(blocked.getPath()) && e.getMessage().contains("disk full?"), e.getMessage());
    assertEquals(List.of(), Checkpoint.list(dir), "no checkpoint under the final name");
    Files.delete(new File(blocked, "x").toPath());
  }

  @Test
  void aCheckpointRoundTripsAndDamageIsRefused() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("gfn.env.hypergrid { dim = 2, height = 4 }\ngfn.policy.width = 8"));
    Learner learner = Components.learner(s, Components.task(s.env()).env());
    java.util.List<org.gfn.replay.Trajectory> replay = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      replay.add(new org.gfn.replay.Trajectory(i, 7L * i, i / 10, 2, new int[] {0, 0, 1, 0}, new int[] {0, 2}, -0.5 * i, -1.25,
          org.gfn.replay.Trajectory.Origin.SAMPLED, 1.0));
    }
    Checkpoint.Counters c = new Checkpoint.Counters("run-7", 42, SparkRollouts.Position.START, 640, 12.5);
    File f = Checkpoint.write(dir, c, Checkpoint.learnerState(learner), new Checkpoint.Replay(replay, 99), List.of("log-1.parquet"), 2);
    Checkpoint.Restored r = Checkpoint.read(f, Components.learner(s, Components.task(s.env()).env()));
    assertEquals(c, r.counters());
    assertEquals(99, r.replay().samplerState());
    assertEquals(List.of("log-1.parquet"), r.logFiles());
    assertEquals(3000, r.replay().contents().size());
    org.gfn.replay.Trajectory last = r.replay().contents().get(2999);
    assertEquals(2999, last.id());
    assertEquals(-0.5 * 2999, last.logReward());
    byte[] bytes = Files.readAllBytes(f.toPath());
    bytes[bytes.length / 2] ^= 1;
    File corrupt = new File(dir, "corrupt.bin");
    Files.write(corrupt.toPath(), bytes);
    IOException e = assertThrows(IOException.class, () -> Checkpoint.read(corrupt, learner));
    assertTrue(e.getMessage().contains(corrupt.getPath()) && e.getMessage().contains("checksum"), e.getMessage());
    File cut = new File(dir, "cut.bin");
    Files.write(cut.toPath(), java.util.Arrays.copyOf(bytes, bytes.length - 10));
    e = assertThrows(IOException.class, () -> Checkpoint.read(cut, learner));
    assertTrue(e.getMessage().contains(cut.getPath()) && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void theBackgroundWriterWritesTheCutTakenAndReportsFailures() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("gfn.env.hypergrid { dim = 2, height = 4 }\ngfn.policy.width = 8"));
    Learner learner = Components.learner(s, Components.task(s.env()).env());
    byte[] state = Checkpoint.learnerState(learner);
    java.util.concurrent.CompletableFuture<List<String>> logFiles = new java.util.concurrent.CompletableFuture<>();
    try (CheckpointWriter w = new CheckpointWriter(dir, 2)) {
      w.submit(logFiles, new Checkpoint.Counters("run", 5, SparkRollouts.Position.START, 80, 1.5), state,
          new Checkpoint.Replay(List.of(), 0));
      assertEquals(List.of(), Checkpoint.list(dir), "the write waits for the replay log's commit");
      logFiles.complete(List.of("part-000000.parquet"));
      File f = w.await();
      assertEquals(List.of(f), Checkpoint.list(dir));
      assertEquals(List.of("part-000000.parquet"), Checkpoint.read(f, learner).logFiles());
      assertEquals(5, Checkpoint.read(f, learner).counters().steps());

      // a failed replay-log write fails the checkpoint that needs it; the next submit reports it
      w.submit(java.util.concurrent.CompletableFuture.failedFuture(new IOException("log disk full")),
          new Checkpoint.Counters("run", 10, SparkRollouts.Position.START, 160, 3), state, new Checkpoint.Replay(List.of(), 0));
      IOException e = assertThrows(IOException.class, () -> w.submit(java.util.concurrent.CompletableFuture.completedFuture(List.of()),
          new Checkpoint.Counters("run", 15, SparkRollouts.Position.START, 240, 4), state, new Checkpoint.Replay(List.of(), 0)));
      assertEquals("log disk full", e.getMessage());
      assertEquals(List.of(f), Checkpoint.list(dir), "no checkpoint without its log");

      // a failed checkpoint write names the file; close() reports it
      File blocked = new File(dir, "ckpt-0000000020.bin.tmp");
      assertTrue(new File(blocked, "x").mkdirs());
      w.submit(java.util.concurrent.CompletableFuture.completedFuture(List.of()),
          new Checkpoint.Counters("run", 20, SparkRollouts.Position.START, 320, 5), state, new Checkpoint.Replay(List.of(), 0));
      e = assertThrows(IOException.class, w::close);
      assertTrue(e.getMessage().contains(blocked.getPath()), e.getMessage());
      Files.delete(new File(blocked, "x").toPath());
    }
  }
}
