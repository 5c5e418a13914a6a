package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.Settings;
import org.gfn.model.train.Components;
import org.gfn.model.train.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fresh clone runs every preset: each validates and builds its task (data sets read from the
 * project's own data/ folder, within the memory and exact-metrics budgets), with nothing beside
 * the checkout.
 */
class PresetsTest {
  private static final File ROOT = new File("..").getAbsoluteFile().toPath().normalize().toFile();

  @ParameterizedTest
  @ValueSource(strings = {"bitseq-tb", "ebgfn-ising", "hypergrid-20x4-tb", "hypergrid-8x4-tb-fast",
      "hypergrid-8x4-tb", "ising-10x10-tb", "qm9str-tb", "tfbind8-tb", "mis-rb-small", "maxclique-rb-small",
      "mds-ba-small", "maxcut-ba-small", "phylo-ds1-parsimony", "phylo-ds1-bayes"})
  void presetBuildsFromTheProjectAlone(String name) throws Exception {
    File conf = new File(ROOT, "conf/" + name + ".conf");
    assertFalse(Files.readString(conf.toPath()).contains("shared/"), name + " points outside the project");
    // gfn.spark keys are the spark-jobs module's (its SparkPresetsTest checks them)
    Settings s = Settings.load(ConfigLoader.load(conf, List.of()).withoutPath("gfn.spark"));
    Task task = Components.task(s);
    assertNotNull(task.env());
    if (!s.env().dataFile().isEmpty()) {
      File data = new File(s.env().dataFile());
      assertTrue(data.toPath().startsWith(new File(ROOT, "data").toPath()), name + " reads " + data);
      assertNotNull(task.rewards(), name + " loaded its reward table");
    }
    if (s.env().graph() != null && !s.env().graph().reference().isEmpty()) {
      assertTrue(new File(s.env().graph().reference()).toPath().startsWith(new File(ROOT, "data").toPath()), name);
      assertNotNull(task.discoveryTracker(), name + " scores its held-out graphs against their references");
    }
  }
}
