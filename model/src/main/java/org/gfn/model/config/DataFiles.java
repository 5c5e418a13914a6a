package org.gfn.model.config;

import java.io.File;

/** Finds data files named in the configuration: as given, else relative to a parent folder. */
public final class DataFiles {
  private DataFiles() {}

  /**
   * @return the absolute path of {@code path}, looked up from the working folder and then from
   *     up to three of its parents
   * @throws SettingsException naming {@code key} when the file is nowhere
   */
  public static String locate(String path, String key) {
    File f = new File(path);
    if (f.isAbsolute()) {
      if (f.isFile()) return f.getPath();
      throw new SettingsException(key + " = " + path + ": the data file does not exist");
    }
    File dir = new File("").getAbsoluteFile();
    for (int up = 0; up <= 3 && dir != null; up++, dir = dir.getParentFile()) {
      File c = new File(dir, path);
      if (c.isFile()) return c.getAbsolutePath();
    }
    throw new SettingsException(key + " = " + path + ": the data file does not exist (looked in "
        + new File("").getAbsolutePath() + " and its parents)");
  }
}
