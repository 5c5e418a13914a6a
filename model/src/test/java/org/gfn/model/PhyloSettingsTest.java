package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import org.gfn.envs.Environment;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.train.Components;
import org.gfn.model.train.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfn.env.type = phylo}: the shipped data sets with their offsets, user FASTA files, bad input. */
class PhyloSettingsTest {
  @TempDir File dir;

  @Test
  void aShippedDataSetComesWithItsOffset() {
    Settings s = Settings.load(ConfigFactory.parseString("gfn.env { type = phylo, phylo.dataset = DS5 }"));
    PhyloForest env = (PhyloForest) EnvironmentFactory.environment(s.env());
    assertEquals("phylo(taxa=50,sites=378)", env.name());
    assertEquals(2300, s.env().phyloOffset(), 0);
    assertEquals(-1, env.enumerableStates(), "50 taxa do not enumerate");
  }

  @Test
  void sevenTaxaFromAFileGetExactMetrics() throws Exception {
    File f = new File(dir, "seven.fasta");
    StringBuilder sb = new StringBuilder();
    String[] seqs = {"ACGTAC", "ACGTTC", "ACCTAC", "TCGTAA", "ACG-AC", "GCGTAN", "ACGAAC"};
    for (int t = 0; t < seqs.length; t++) sb.append(">taxon").append(t).append('\n').append(seqs[t]).append('\n');
    Files.writeString(f.toPath(), sb.toString());
    Settings s = Settings.load(ConfigFactory.parseString(
        "gfn.env { type = phylo, phylo { file = \"" + f.getAbsolutePath() + "\", offset = 10 } }"));
    Task task = Components.task(s);
    assertNotNull(task.space(), "exact space");
    assertEquals(27_007, task.space().size());
    assertEquals(10_395, task.space().terminalCount());
  }

  @Test
  void aMalformedAlignmentIsBadInputNamingTheFileAndLine() throws Exception {
    File f = new File(dir, "bad.fasta");
    Files.writeString(f.toPath(), ">a\nACGT\n>b\nACG\n");
    Settings s = Settings.load(ConfigFactory.parseString(
        "gfn.env { type = phylo, phylo.file = \"" + f.getAbsolutePath() + "\" }"));
    SettingsException e = assertThrows(SettingsException.class, () -> Components.task(s));
    assertTrue(e.getMessage().contains("gfn.env.phylo") && e.getMessage().contains(f.getAbsolutePath())
        && e.getMessage().contains("line 3"), e.getMessage());
  }

  /** DS1's 27 taxa: the MLP's flat features refuse them and name the set policy; the set policy takes them in steps. */
  @Test
  void theBayesianTaskOnDs1NeedsTheSetPolicy() {
    Settings mlp = Settings.load(ConfigFactory.parseString("gfn.env { type = phylo-bayes, phylo.dataset = DS1 }"));
    SettingsException e = assertThrows(SettingsException.class, () -> EnvironmentFactory.environment(mlp.env()));
    assertTrue(e.getMessage().contains("gfn.env.phylo") && e.getMessage().contains("gfn.policy.type = set"), e.getMessage());
    Settings set = Settings.load(ConfigFactory.parseString(
        "gfn.env { type = phylo-bayes, phylo.dataset = DS1 }, gfn.policy { type = set, width = 8, heads = 2 }"));
    Environment env = EnvironmentFactory.environment(set.env());
    assertTrue(env instanceof PhyloBayesSteps, env.name());
    assertEquals("phylo-bayes-steps(taxa=27,sites=1949,bins=50x0.001)", env.name());
    assertEquals(27 * 26 / 2 + 50 + 1, env.numActions());
  }

  @Test
  void badBranchLengthSettingsAreRefusedWithTheirKey() throws Exception {
    File f = new File(dir, "five.fasta");
    Files.writeString(f.toPath(), ">a\nACGT\n>b\nACGA\n>c\nACTT\n>d\nGCTT\n>e\nGCTA\n");
    String file = "gfn.env { type = phylo-bayes, phylo { file = \"" + f.getAbsolutePath() + "\", ";
    for (String bad : new String[] {"bins = 4 } }", "bins = 4, bin-size = -1 } }", "bin-size = 0.1 } }"}) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(ConfigFactory.parseString(file + bad)));
      assertTrue(e.getMessage().contains(bad.startsWith("bin-size") ? "gfn.env.phylo.bins" : "gfn.env.phylo.bin-size"),
          e.getMessage());
    }
  }
}
