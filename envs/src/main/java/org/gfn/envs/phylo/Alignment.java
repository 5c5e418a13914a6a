package org.gfn.envs.phylo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DNA alignment: taxon names and, per taxon, each site's Fitch state set as 4 bits (A = 1,
 * C = 2, G = 4, T = 8; gaps {@code -}, {@code ?} and {@code N} are missing data: all four), packed
 * 16 sites to a long. Sites past the last one are padded with all four states, so they never add
 * to a parsimony score. At most 64 taxa (a cluster of taxa is one {@code long}).
 */
public final class Alignment {
  /** The most taxa an alignment may have. */
  public static final int MAX_TAXA = 64;
  private static final long ALL = 0xFFFF_FFFF_FFFF_FFFFL;

  private final List<String> names;
  private final int sites;
  private final long[][] sets;

  private Alignment(List<String> names, int sites, long[][] sets) {
    this.names = List.copyOf(names);
    this.sites = sites;
    this.sets = sets;
  }

  /** An alignment from names and equal-length sequences over A, C, G, T, -, ?, N (any case). */
  public static Alignment of(List<String> names, List<String> sequences) {
    if (names.size() != sequences.size()) throw new IllegalArgumentException("one sequence per name");
    if (names.size() < 2) throw new IllegalArgumentException("an alignment needs at least 2 taxa, got " + names.size());
    if (names.size() > MAX_TAXA) throw new IllegalArgumentException("at most " + MAX_TAXA + " taxa, got " + names.size());
    int sites = sequences.get(0).length();
    if (sites == 0) throw new IllegalArgumentException("sequences are empty");
    int words = (sites + 15) / 16;
    long[][] sets = new long[names.size()][words];
    for (int t = 0; t < names.size(); t++) {
      String seq = sequences.get(t);
      if (seq.length() != sites) {
        throw new IllegalArgumentException(names.get(t) + " has " + seq.length() + " sites, the first sequence " + sites);
      }
      java.util.Arrays.fill(sets[t], ALL);
      for (int s = 0; s < sites; s++) {
        long code = code(seq.charAt(s));
        if (code < 0) throw new IllegalArgumentException(names.get(t) + " site " + (s + 1) + ": unknown character '" + seq.charAt(s) + "'");
        int shift = 4 * (s % 16);
        sets[t][s / 16] = (sets[t][s / 16] & ~(0xFL << shift)) | (code << shift);
      }
    }
    return new Alignment(names, sites, sets);
  }

  /** The Fitch set of one character, or −1 when it is not A, C, G, T, -, ? or N. */
  static long code(char c) {
    return switch (Character.toUpperCase(c)) {
      case 'A' -> 1;
      case 'C' -> 2;
      case 'G' -> 4;
      case 'T' -> 8;
      case '-', '?', 'N' -> 15;
      default -> -1;
    };
  }

  /**
   * Reads a FASTA alignment ({@code >name} lines, then the sequence on one or more lines). Refuses,
   * naming the file and line: no sequences, one taxon, more than {@value #MAX_TAXA}, duplicate names,
   * unknown characters, unequal lengths, sequence lines before the first name.
   */
  public static Alignment readFasta(File file) {
    List<String> names = new ArrayList<>();
    List<StringBuilder> seqs = new ArrayList<>();
    List<Integer> headerLines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int line = 0;
    try (BufferedReader r = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
      String row;
      while ((row = r.readLine()) != null) {
        line++;
        String text = row.strip();
        if (text.isEmpty()) continue;
        if (text.startsWith(">")) {
          String name = text.substring(1).strip();
          if (name.isEmpty()) throw bad(file, line, "a '>' line without a name");
          Integer first = seen.putIfAbsent(name, line);
          if (first != null) throw bad(file, line, "duplicate taxon name '" + name + "' (first on line " + first + ")");
          names.add(name);
          seqs.add(new StringBuilder());
          headerLines.add(line);
        } else {
          if (names.isEmpty()) throw bad(file, line, "sequence before the first '>name' line");
          for (int c = 0; c < text.length(); c++) {
            if (code(text.charAt(c)) < 0) {
              throw bad(file, line, "unknown character '" + text.charAt(c) + "' at column " + (c + 1)
                  + " (allowed: A C G T, and - ? N for missing data)");
            }
          }
          seqs.get(seqs.size() - 1).append(text);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (names.isEmpty()) throw new IllegalArgumentException(file + ": no sequences (expected FASTA: '>name' lines and sequences)");
    if (names.size() < 2) throw bad(file, headerLines.get(0), "only one taxon; a tree needs at least 2");
    if (names.size() > MAX_TAXA) throw bad(file, headerLines.get(MAX_TAXA), "more than " + MAX_TAXA + " taxa");
    int sites = seqs.get(0).length();
    for (int t = 0; t < names.size(); t++) {
      if (seqs.get(t).length() == 0) throw bad(file, headerLines.get(t), names.get(t) + " has an empty sequence");
      if (seqs.get(t).length() != sites) {
        throw bad(file, headerLines.get(t), names.get(t) + " has " + seqs.get(t).length() + " sites, but "
            + names.get(0) + " has " + sites + " (an alignment's sequences have equal lengths)");
      }
    }
    return of(names, seqs.stream().map(StringBuilder::toString).toList());
  }

  private static IllegalArgumentException bad(File file, int line, String what) {
    return new IllegalArgumentException(file + " line " + line + ": " + what);
  }

  public int taxa() {
    return names.size();
  }

  public int sites() {
    return sites;
  }

  /** Longs per packed set: ⌈sites / 16⌉. */
  public int words() {
    return sets[0].length;
  }

  public String name(int taxon) {
    return names.get(taxon);
  }

  /** The packed Fitch sets of a taxon's sequence (do not modify). */
  long[] leaf(int taxon) {
    return sets[taxon];
  }

  /**
   * Whether a site is parsimony-informative: at least two states each occur (as a definite
   * character) in two or more taxa. Every other site costs the same {@link #minimumChanges} on
   * every tree, so only informative sites tell trees apart.
   */
  public boolean informative(int site) {
    int[] counts = stateCounts(site);
    int common = 0;
    for (int c : counts) if (c >= 2) common++;
    return common >= 2;
  }

  /** The states present at a site (missing data aside) less one: the fewest changes any tree needs there. */
  public int minimumChanges(int site) {
    int present = 0;
    for (int c : stateCounts(site)) if (c > 0) present++;
    return Math.max(0, present - 1);
  }

  private int[] stateCounts(int site) {
    int[] counts = new int[4];
    for (int t = 0; t < taxa(); t++) {
      int set = set(t, site);
      if (Integer.bitCount(set) == 1) counts[Integer.numberOfTrailingZeros(set)]++;
    }
    return counts;
  }

  /** The same taxa with only the given sites, in that order (at least one). */
  public Alignment select(int[] keep) {
    if (keep.length == 0) throw new IllegalArgumentException("select at least one site");
    long[][] out = new long[taxa()][(keep.length + 15) / 16];
    for (int t = 0; t < taxa(); t++) {
      java.util.Arrays.fill(out[t], ALL);
      for (int k = 0; k < keep.length; k++) {
        int shift = 4 * (k % 16);
        out[t][k / 16] = (out[t][k / 16] & ~(0xFL << shift)) | ((long) set(t, keep[k]) << shift);
      }
    }
    return new Alignment(names, keep.length, out);
  }

  /** The state set of one site of a taxon (bits A = 1, C = 2, G = 4, T = 8). */
  public int set(int taxon, int site) {
    return (int) (sets[taxon][site / 16] >>> (4 * (site % 16))) & 0xF;
  }
}
