package org.gfn.envs.likelihood;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.envs.phylo.Alignment;

/**
 * The distinct columns of an alignment and how often each occurs: the likelihood of a column
 * depends only on its pattern of state sets, so each is computed once and weighted. State sets
 * are 4-bit (A = 1, C = 2, G = 4, T = 8); missing data (gap, ?, N) is all four.
 *
 * @param sets sets[pattern][taxon]
 * @param weights how many sites have each pattern
 */
public record SitePatterns(int[][] sets, int[] weights) {

  public static SitePatterns of(Alignment a) {
    Map<String, int[]> index = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int s = 0; s < a.sites(); s++) {
      int[] column = new int[a.taxa()];
      for (int t = 0; t < a.taxa(); t++) column[t] = a.set(t, s);
      String key = Arrays.toString(column);
      index.putIfAbsent(key, column);
      counts.merge(key, 1, Integer::sum);
    }
    int[][] sets = index.values().toArray(new int[0][]);
    int[] weights = counts.values().stream().mapToInt(Integer::intValue).toArray();
    return new SitePatterns(sets, weights);
  }

  /** One pattern per site, weight 1 (no compression). */
  public static SitePatterns uncompressed(Alignment a) {
    int[][] sets = new int[a.sites()][a.taxa()];
    for (int s = 0; s < a.sites(); s++) for (int t = 0; t < a.taxa(); t++) sets[s][t] = a.set(t, s);
    int[] weights = new int[a.sites()];
    Arrays.fill(weights, 1);
    return new SitePatterns(sets, weights);
  }

  public int count() {
    return sets.length;
  }

  public int taxa() {
    return sets.length == 0 ? 0 : sets[0].length;
  }
}
