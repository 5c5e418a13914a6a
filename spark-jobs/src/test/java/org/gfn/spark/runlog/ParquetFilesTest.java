package org.gfn.spark.runlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay-log file reads back, with Parquet's own generic reader, as the rows written: every
 * column of docs/replay-schema.md in its place and the arrays in the three-level LIST layout.
 */
class ParquetFilesTest {
  @TempDir File dir;

  @Test
  void rowsReadBackColumnByColumn() throws Exception {
    Trajectory a = new Trajectory(7, 123456789L, 3, 2, new int[] {0, 0, 1, 0, 1, 1}, new int[] {0, 1, 2}, -1.5, -2.25,
        Trajectory.Origin.LOCAL_SEARCH, 0.5);
    Trajectory b = new Trajectory(8, -5L, 4, 2, new int[] {0, 0}, new int[] {2}, 0.0, -0.75);
    File f = new File(dir, "part-000000.parquet");
    ParquetFiles.write(f, List.of(
        new ParquetFiles.Row("run-1", a, 11, "exec-1", 2, 1_700_000_000_123L, 40, 17),
        new ParquetFiles.Row("run-1", b, 12, "driver", 0, 1_700_000_000_456L, 41, -1)));
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new Path(f.toURI())).build()) {
      Group g = r.read();
      assertEquals("run-1", g.getString("run_id", 0));
      assertEquals(7, g.getLong("trajectory_id", 0));
      assertEquals(11, g.getLong("round", 0));
      assertEquals(3, g.getLong("policy_version", 0));
      assertEquals("exec-1", g.getString("worker", 0));
      assertEquals(2, g.getInteger("partition", 0));
      assertEquals(123456789L, g.getLong("seed", 0));
      assertEquals(2, g.getInteger("state_size", 0));
      assertEquals(3, g.getInteger("length", 0));
      assertArrayEquals(new int[] {0, 0, 1, 0, 1, 1}, ints(g, "states"));
      assertArrayEquals(new int[] {0, 1, 2}, ints(g, "actions"));
      assertArrayEquals(a.terminal(), ints(g, "terminal"));
      assertEquals(-1.5, g.getDouble("log_reward", 0));
      assertEquals(-2.25, g.getDouble("behaviour_log_prob", 0));
      assertEquals(1_700_000_000_123L, g.getLong("time_ms", 0));
      assertEquals(40, g.getLong("learner_step", 0));
      assertEquals(Trajectory.Origin.LOCAL_SEARCH.label(), g.getString("origin", 0));
      assertEquals(0.5, g.getDouble("beta", 0));
      assertEquals(17, g.getInteger("instance", 0));
      Group h = r.read();
      assertEquals(8, h.getLong("trajectory_id", 0));
      assertEquals(-5L, h.getLong("seed", 0));
      assertArrayEquals(new int[] {2}, ints(h, "actions"));
      assertEquals("sampled", h.getString("origin", 0));
      assertEquals(1.0, h.getDouble("beta", 0));
      assertEquals(-1, h.getInteger("instance", 0));
      assertNull(r.read());
    }
  }

  private static int[] ints(Group row, String column) {
    Group list = row.getGroup(column, 0);
    int n = list.getFieldRepetitionCount("list");
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = list.getGroup("list", i).getInteger("element", 0);
    return out;
  }
}
