package org.gfn.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TFBind8 and QM9 block strings on the real data shipped in data/. */
class SequenceTasksTest {
  static final File TFBIND8 = new File("../data/tfbind8/SIX6_REF_R1_8mers.txt");
  static final File QM9 = new File("../data/qm9str/qm9str_proxy.tsv.gz");
  static RewardTable tf;
  static RewardTable qm;
  @TempDir File dir;

  @BeforeAll
  static void load() {
    tf = SequenceRewards.tfbind8(TFBIND8, 3.0);
    qm = SequenceRewards.qm9(QM9, 5.0);
  }

  @Test
  void tfbind8MatchesThePublishedNormalisation() {
    assertEquals(65_536, tf.size());
    assertEquals(Math.log(10), tf.logRewardOf(tf.topK(1)[0]), 1e-12, "best 8-mer has R = 10");
    assertEquals(11.462147, tf.logZ(), 1e-4);
    // the file's first row and its reverse complement share a reward
    int a = PrependAppendSequence.code(new int[] {0, 0, 0, 0, 0, 0, 0, 0}, 4);
    int t = PrependAppendSequence.code(new int[] {3, 3, 3, 3, 3, 3, 3, 3}, 4);
    assertEquals(tf.logRewardOf(a), tf.logRewardOf(t), 0.0);
  }

  @Test
  void qm9MatchesThePublishedNormalisation() {
    assertEquals(161_051, qm.size());
    assertEquals(Math.log(100), qm.logRewardOf(qm.topK(1)[0]), 1e-12, "best block string has R = 100");
    assertEquals(11.926703, qm.logZ(), 1e-4);
  }

  @Test
  void invariantsAndExactSpace() {
    PrependAppendSequence env = new PrependAppendSequence("tfbind8", 8, 4, false, tf);
    EnvironmentInvariants.check(env, 300, 5);
    EnvironmentInvariants.check(new PrependAppendSequence("tfbind8", 8, 4, true, tf), 100, 6);
    EnvironmentInvariants.check(new PrependAppendSequence("qm9str", 5, 11, false, qm), 300, 7);
    StateSpace small = StateSpace.of(new PrependAppendSequence("toy", 3, 2, false, x -> 0.0));
    assertEquals(1 + 2 + 4 + 8, small.size());
    assertEquals(8, small.terminalCount());
    StateSpace space = StateSpace.of(env);
    assertEquals(87_381, space.size());
    assertEquals(tf.logZ(), space.logZ(), 1e-9);
  }

  @Test
  void prependAndAppendReachTheSameString() {
    PrependAppendSequence env = new PrependAppendSequence("toy", 3, 4, false, x -> 0.0);
    int[] viaAppend = env.step(env.step(env.step(env.initialState(), 4 + 1), 4 + 2), 4 + 3); // append 1, 2, 3
    int[] viaPrepend = env.step(env.step(env.step(env.initialState(), 3), 2), 1); // prepend 3, 2, 1
    assertEquals(List.of(1, 2, 3), List.of(viaAppend[0], viaAppend[1], viaAppend[2]));
    assertEquals(List.of(1, 2, 3), List.of(viaPrepend[0], viaPrepend[1], viaPrepend[2]));
  }

  private File copyWith(File src, java.util.function.UnaryOperator<List<String>> edit, boolean gzip) throws Exception {
    List<String> lines = new ArrayList<>();
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(gzip
        ? new java.util.zip.GZIPInputStream(Files.newInputStream(src.toPath())) : Files.newInputStream(src.toPath())))) {
      String l;
      while ((l = r.readLine()) != null) lines.add(l);
    }
    File out = new File(dir, src.getName());
    try (var w = new java.io.PrintWriter(gzip ? new java.util.zip.GZIPOutputStream(Files.newOutputStream(out.toPath()))
        : Files.newOutputStream(out.toPath()))) {
      for (String l : edit.apply(lines)) w.println(l);
    }
    return out;
  }

  @Test
  void badFilesAreRefusedWithTheLineAndTheProblem() throws Exception {
    File truncated = copyWith(TFBIND8, l -> l.subList(0, 1000), false);
    String m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.tfbind8(truncated, 3)).getMessage();
    assertTrue(m.contains("does not cover all 65536 8-mers") && m.contains("missing"), m);
    File duplicated = copyWith(TFBIND8, l -> {
      List<String> c = new ArrayList<>(l);
      c.add(c.get(5).replace("\t-", "\t9").replaceFirst("\t([0-9.]+)\t", "\t7.5\t"));
      return c;
    }, false);
    m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.tfbind8(duplicated, 3)).getMessage();
    assertTrue(m.contains("appears twice"), m);
    File malformed = copyWith(TFBIND8, l -> {
      List<String> c = new ArrayList<>(l);
      c.set(3, c.get(3).replaceFirst("^A", "X"));
      return c;
    }, false);
    m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.tfbind8(malformed, 3)).getMessage();
    assertTrue(m.contains("line 4") && m.contains("other than A, C, G, T"), m);
    File qmDup = copyWith(QM9, l -> {
      List<String> c = new ArrayList<>(l);
      c.add(c.get(10));
      return c;
    }, true);
    m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.qm9(qmDup, 5)).getMessage();
    assertTrue(m.contains("appears twice"), m);
    File qmTrunc = copyWith(QM9, l -> l.subList(0, 50_000), true);
    m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.qm9(qmTrunc, 5)).getMessage();
    assertTrue(m.contains("does not cover all 161051 block strings"), m);
    m = assertThrows(IllegalArgumentException.class, () -> SequenceRewards.qm9(new File(dir, "none.tsv.gz"), 5)).getMessage();
    assertTrue(m.contains("does not exist"), m);
  }
}
