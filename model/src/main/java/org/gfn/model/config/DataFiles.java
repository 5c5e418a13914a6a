package org.gfn.model.config;

import java.io.File;

/**
 * Finds data files named in the configuration: an absolute path as given; a relative one from the
 * working folder and up to three of its parents, then from the project root that the launcher
 * names in the system property {@code gfn.home}. The shipped data sets live in {@code data/}.
 */
public final class DataFiles {
  private DataFiles() {}

  /**
   * @return the absolute path of {@code path}, looked up from the working folder, up to three of
   *     its parents, and the project root ({@code -Dgfn.home})
   * @throws SettingsException naming {@code key} when the file is nowhere
   */
  public static String locate(String path, String key) {
    return locate(path, key, false);
  }

  /** As {@link #locate(String, String)}; with {@code directories}, a directory is found as well. */
  public static String locate(String path, String key, boolean directories) {
    java.util.function.Predicate<File> found = c -> c.isFile() || (directories && c.isDirectory());
    File f = new File(path);
    if (f.isAbsolute()) {
      if (found.test(f)) return f.getPath();
      throw new SettingsException(key + " = " + path + ": the data file does not exist");
    }
    File dir = new File("").getAbsoluteFile();
    for (int up = 0; up <= 3 && dir != null; up++, dir = dir.getParentFile()) {
      File c = new File(dir, path);
      if (found.test(c)) return c.getAbsolutePath();
    }
    String home = System.getProperty("gfn.home");
    if (home != null && found.test(new File(home, path))) return new File(home, path).getAbsolutePath();
    throw new SettingsException(key + " = " + path + ": the data file does not exist (looked in "
        + new File("").getAbsolutePath() + " and its parents" + (home == null ? "" : ", and in " + home) + ")");
  }
}
