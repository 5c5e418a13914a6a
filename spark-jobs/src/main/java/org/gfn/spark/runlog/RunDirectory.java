package org.gfn.spark.runlog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gfn.spark.Json;

/**
 * The layout of a run's outputs: {@code config.conf} (resolved), {@code metrics.jsonl},
 * {@code summary.json}, {@code checkpoints/}, {@code replay/} and {@code plots/}.
 */
public final class RunDirectory {
  /** Files and folders that belong to a run: what marks a folder as used and --overwrite removes. */
  private static final List<String> RUN_FILES = List.of("config.conf", "metrics.jsonl", "summary.json");
  private static final List<String> RUN_FOLDERS = List.of("checkpoints", "replay", "plots");

  public final File root;

  public RunDirectory(File root) {
    this.root = root.getAbsoluteFile();
  }

  /** Creates the folders, failing early with the path when the location is not writable. */
  public void create() {
    for (String sub : new String[] {"", "checkpoints", "plots"}) {
      File d = new File(root, sub);
      if (!d.isDirectory() && !d.mkdirs()) {
        throw new IllegalStateException("cannot create run directory " + d + ": check the path and its permissions");
      }
    }
    File probe = new File(root, ".write-test");
    try {
      Files.writeString(probe.toPath(), "ok");
      Files.delete(probe.toPath());
    } catch (IOException e) {
      throw new IllegalStateException("run directory " + root + " is not writable: " + e.getMessage(), e);
    }
  }

  public File config() {
    return new File(root, "config.conf");
  }

  public File checkpoints() {
    return new File(root, "checkpoints");
  }

  public File plots() {
    return new File(root, "plots");
  }

  public void writeConfig(Config c) {
    writeAtomically(config(), c.root().withOnlyKey("gfn")
        .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false)));
  }

  public void appendMetrics(Map<String, ?> record) {
    try {
      Files.writeString(new File(root, "metrics.jsonl").toPath(), Json.object(record) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to metrics.jsonl in " + root, e);
    }
  }

  public void writeSummary(Map<String, ?> summary) {
    writeAtomically(new File(root, "summary.json"), Json.object(summary) + "\n");
  }

  public static void writeAtomically(File target, String content) {
    File tmp = new File(target.getPath() + ".tmp");
    try {
      Files.writeString(tmp.toPath(), content, StandardCharsets.UTF_8);
      Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp.toPath());
      } catch (IOException ignored) {
        // the write already failed; the next start removes what is left (removeLeftovers)
      }
      throw new UncheckedIOException("cannot write " + target + " (disk full?): " + e.getMessage(), e);
    }
  }

  /** What of a run this folder holds (config, metrics, summary, checkpoints, replay log); empty if none. */
  public List<String> runFiles() {
    List<String> found = new ArrayList<>();
    for (String f : RUN_FILES) {
      if (new File(root, f).exists()) found.add(f);
    }
    for (String d : List.of("checkpoints", "replay")) {
      String[] in = new File(root, d).list();
      if (in != null && in.length > 0) found.add(d + "/");
    }
    return found;
  }

  /** Removes an earlier run's outputs (train --overwrite); other files in the folder stay. */
  public void clear() throws IOException {
    for (String f : RUN_FILES) Files.deleteIfExists(new File(root, f).toPath());
    for (String d : RUN_FOLDERS) {
      File dir = new File(root, d);
      if (!dir.exists()) continue;
      try (Stream<java.nio.file.Path> all = Files.walk(dir.toPath())) {
        for (java.nio.file.Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  /**
   * Removes the temporary files that a killed or failed write leaves ({@code *.tmp}: checkpoints,
   * summary, config); returns their names.
   */
  public List<String> removeLeftovers() throws IOException {
    List<String> removed = new ArrayList<>();
    for (File dir : new File[] {root, checkpoints()}) {
      File[] tmps = dir.listFiles(f -> f.isFile() && f.getName().endsWith(".tmp"));
      if (tmps == null) continue;
      for (File t : tmps) {
        Files.deleteIfExists(t.toPath());
        removed.add(t.getName());
      }
    }
    return removed;
  }

  /**
   * Drops the metrics rows written after learner step {@code step} (those of a killed run's last
   * part, which a resume from the checkpoint at {@code step} writes again); returns how many.
   */
  public int truncateMetricsAfter(long step) throws IOException {
    File f = new File(root, "metrics.jsonl");
    if (!f.isFile()) return 0;
    List<String> rows = Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    for (String row : rows) {
      if (row.isBlank()) continue;
      Object s = Json.parse(row).get("learner_step");
      if (!(s instanceof Number n) || n.longValue() <= step) kept.add(row);
    }
    if (kept.size() < rows.size()) writeAtomically(f, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    return (int) rows.stream().filter(r -> !r.isBlank()).count() - kept.size();
  }

  /** The run's summary.json as a map, or null when it has none. */
  public Map<String, Object> readSummary() throws IOException {
    File f = new File(root, "summary.json");
    return f.isFile() ? Json.parse(Files.readString(f.toPath())) : null;
  }
}
