package org.gfn.model.config;

import java.util.List;

/**
 * {@code gfn.env.phylo}: which alignment a phylogenetic run reads and its reward offset. The
 * shipped data sets DS1–DS8 (data/phylo) come with the offsets C that gfnx uses for them.
 */
final class PhyloData {
  static final List<String> DATASETS = List.of("DS1", "DS2", "DS3", "DS4", "DS5", "DS6", "DS7", "DS8");
  private static final double[] OFFSETS = {5800, 8000, 8800, 3500, 2300, 2300, 12500, 2800};

  private static final int[] BINS = {50, 50, 50, 100, 100, 100, 200, 100};
  private static final double[] BIN_SIZES = {0.001, 0.004, 0.004, 0.002, 0.002, 0.001, 0.001, 0.001};

  private PhyloData() {}

  /** {@code gfn.env.phylo.bins}, or (when 0) the shipped data set's; required for a file. */
  static int bins(ConfigReader r) {
    int b = r.intIn("gfn.env.phylo.bins", 0, 10_000);
    if (b > 0) return b;
    if (!r.string("gfn.env.phylo.file").isBlank()) {
      throw new SettingsException("gfn.env.phylo.bins must be set (> 0) for gfn.env.phylo.file");
    }
    return BINS[DATASETS.indexOf(dataset(r))];
  }

  /** {@code gfn.env.phylo.bin-size}, or (when 0) the shipped data set's; required for a file. */
  static double binSize(ConfigReader r) {
    double b = r.doubleIn("gfn.env.phylo.bin-size", 0, 100, false);
    if (b > 0) return b;
    if (!r.string("gfn.env.phylo.file").isBlank()) {
      throw new SettingsException("gfn.env.phylo.bin-size must be set (> 0) for gfn.env.phylo.file");
    }
    return BIN_SIZES[DATASETS.indexOf(dataset(r))];
  }

  /** The alignment file: {@code gfn.env.phylo.file}, else the shipped data set named by {@code dataset}. */
  static String file(ConfigReader r) {
    String file = r.string("gfn.env.phylo.file");
    if (!file.isBlank()) return DataFiles.locate(file, "gfn.env.phylo.file");
    return DataFiles.locate("data/phylo/" + dataset(r) + ".fasta", "gfn.env.phylo.dataset");
  }

  /** C: {@code gfn.env.phylo.offset}, or (when 0) the data set's usual constant; 0 for other files. */
  static double offset(ConfigReader r) {
    double c = r.anyDouble("gfn.env.phylo.offset");
    if (c != 0 || !r.string("gfn.env.phylo.file").isBlank()) return c;
    return OFFSETS[DATASETS.indexOf(dataset(r))];
  }

  /** {@code gfn.env.phylo.dataset} as spelled in {@link #DATASETS} (the key is case-insensitive). */
  private static String dataset(ConfigReader r) {
    return r.oneOf("gfn.env.phylo.dataset", DATASETS).toUpperCase(java.util.Locale.ROOT);
  }
}
