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
import java.util.Map;
import org.gfn.spark.Json;

/**
 * The layout of a run's outputs: {@code config.conf} (resolved), {@code metrics.jsonl},
 * {@code summary.json}, {@code checkpoints/}, {@code replay/} and {@code plots/}.
 */
public final class RunDirectory {
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
    try {
      File tmp = new File(target.getPath() + ".tmp");
      Files.writeString(tmp.toPath(), content, StandardCharsets.UTF_8);
      Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
