package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
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
}
