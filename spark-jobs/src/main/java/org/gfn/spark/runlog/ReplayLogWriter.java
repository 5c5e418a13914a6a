package org.gfn.spark.runlog;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.gfn.replay.Trajectory;
import org.gfn.spark.DaemonThreads;

/**
 * The append-only Parquet log of every trajectory that entered the replay buffer, under
 * {@code RUN_DIR/replay/}. Rows are buffered and written by one background thread on the driver,
 * one file per {@code rowsPerFile} rows (never one file per trajectory), so the learner never
 * waits on I/O. Columns are documented in docs/replay-schema.md.
 */
public final class ReplayLogWriter implements AutoCloseable {
  private final File dir;
  private final String runId;
  private final int rowsPerFile;
  private final ExecutorService writer = DaemonThreads.single("replay-log-writer");
  private final List<Future<?>> pending = new ArrayList<>();
  private List<ParquetFiles.Row> buffer = new ArrayList<>();
  private int fileSeq;
  private final ToIntFunction<int[]> instanceOf;

  /**
   * @param instanceOf the problem instance a trajectory's states belong to (an instance-conditioned
   *     environment), or null: the {@code instance} column is then −1
   */
  public ReplayLogWriter(File runDir, String runId, int rowsPerFile, ToIntFunction<int[]> instanceOf) {
    this.instanceOf = instanceOf;
    this.dir = new File(runDir, "replay");
    this.runId = runId;
    this.rowsPerFile = rowsPerFile;
    if (!dir.isDirectory() && !dir.mkdirs()) throw new IllegalStateException("cannot create " + dir);
    File[] existing = dir.listFiles((d, n) -> n.endsWith(".parquet"));
    fileSeq = existing == null ? 0 : existing.length;
  }

  /** Buffers one trajectory; starts a background write when the buffer is full. */
  public void append(Trajectory t, long round, String worker, int partition, long learnerStep) {
    buffer.add(new ParquetFiles.Row(runId, t, round, worker, partition, System.currentTimeMillis(), learnerStep,
        instanceOf == null ? -1 : instanceOf.applyAsInt(t.terminal())));
    if (buffer.size() >= rowsPerFile) submit();
  }

  private void submit() {
    if (buffer.isEmpty()) return;
    List<ParquetFiles.Row> rows = buffer;
    buffer = new ArrayList<>();
    File file;
    do {
      file = new File(dir, String.format("part-%06d-%s.parquet", fileSeq++, runId.substring(0, 8)));
    } while (file.exists());
    File target = file;
    pending.add(writer.submit(() -> {
      File tmp = new File(dir, "." + target.getName() + ".inprogress");
      ParquetFiles.write(tmp, rows);
      if (!tmp.renameTo(target)) throw new IOException("cannot rename " + tmp + " to " + target);
      new File(dir, "." + tmp.getName() + ".crc").delete();
      return null;
    }));
  }
  /**
   * Writes everything buffered and returns, without waiting, the names of the log's files once
   * they are on disk: the rows appended before this call and none after (the writer thread works
   * in order). The future fails if any of those writes failed.
   */
  public Future<List<String>> commit() {
    submit();
    List<Future<?>> before = new ArrayList<>(pending);
    pending.clear();
    return writer.submit(() -> {
      for (Future<?> f : before) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable c = e.getCause();
          throw new IOException("writing the replay log under " + dir + " failed: " + c.getMessage(), c);
        }
      }
      return files();
    });
  }

  /** Writes everything buffered and waits until all files are on disk. */
  public void flush() {
    try {
      commit().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the replay log under " + dir, e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** The Parquet files now in the log (call after {@link #flush}; {@link #commit} returns them). */
  public List<String> files() {
    TreeSet<String> names = new TreeSet<>();
    File[] fs = dir.listFiles((d, n) -> n.endsWith(".parquet") && !n.startsWith("."));
    if (fs != null) for (File f : fs) names.add(f.getName());
    return new ArrayList<>(names);
  }

  /** Deletes every log file not in {@code keep}: what a killed run wrote after its checkpoint. */
  public static int discardUncommitted(File runDir, List<String> keep) throws IOException {
    File d = new File(runDir, "replay");
    File[] fs = d.listFiles();
    int n = 0;
    if (fs == null) return 0;
    for (File f : fs) {
      String name = f.getName();
      boolean data = name.endsWith(".parquet") && !name.startsWith(".");
      boolean scratch = name.startsWith(".");
      if (scratch || (data && !keep.contains(name))) {
        if (!f.delete()) throw new IOException("cannot delete uncommitted replay-log file " + f);
        if (data) n++;
      }
    }
    return n;
  }

  @Override
  public void close() {
    flush();
    writer.shutdown();
  }
}
