package org.gfn.model.config;

import java.util.List;

/**
 * {@code gfn.env.phylo}: which alignment a phylogenetic run reads and its reward offset. The
 * shipped data sets DS1–DS8 (data/phylo) come with the offsets C that gfnx uses for them.
 */
final class PhyloData {
  static final List<String> DATASETS = List.of("DS1", "DS2", "DS3", "DS4", "DS5", "DS6", "DS7", "DS8");
  private static final double[] OFFSETS = {5800, 8000, 8800, 3500, 2300, 2300, 12500, 2800};

  private PhyloData() {}

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
