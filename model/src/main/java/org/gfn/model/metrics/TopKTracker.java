package org.gfn.model.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.replay.Trajectory;

/**
 * What training has discovered so far, from every trajectory shown to {@link #observe}, as the
 * sequence-design papers count it: how many of the true top-K objects of the reward table were
 * sampled ("modes discovered"), and the best {@value #BEST} distinct objects sampled (their mean
 * reward and mean pairwise Hamming distance: "top-100 reward" and "top-100 diversity").
 */
public final class TopKTracker implements Discovery {
  /** Size of the best-so-far set. */
  public static final int BEST = 100;
  private final int vocab;
  private final Set<Integer> targets = new HashSet<>();
  private final Set<Integer> found = new HashSet<>();
  private final PriorityQueue<Entry> best = new PriorityQueue<>(Comparator.comparingDouble(Entry::logReward));
  private final Set<Integer> bestCodes = new HashSet<>();
  private long observed;

  private record Entry(int code, int[] x, double logReward) {}

  public TopKTracker(PrependAppendSequence env, int[] topCodes) {
    this.vocab = env.vocabulary();
    for (int c : topCodes) targets.add(c);
  }

  public void observe(Trajectory[] batch) {
    for (Trajectory t : batch) observe(t);
  }

  @Override
  public void observe(Trajectory t) {
    observed++;
    int c = PrependAppendSequence.code(t.terminal(), vocab);
    if (targets.contains(c)) found.add(c);
    if (bestCodes.contains(c)) return;
    if (best.size() < BEST) {
      add(c, t);
    } else if (t.logReward() > best.peek().logReward()) {
      bestCodes.remove(best.poll().code());
      add(c, t);
    }
  }

  private void add(int code, Trajectory t) {
    best.add(new Entry(code, t.terminal().clone(), t.logReward()));
    bestCodes.add(code);
  }

  /** True top-K objects sampled so far. */
  public int discovered() {
    return found.size();
  }

  /** K. */
  public int total() {
    return targets.size();
  }

  /** Trajectories observed. */
  public long observed() {
    return observed;
  }

  private ArrayList<SampleMetrics.Scored> bestSoFar() {
    ArrayList<SampleMetrics.Scored> out = new ArrayList<>(best.size());
    for (Entry e : best) out.add(new SampleMetrics.Scored(e.x(), e.logReward()));
    return out;
  }

  /** Mean reward R of the best {@value #BEST} distinct objects sampled so far (NaN before any). */
  public double bestMeanReward() {
    return SampleMetrics.topKMeanReward(bestSoFar(), BEST);
  }

  /** Mean pairwise Hamming distance of the best {@value #BEST} distinct objects sampled so far. */
  public double bestDiversity() {
    return SampleMetrics.topKDiversity(bestSoFar(), BEST);
  }

  /** Metrics fields: topk_found, topk_total, best100_mean_reward, best100_diversity. */
  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topk_found", (long) discovered());
    m.put("topk_total", (long) total());
    m.put("best100_mean_reward", bestMeanReward());
    m.put("best100_diversity", bestDiversity());
    return m;
  }

  /** One line for progress output. */
  public String progress() {
    return progress(toMap());
  }

  /** The progress line of fields from {@link #toMap()}. */
  public static String progress(Map<String, Object> m) {
    return String.format("top-K found %d/%d | top-%d R %.3f div %.2f", (long) m.get("topk_found"),
        (long) m.get("topk_total"), BEST, (double) m.get("best100_mean_reward"), (double) m.get("best100_diversity"));
  }
}
