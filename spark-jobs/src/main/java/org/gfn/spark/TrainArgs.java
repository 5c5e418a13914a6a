package org.gfn.spark;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gfn.model.train.SettingsException;

/**
 * The train job's command line:
 * {@code CONF [--out RUN_DIR] [--set key=value ...] [--master URL] [--resume RUN_DIR]}.
 */
record TrainArgs(File conf, File out, List<String> sets, String master, File resume) {
  static final String USAGE =
      "usage: train CONF [--out RUN_DIR] [--set key=value ...] [--master URL] [--resume RUN_DIR]\n"
          + "       train --resume RUN_DIR [--set key=value ...]   (continues a stopped or killed run)";

  static TrainArgs parse(String[] args) {
    File conf = null;
    File out = null;
    File resume = null;
    String master = null;
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (a) {
        case "--out" -> out = new File(value(args, ++i, a, hasValue));
        case "--set" -> sets.add(value(args, ++i, a, hasValue));
        case "--master" -> master = value(args, ++i, a, hasValue);
        case "--resume" -> resume = new File(value(args, ++i, a, hasValue));
        default -> {
          if (a.startsWith("--") || conf != null) throw new SettingsException("unexpected argument '" + a + "'\n" + USAGE);
          conf = new File(a);
        }
      }
    }
    if (conf == null && resume == null) throw new SettingsException("no configuration file given\n" + USAGE);
    if (resume != null && out != null && !out.getAbsoluteFile().equals(resume.getAbsoluteFile())) {
      throw new SettingsException("--resume continues in RUN_DIR itself; drop --out\n" + USAGE);
    }
    return new TrainArgs(conf, out, sets, master, resume);
  }

  private static String value(String[] args, int i, String flag, boolean has) {
    if (!has) throw new SettingsException(flag + " needs a value\n" + USAGE);
    return args[i];
  }
}
