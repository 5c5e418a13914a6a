package org.gfn.model.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn.envs.StateKey;
import org.gfn.envs.StateSpace;

/** Metrics computed from samples, for spaces too large to enumerate or to compare with papers. */
public final class SampleMetrics {
  private SampleMetrics() {}

  /** Σ_x |p̂(x) − π(x)| of the empirical distribution of {@code terminals} (sample-based L1). */
  public static double empiricalSumL1(StateSpace space, List<int[]> terminals) {
    double[] counts = new double[space.size()];
    for (int[] x : terminals) {
      int i = space.indexOf(x);
      if (i < 0) throw new IllegalArgumentException("sample is not a state of the space");
      counts[i]++;
    }
    double[] pi = space.targetDistribution();
    double l1 = 0;
    for (int i = 0; i < pi.length; i++) l1 += Math.abs(counts[i] / terminals.size() - pi[i]);
    return l1;
  }

  /**
   * The expected sample-based sum-L1 of a perfect sampler with n samples (its noise floor):
   * Σ_x E|p̂ − π| ≈ Σ_x √(2π_x(1 − π_x)/(πn)) by the normal approximation. 200k samples over the
   * 8^4 grid: about 0.105.
   */
  public static double noiseFloor(StateSpace space, int n) {
    double s = 0;
    for (double p : space.targetDistribution()) s += Math.sqrt(2 * p * (1 - p) / (Math.PI * n));
    return s;
  }

  /** A distinct sample with its log-reward. */
  public record Scored(int[] x, double logReward) {}

  /** The k distinct samples with the highest reward, best first. */
  public static List<Scored> topK(List<Scored> samples, int k) {
    Map<StateKey, Scored> unique = new LinkedHashMap<>();
    for (Scored s : samples) unique.putIfAbsent(new StateKey(s.x()), s);
    List<Scored> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparingDouble(Scored::logReward).reversed());
    return sorted.subList(0, Math.min(k, sorted.size()));
  }

  /** Mean reward R (not log) of the top-k distinct samples. */
  public static double topKMeanReward(List<Scored> samples, int k) {
    List<Scored> top = topK(samples, k);
    return top.stream().mapToDouble(s -> Math.exp(s.logReward())).average().orElse(Double.NaN);
  }

  /** Mean pairwise Hamming distance between the top-k distinct samples (state arrays). */
  public static double topKDiversity(List<Scored> samples, int k) {
    List<Scored> top = topK(samples, k);
    if (top.size() < 2) return 0;
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        int[] a = top.get(i).x();
        int[] b = top.get(j).x();
        int d = 0;
        for (int t = 0; t < a.length; t++) d += a[t] != b[t] ? 1 : 0;
        sum += d;
        pairs++;
      }
    }
    return sum / pairs;
  }

  /** Counts how many distinct terminal objects appear among samples. */
  public static int distinct(List<int[]> xs) {
    Map<StateKey, Integer> m = new HashMap<>();
    for (int[] x : xs) m.merge(new StateKey(x), 1, Integer::sum);
    return m.size();
  }
}
