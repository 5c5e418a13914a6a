package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.ConfigReader;
import org.gfn.model.config.Settings;
import org.junit.jupiter.api.Test;

/**
 * Every preset's distributed settings validate with this module's keys (the model module's
 * PresetsTest builds each task but cannot see them), and the fast HyperGrid preset keeps the
 * rollout task size its benchmark was measured with.
 */
class SparkPresetsTest {
  private static final File CONF = new File("../conf").getAbsoluteFile();

  @Test
  void everyPresetsSparkSettingsValidate() {
    File[] presets = CONF.listFiles((d, n) -> n.endsWith(".conf"));
    assertTrue(presets != null && presets.length >= 14, "presets under " + CONF);
    Arrays.sort(presets);
    for (File p : presets) {
      Settings s = Settings.load(ConfigLoader.load(p, List.of()));
      SparkSettings spark = SparkSettings.read(new ConfigReader(s.config()));
      if (p.getName().equals("hypergrid-8x4-tb-fast.conf")) assertEquals(512, spark.trajectoriesPerTask(), p.getName());
    }
  }
}
