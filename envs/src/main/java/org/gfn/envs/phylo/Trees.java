package org.gfn.envs.phylo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Trees of a forest state: Newick text with taxon names, and unrooted topology identity. */
public final class Trees {
  private Trees() {}

  /** The complete tree {@code x} (one root) in Newick format, children ordered by smallest taxon. */
  public static String newick(int[] x, Alignment names) {
    long[] nodes = Forest.nodes(x);
    long all = names.taxa() == 64 ? -1L : (1L << names.taxa()) - 1;
    if (nodes.length != names.taxa() - 1) throw new IllegalArgumentException("not a complete tree: " + nodes.length + " merges");
    StringBuilder sb = new StringBuilder();
    write(nodes, all, names, sb);
    return sb.append(';').toString();
  }

  private static void write(long[] nodes, long m, Alignment names, StringBuilder sb) {
    if (Long.bitCount(m) == 1) {
      sb.append(quoted(names.name(Long.numberOfTrailingZeros(m))));
      return;
    }
    long[] c = Forest.children(nodes, m);
    sb.append('(');
    write(nodes, c[0], names, sb);
    sb.append(',');
    write(nodes, c[1], names, sb);
    sb.append(')');
  }

  private static String quoted(String name) {
    return name.matches("[A-Za-z0-9_.\\-]+") ? name : "'" + name.replace("'", "''") + "'";
  }

  /**
   * The unrooted topology of a complete tree: its non-trivial splits, each as the side without
   * taxon 0, sorted. A tree rooted on any edge gives the same array.
   */
  public static long[] topology(int[] x, int n) {
    long all = n == 64 ? -1L : (1L << n) - 1;
    List<Long> splits = new ArrayList<>();
    for (long m : Forest.nodes(x)) {
      long side = (m & 1L) != 0 ? all & ~m : m;
      int size = Long.bitCount(side);
      if (size >= 2 && size <= n - 2 && !splits.contains(side)) splits.add(side);
    }
    long[] out = splits.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * The forest state of a Newick tree over {@code names}' taxa (every taxon exactly once; branch
   * lengths and internal labels ignored; a multifurcation (a,b,c) is resolved as ((a,b),c), which
   * keeps parsimony: a root or polytomy resolution changes no Fitch score on an unrooted tree's
   * root). Refuses unknown or repeated taxa and malformed text.
   */
  public static int[] parseNewick(String text, Alignment names) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int t = 0; t < names.taxa(); t++) index.put(names.name(t), t);
    List<Long> nodes = new ArrayList<>();
    int[] pos = {0};
    String s = text.strip();
    long all = parseNode(s, pos, index, nodes);
    skipLength(s, pos);
    if (pos[0] >= s.length() || s.charAt(pos[0]) != ';') throw new IllegalArgumentException("Newick: expected ';' at " + pos[0]);
    if (Long.bitCount(all) != names.taxa()) {
      throw new IllegalArgumentException("Newick: " + Long.bitCount(all) + " of " + names.taxa() + " taxa");
    }
    return Forest.state(nodes.stream().mapToLong(Long::longValue).toArray(), names.taxa());
  }

  private static long parseNode(String s, int[] pos, java.util.Map<String, Integer> index, List<Long> nodes) {
    if (s.charAt(pos[0]) != '(') {
      int start = pos[0];
      while (pos[0] < s.length() && ",():;".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
      String name = s.substring(start, pos[0]).strip().replaceAll("^'(.*)'$", "$1").replace("''", "'");
      Integer t = index.get(name);
      if (t == null) throw new IllegalArgumentException("Newick: unknown taxon '" + name + "'");
      return 1L << t;
    }
    pos[0]++; // '('
    long acc = parseNode(s, pos, index, nodes);
    skipLength(s, pos);
    while (s.charAt(pos[0]) == ',') {
      pos[0]++;
      long next = parseNode(s, pos, index, nodes);
      skipLength(s, pos);
      if ((acc & next) != 0) throw new IllegalArgumentException("Newick: a taxon appears twice");
      acc |= next;
      nodes.add(acc);
    }
    if (s.charAt(pos[0]) != ')') throw new IllegalArgumentException("Newick: expected ')' at " + pos[0]);
    pos[0]++;
    while (pos[0] < s.length() && ",():;".indexOf(s.charAt(pos[0])) < 0) pos[0]++; // internal label
    return acc;
  }

  private static void skipLength(String s, int[] pos) {
    if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
      pos[0]++;
      while (pos[0] < s.length() && ",();".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
    }
  }
}
