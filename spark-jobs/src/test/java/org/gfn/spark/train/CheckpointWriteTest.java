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

/** A checkpoint that cannot be written (a full disk, a blocked path) names the file and leaves no checkpoint. */
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
        () -> Checkpoint.write(dir, c, learner, new Checkpoint.Replay(List.of(), 0), List.of(), 2));
    assertTrue(e.getMessage().contains(blocked.getPath()) && e.getMessage().contains("disk full?"), e.getMessage());
    assertEquals(List.of(), Checkpoint.list(dir), "no checkpoint under the final name");
    Files.delete(new File(blocked, "x").toPath());
  }
}
