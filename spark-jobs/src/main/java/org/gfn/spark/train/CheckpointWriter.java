package org.gfn.spark.train;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.gfn.spark.DaemonThreads;

/**
 * Writes checkpoints on a background thread, so the learner does not wait on the replay log's
 * flush or on streaming the replay buffer to disk. The learner's thread takes the cut (counters,
 * the learner's state as bytes, a copy of the replay buffer's contents and the replay log's
 * commit, see {@link org.gfn.spark.runlog.ReplayLogWriter#commit}); this class writes it. One
 * checkpoint is written at a time: a new one first waits for the previous, and a failed write is
 * reported by the next {@link #submit}, by {@link #await} or by {@link #close}, never dropped.
 */
final class CheckpointWriter implements AutoCloseable {
  private final File dir;
  private final int keep;
  private final ExecutorService thread = DaemonThreads.single("checkpoint-writer");
  private Future<File> pending;
  private double waitSeconds;

  /** @param keep the newest checkpoints kept in {@code dir} */
  CheckpointWriter(File dir, int keep) {
    this.dir = dir;
    this.keep = keep;
  }

  /**
   * Starts writing one checkpoint; waits for the previous one first and rethrows its failure.
   *
   * @param logFiles the replay log's files as of the cut (the log's commit)
   * @param learnerState {@link Checkpoint#learnerState}, taken at the cut
   */
  void submit(Future<List<String>> logFiles, Checkpoint.Counters counters, byte[] learnerState,
      Checkpoint.Replay replay) throws IOException {
    await();
    pending = thread.submit(() -> Checkpoint.write(dir, counters, learnerState, replay, get(logFiles), keep));
  }

  /** Waits until the last submitted checkpoint is on disk; rethrows its failure. Returns it (null: none). */
  File await() throws IOException {
    if (pending == null) return null;
    long t0 = System.nanoTime();
    Future<File> f = pending;
    pending = null;
    try {
      return get(f);
    } finally {
      waitSeconds += (System.nanoTime() - t0) / 1e9;
    }
  }

  /** Seconds the learner's thread spent waiting for checkpoint writes. */
  double waitSeconds() {
    return waitSeconds;
  }

  private static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing a checkpoint", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      throw new IOException(c.getMessage(), c);
    }
  }

  /** Finishes the pending write (a run that fails still keeps its last checkpoint), then stops. */
  @Override
  public void close() throws IOException {
    try {
      await();
    } finally {
      thread.shutdown();
    }
  }
}
