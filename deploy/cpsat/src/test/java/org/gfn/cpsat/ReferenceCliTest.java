package org.gfn.cpsat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The reference command writes one row per instance to its cache and reuses cached rows. */
class ReferenceCliTest {
  @TempDir File dir;

  @Test
  void cachesOneRowPerInstance() throws Exception {
    File cache = new File(dir, "refs.tsv");
    String[] args = {"--problem", "maxcut", "--instance", "er", "--nodes", "12", "--seeds", "1-2", "--time-limit", "5",
        "--workers", "1", "--cache", cache.getPath()};
    assertEquals(0, new CommandLine(new ReferenceCli()).execute(args));
    List<String> first = Files.readAllLines(cache.toPath());
    assertEquals(ReferenceCli.HEADER, first.get(0));
    assertEquals(3, first.size(), "a header and one row per seed");
    String[] row = first.get(1).split("\t");
    assertEquals("maxcut", row[0]);
    assertEquals("true", row[6], "12 nodes are solved to optimality");
    assertEquals(true, Integer.parseInt(row[5]) >= Integer.parseInt(row[9]), "CP-SAT at least greedy: " + first.get(1));
    String[] more = {"--problem", "maxcut", "--instance", "er", "--nodes", "12", "--seeds", "1-3", "--time-limit", "5",
        "--workers", "1", "--cache", cache.getPath()};
    assertEquals(0, new CommandLine(new ReferenceCli()).execute(more));
    List<String> second = Files.readAllLines(cache.toPath());
    assertEquals(4, second.size(), "seeds 1 and 2 reused, seed 3 appended");
    assertEquals(first, second.subList(0, 3));
  }
}
