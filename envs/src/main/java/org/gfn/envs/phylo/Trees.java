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
}
