package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parsimony run through the main job with the set policy: its snapshots travel to the
 * executors, which roll out trees in plain Java; the run reports its best trees.
 */
class PhyloJobTest {
  @TempDir File dir;

  @Test
  void reportsTheBestTreesOfARunOnExecutors() throws Exception {
    File fasta = new File(dir, "seven.fasta");
    String[] seqs = {"ACGTACGTAA", "ACGTTCGTAA", "ACCTACGGAA", "TCGTAAGTCA", "ACG-ACGTAN", "GCGTANTTAA", "ACGAACGTCA"};
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < seqs.length; t++) sb.append(">taxon_").append(t).append('\n').append(seqs[t]).append('\n');
    Files.writeString(fasta.toPath(), sb.toString());
    File conf = new File(dir, "phylo.conf");
    Files.writeString(conf.toPath(), String.join("\n",
        "gfn.env { type = phylo, phylo { file = \"" + fasta.getAbsolutePath() + "\", offset = 20, alpha = 1.0 } }",
        "gfn.objective.name = FLDB",
        "gfn.policy { type = set, hidden-layers = 1, width = 16, mix-layers = 1, heads = 2 }",
        "gfn.train { trajectories = 1280, eval-every = 20 }",
        "gfn.spark { trajectories-per-task = 64, tasks-per-job = 2, plots = false }"));
    File run = new File(dir, "run");
    Runs.Outcome o = Runs.train(true, Runs.args(conf.getPath(), run).toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    assertTrue(s.getLong("best_parsimony") > 0 && s.getLong("distinct_best_trees") >= 1, s.root().render());
    assertTrue(s.getDouble("mean_parsimony") >= s.getLong("best_parsimony"));
    assertTrue(s.hasPath("exact_tv"), "7 taxa: exact metrics");
    List<String> trees = Files.readAllLines(new File(run, "best_trees.tsv").toPath());
    assertEquals("parsimony\tnewick", trees.get(0));
    assertEquals(s.getLong("best_parsimony"), Long.parseLong(trees.get(1).split("\t")[0]));
    assertTrue(trees.get(1).contains("taxon_0") && trees.get(1).endsWith(";"), trees.get(1));
    assertTrue(Runs.replayLog(run).select("worker").distinct().count() >= 1);
  }
}
