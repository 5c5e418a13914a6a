package org.gfn.model.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.envs.phylo.Trees;
import org.gfn.replay.Trajectory;

/**
 * The phylogenetic task's discoveries: the lowest parsimony score sampled so far, how many
 * distinct unrooted topologies reach it, the mean score of the newest {@value #WINDOW} samples, and
 * the {@value #KEPT} best distinct topologies (for the run's Newick file).
 */
public final class ParsimonyTracker implements Discovery {
  static final int WINDOW = 1_000;
  static final int KEPT = 20;

  private final PhyloForest env;
  private final RecentScores recent = new RecentScores(WINDOW);
  private int best = Integer.MAX_VALUE;
  private final Map<List<Long>, int[]> atBest = new HashMap<>();
  /** Best distinct topologies: score → (topology → a tree with it), at most {@link #KEPT} in all. */
  private final TreeMap<Integer, Map<List<Long>, int[]>> top = new TreeMap<>();
  private int kept;

  public ParsimonyTracker(PhyloForest env) {
    this.env = env;
  }

  @Override
  public void observe(Trajectory t) {
    int[] x = t.terminal();
    int score = env.parsimony(x);
    recent.add(score);
    List<Long> topology = topology(x);
    if (score < best) {
      best = score;
      atBest.clear();
    }
    if (score == best) atBest.putIfAbsent(topology, x);
    keep(score, topology, x);
  }

  private List<Long> topology(int[] x) {
    List<Long> key = new ArrayList<>();
    for (long split : Trees.topology(x, env.alignment().taxa())) key.add(split);
    return key;
  }

  private void keep(int score, List<Long> topology, int[] x) {
    if (kept == KEPT && score >= top.lastKey()) return;
    Map<List<Long>, int[]> same = top.computeIfAbsent(score, k -> new LinkedHashMap<>());
    if (same.putIfAbsent(topology, x) != null) return;
    if (++kept > KEPT) {
      Map.Entry<Integer, Map<List<Long>, int[]>> worst = top.lastEntry();
      List<Long> drop = worst.getValue().keySet().iterator().next();
      worst.getValue().remove(drop);
      if (worst.getValue().isEmpty()) top.remove(worst.getKey());
      kept--;
    }
  }

  /** The best distinct topologies found, best first, as "score<TAB>Newick" lines. */
  public List<String> bestTrees() {
    List<String> out = new ArrayList<>();
    top.forEach((score, trees) -> trees.values().forEach(x -> out.add(score + "\t" + Trees.newick(x, env.alignment()))));
    return out;
  }

  /** Metrics fields: best_parsimony, distinct_best_trees, mean_parsimony (newest samples). */
  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (recent.observed() == 0) return m;
    m.put("best_parsimony", (long) best);
    m.put("distinct_best_trees", (long) atBest.size());
    m.put("mean_parsimony", recent.mean());
    return m;
  }

  /** The progress fragment of fields from {@link #toMap()}. */
  public static String progress(Map<String, Object> m) {
    return String.format("parsimony best %d (%d trees) mean %.1f", ((Number) m.get("best_parsimony")).longValue(),
        ((Number) m.get("distinct_best_trees")).longValue(), ((Number) m.get("mean_parsimony")).doubleValue());
  }
}
