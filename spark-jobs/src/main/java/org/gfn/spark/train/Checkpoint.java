package org.gfn.spark.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import org.gfn.model.learn.Learner;
import org.gfn.replay.Trajectory;

/**
 * A checkpoint of a distributed run: counters, the learner's complete state, the replay buffer's
 * contents and the replay-log files committed so far. The file is {@code ckpt-<step>.bin}:
 * magic, format version, payload length and CRC32, then the payload. It is streamed to a temporary
 * file (no copy in memory: a replay buffer of long trajectories is gigabytes) and renamed, so a crash never leaves a half-written checkpoint under the final name; a
 * corrupt, truncated or incompatible file is refused with a message that names it.
 */
final class Checkpoint {
  /**
   * Format 2 adds the replay sampler's random state, format 3 each replayed trajectory's origin
   * (sampled or local search), format 4 its inverse temperature β; formats 1 to 3 are still read
   * (their trajectories: sampled, β = 1).
   */
  static final int FORMAT = 4;
  private static final long MAGIC = 0x47464e434b505431L; // "GFNCKPT1"

  /**
   * Run counters restored with the checkpoint: the run id, the learner's step count, where the
   * rollouts stand, the fresh trajectories trained on and the wall seconds so far.
   */
  record Counters(String runId, long steps, SparkRollouts.Position rollouts, long trained, double wallSeconds) {}

  /** The replay buffer as a checkpoint keeps it: contents, oldest first, and the sampler's state. */
  record Replay(List<Trajectory> contents, long samplerState) {}

  private Checkpoint() {}

  /** The learner's complete state as {@link Learner#save} writes it: taken on the learner's thread. */
  static byte[] learnerState(Learner learner) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(bytes)) {
      learner.save(d);
    }
    return bytes.toByteArray();
  }

  /** @param learnerState from {@link #learnerState}, so that the write may run on another thread */
  static File write(File dir, Counters c, byte[] learnerState, Replay replay,
      List<String> logFiles, int keep) throws IOException {
    File target = new File(dir, String.format("ckpt-%010d.bin", c.steps()));
    File tmp = new File(dir, target.getName() + ".tmp");
    Checked payload = null;
    try {
      // streamed to disk (a DS1 Bayesian replay buffer is gigabytes); the header's length and
      // checksum are filled in at the end
      try (Checked out = new Checked(new BufferedOutputStream(Files.newOutputStream(tmp.toPath()), 1 << 20))) {
        payload = out;
        out.raw(new byte[HEADER]);
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(c.runId());
        d.writeLong(c.steps());
        d.writeLong(c.rollouts().inserted());
        d.writeLong(c.rollouts().nextId());
        d.writeLong(c.rollouts().round());
        d.writeLong(c.steps()); // the policy version, which is the step count (kept for format 1)
        d.writeLong(c.rollouts().droppedStale());
        d.writeLong(c.trained());
        d.writeDouble(c.wallSeconds());
        d.write(learnerState);
        d.writeInt(replay.contents().size());
        for (Trajectory t : replay.contents()) writeTrajectory(d, t);
        d.writeLong(replay.samplerState());
        d.writeInt(logFiles.size());
        for (String f : logFiles) d.writeUTF(f);
        d.flush();
      }
      try (RandomAccessFile f = new RandomAccessFile(tmp, "rw")) {
        f.writeLong(MAGIC);
        f.writeInt(FORMAT);
        f.writeLong(payload.count);
        f.writeLong(payload.crc.getValue());
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp.toPath());
      } catch (IOException ignored) {
        // best effort: the next start removes what is left (RunDirectory.removeLeftovers)
      }
      long mb = payload == null ? 0 : payload.count / 1_000_000;
      throw new IOException("cannot write checkpoint " + tmp + " (" + mb + " MB written; disk full?): " + e.getMessage(), e);
    }
    Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    List<File> all = list(dir);
    for (int i = keep; i < all.size(); i++) Files.deleteIfExists(all.get(i).toPath());
    return target;
  }

  private static final int HEADER = 28;

  /** The payload's stream: counts its bytes and checksums them (the placeholder header aside). */
  private static final class Checked extends FilterOutputStream {
    final CRC32 crc = new CRC32();
    long count;

    Checked(OutputStream out) {
      super(out);
    }

    void raw(byte[] b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      count += len;
    }
  }

  /** Checkpoints in a folder, newest first. */
  static List<File> list(File dir) {
    File[] fs = dir.listFiles((d, n) -> n.startsWith("ckpt-") && n.endsWith(".bin"));
    List<File> out = new ArrayList<>(fs == null ? List.of() : Arrays.asList(fs));
    out.sort(Comparator.comparing(File::getName).reversed());
    return out;
  }


  /** Reads and verifies a checkpoint; the learner state is restored by {@link #restore}. */
  static Restored read(File file, Learner learner) throws IOException {
    int format;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file.toPath()), 1 << 20))) {
      long size = Files.size(file.toPath());
      if (size < HEADER || in.readLong() != MAGIC) throw new IOException("checkpoint " + file + " is not a checkpoint file (bad header)");
      format = in.readInt();
      if (format < 1 || format > FORMAT) {
        throw new IOException("checkpoint " + file + " has format " + format + "; this build reads formats 1 to " + FORMAT);
      }
      long len = in.readLong();
      long expected = in.readLong();
      if (len != size - HEADER) throw new IOException("checkpoint " + file + " is truncated or corrupt (length mismatch)");
      CRC32 crc = new CRC32();
      byte[] buf = new byte[1 << 20];
      for (int r; (r = in.read(buf)) > 0; ) crc.update(buf, 0, r);
      if (crc.getValue() != expected) throw new IOException("checkpoint " + file + " is corrupt (checksum mismatch)");
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("checkpoint ")) throw e;
      throw new IOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
    try (DataInputStream p = new DataInputStream(new BufferedInputStream(Files.newInputStream(file.toPath()), 1 << 20))) {
      p.skipNBytes(HEADER);
      return readPayload(p, format, learner);
    }
  }

  private static Restored readPayload(DataInputStream p, int format, Learner learner) throws IOException {
    String runId = p.readUTF();
    long steps = p.readLong();
    long inserted = p.readLong();
    long nextId = p.readLong();
    long round = p.readLong();
    p.readLong(); // the policy version: the step count
    Counters c = new Counters(runId, steps, new SparkRollouts.Position(inserted, nextId, round, p.readLong()),
        p.readLong(), p.readDouble());
    learner.restore(p);
    int n = p.readInt();
    List<Trajectory> replay = new ArrayList<>(n);
    for (int i = 0; i < n; i++) replay.add(readTrajectory(p, format));
    long samplerState = format >= 2 ? p.readLong() : 0; // format 1: the sampler restarts from its seed
    int files = p.readInt();
    List<String> logFiles = new ArrayList<>(files);
    for (int i = 0; i < files; i++) logFiles.add(p.readUTF());
    return new Restored(c, new Replay(replay, samplerState), logFiles, format >= 2);
  }

  /** A verified checkpoint's contents (the learner was restored in place). */
  record Restored(Counters counters, Replay replay, List<String> logFiles, boolean hasSamplerState) {}

  private static void writeTrajectory(DataOutputStream out, Trajectory t) throws IOException {
    out.writeLong(t.id());
    out.writeLong(t.seed());
    out.writeLong(t.policyVersion());
    out.writeInt(t.stateSize());
    writeInts(out, t.statesView());
    writeInts(out, t.actionsView());
    out.writeDouble(t.logReward());
    out.writeDouble(t.behaviourLogProb());
    out.writeByte(t.origin().ordinal());
    out.writeDouble(t.beta());
  }

  private static Trajectory readTrajectory(DataInputStream in, int format) throws IOException {
    long id = in.readLong();
    long seed = in.readLong();
    long version = in.readLong();
    int stateSize = in.readInt();
    int[] states = readInts(in);
    int[] actions = readInts(in);
    double logReward = in.readDouble();
    double logProb = in.readDouble();
    Trajectory.Origin origin = Trajectory.Origin.SAMPLED;
    if (format >= 3) {
      int o = in.readByte();
      if (o < 0 || o >= Trajectory.Origin.values().length) throw new IOException("corrupt trajectory origin " + o);
      origin = Trajectory.Origin.values()[o];
    }
    double beta = format >= 4 ? in.readDouble() : 1.0;
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IOException("corrupt trajectory beta " + beta);
    return new Trajectory(id, seed, version, stateSize, states, actions, logReward, logProb, origin, beta);
  }

  private static void writeInts(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) out.writeInt(v);
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 24) throw new IOException("corrupt array length " + n);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = in.readInt();
    return a;
  }
}
