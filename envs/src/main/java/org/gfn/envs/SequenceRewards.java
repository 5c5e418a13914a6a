package org.gfn.envs;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * Loads the reward tables of the real-data tasks and checks them: TFBind8 from a PBM 8-mer file
 * (any transcription factor in the same format), QM9 block strings from the proxy TSV. A file
 * that is missing, truncated, duplicated or malformed is refused with the line and what is wrong.
 */
public final class SequenceRewards {
  /** TFBind8 token order. */
  public static final String DNA = "ACGT";
  /** QM9 block symbols: blocks 0..9 and 'a' for block 10. */
  public static final String QM9_BLOCKS = "0123456789a";

  private SequenceRewards() {}

  /**
   * TFBind8 (design-bench TFBind8-Exact): y = (E − min E)/(max E − min E) over the file's E-scores,
   * assigned to each 8-mer and its reverse complement; R = max(y, 1e-3)^β scaled so max R = 10.
   */
  public static RewardTable tfbind8(File file, double beta) {
    double[] e = new double[1 << 16];
    boolean[] seen = new boolean[1 << 16];
    int line = 0;
    try (BufferedReader r = reader(file, false)) {
      String header = r.readLine();
      line++;
      if (header == null || !header.startsWith("8-mer\t8-mer\tE-score")) {
        throw new IllegalArgumentException(file + " line 1: expected the PBM header '8-mer<TAB>8-mer<TAB>E-score...', got '" + header + "'");
      }
      String row;
      while ((row = r.readLine()) != null) {
        line++;
        if (row.isBlank()) continue;
        String[] f = row.split("\t");
        if (f.length < 3) throw bad(file, line, "expected at least 3 tab-separated columns");
        int a = kmer(f[0], file, line);
        int b = kmer(f[1], file, line);
        double score;
        try {
          score = Double.parseDouble(f[2]);
        } catch (NumberFormatException ex) {
          throw bad(file, line, "E-score '" + f[2] + "' is not a number");
        }
        if (!Double.isFinite(score)) throw bad(file, line, "E-score is not finite");
        if (b != reverseComplement(a)) throw bad(file, line, f[1] + " is not the reverse complement of " + f[0]);
        for (int c : new int[] {a, b}) {
          if (seen[c] && e[c] != score) {
            throw bad(file, line, decode(c, DNA, 8) + " appears twice with different E-scores (duplicated data?)");
          }
          if (seen[c] && a != b) throw bad(file, line, decode(c, DNA, 8) + " appears twice (duplicated row?)");
          seen[c] = true;
          e[c] = score;
        }
      }
    } catch (IOException ex) {
      throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
    }
    requireComplete(seen, file, DNA, 8, "8-mers");
    double min = java.util.Arrays.stream(e).min().orElseThrow();
    double max = java.util.Arrays.stream(e).max().orElseThrow();
    double[] y = new double[e.length];
    for (int i = 0; i < y.length; i++) y[i] = (e[i] - min) / (max - min);
    return powerReward(y, beta, 10.0, DNA.length());
  }

  /** QM9 block strings: R = max(y, 1e-3)^β scaled so max R = 100, y the HOMO-LUMO gap proxy. */
  public static RewardTable qm9(File file, double beta) {
    int n = 1;
    for (int i = 0; i < 5; i++) n *= 11;
    double[] y = new double[n];
    boolean[] seen = new boolean[n];
    int line = 0;
    try (BufferedReader r = reader(file, file.getName().endsWith(".gz"))) {
      String header = r.readLine();
      line++;
      if (header == null || !header.equals("blocks\thomo_lumo_gap_proxy")) {
        throw new IllegalArgumentException(file + " line 1: expected the header 'blocks<TAB>homo_lumo_gap_proxy', got '" + header + "'");
      }
      String row;
      while ((row = r.readLine()) != null) {
        line++;
        if (row.isBlank()) continue;
        String[] f = row.split("\t");
        if (f.length != 2) throw bad(file, line, "expected 2 tab-separated columns");
        if (f[0].length() != 5) throw bad(file, line, "block string '" + f[0] + "' must have 5 blocks");
        int c = 0;
        for (char ch : f[0].toCharArray()) {
          int v = QM9_BLOCKS.indexOf(ch);
          if (v < 0) throw bad(file, line, "unknown block '" + ch + "' (allowed: 0-9 and a)");
          c = c * 11 + v;
        }
        double v;
        try {
          v = Double.parseDouble(f[1]);
        } catch (NumberFormatException ex) {
          throw bad(file, line, "proxy value '" + f[1] + "' is not a number");
        }
        if (seen[c]) throw bad(file, line, f[0] + " appears twice (duplicated row?)");
        seen[c] = true;
        y[c] = v;
      }
    } catch (IOException ex) {
      throw new IllegalArgumentException("cannot read " + file + " (truncated or not gzip?): " + ex.getMessage(), ex);
    }
    requireComplete(seen, file, QM9_BLOCKS, 5, "block strings");
    return powerReward(y, beta, 100.0, 11);
  }

  /** R = max(y, 1e-3)^β scaled so that max R = {@code scale}, in log space. */
  private static RewardTable powerReward(double[] y, double beta, double scale, int vocab) {
    double top = Math.log(Math.max(java.util.Arrays.stream(y).max().orElseThrow(), 1e-3));
    double[] logR = new double[y.length];
    for (int i = 0; i < y.length; i++) logR[i] = Math.log(scale) + beta * (Math.log(Math.max(y[i], 1e-3)) - top);
    return new RewardTable(vocab, logR);
  }

  private static BufferedReader reader(File file, boolean gzip) throws IOException {
    if (!file.isFile()) throw new IllegalArgumentException("data file " + file + " does not exist");
    InputStream in = Files.newInputStream(file.toPath());
    if (gzip) in = new GZIPInputStream(in);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static int kmer(String s, File file, int line) {
    if (s.length() != 8) throw bad(file, line, "'" + s + "' is not an 8-mer");
    int c = 0;
    for (char ch : s.toCharArray()) {
      int v = DNA.indexOf(ch);
      if (v < 0) throw bad(file, line, "'" + s + "' has a character other than A, C, G, T");
      c = c * 4 + v;
    }
    return c;
  }

  static int reverseComplement(int code) {
    int out = 0;
    for (int i = 0; i < 8; i++) {
      out = out * 4 + (3 - (code & 3)); // A<->T, C<->G with A,C,G,T = 0..3
      code >>= 2;
    }
    return out;
  }

  public static String decode(int code, String alphabet, int length) {
    char[] c = new char[length];
    for (int i = length - 1; i >= 0; i--) {
      c[i] = alphabet.charAt(code % alphabet.length());
      code /= alphabet.length();
    }
    return new String(c);
  }

  private static void requireComplete(boolean[] seen, File file, String alphabet, int length, String what) {
    int missing = 0;
    int first = -1;
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        missing++;
        if (first < 0) first = i;
      }
    }
    if (missing > 0) {
      throw new IllegalArgumentException(file + " does not cover all " + seen.length + " " + what + ": "
          + missing + " missing, e.g. " + decode(first, alphabet, length) + " (truncated file?)");
    }
  }

  private static IllegalArgumentException bad(File file, int line, String what) {
    return new IllegalArgumentException(file + " line " + line + ": " + what);
  }
}
