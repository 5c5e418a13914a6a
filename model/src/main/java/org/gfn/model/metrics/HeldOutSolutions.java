package org.gfn.model.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.Trajectory;

/**
 * A family of graphs' training samples ({@link SolutionTracker}) and, at every evaluation, the
 * policy on the held-out graphs (Zhang et al. 2023's evaluation): per graph one argmax sample (the
 * most probable action at each step) and the best of k policy samples, from the same seeds at every
 * evaluation, against the graphs' greedy solutions and, when given, their CP-SAT references.
 */
public final class HeldOutSolutions implements Discovery, SnapshotMetrics {
  /** Logit temperature of the argmax sample: every non-maximal action has probability ≈ 0. */
  private static final Exploration ARGMAX = new Exploration(0, 1e-6);

  private final NodeSetFamily family;
  private final int samples;
  private final double[] reference;
  private final int[] greedy;
  private final SolutionTracker training;
  private volatile Map<String, Object> last = Map.of();

  /**
   * @param samples k of the best-of-k
   * @param reference per held-out graph its reference objective (CP-SAT), or null
   */
  public HeldOutSolutions(NodeSetFamily family, int samples, double[] reference) {
    if (family.testInstances() == 0) throw new IllegalArgumentException(family.name() + " holds no graphs out");
    if (reference != null && reference.length != family.testInstances()) {
      throw new IllegalArgumentException(reference.length + " references for " + family.testInstances() + " held-out graphs");
    }
    this.family = family;
    this.samples = samples;
    this.reference = reference;
    this.training = new SolutionTracker(family);
    this.greedy = new int[family.testInstances()];
    for (int j = 0; j < greedy.length; j++) {
      var p = family.problem(family.trainInstances() + j);
      greedy[j] = p.objective(p.greedy());
    }
  }

  @Override
  public void observe(Trajectory t) {
    training.observe(t);
  }

  /** The training samples' figures and the latest held-out ones. */
  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>(training.toMap());
    m.putAll(last);
    return m;
  }

  /**
   * test_mean_objective (argmax samples), test_best_of_k_objective, test_sample_mean_objective,
   * test_greedy_objective, test_k, test_seconds_per_instance; with references also
   * test_reference_objective, ratio_to_reference (best-of-k over reference, means over graphs)
   * and test_matches_reference (the fraction of graphs where best-of-k is at least as good).
   */
  @Override
  public Map<String, Object> evaluate(PolicySnapshot snapshot) {
    long t0 = System.nanoTime();
    int test = family.testInstances();
    RolloutSampler sampler = new RolloutSampler(family, snapshot.forwardEvaluator());
    int[] argmax = objectives(sampler, 1, ARGMAX, 0x5a3e);
    int[] drawn = objectives(sampler, samples, Exploration.ON_POLICY, 0xb357);
    double argmaxSum = 0;
    double bestSum = 0;
    double drawnSum = 0;
    double greedySum = 0;
    double referenceSum = 0;
    int matches = 0;
    for (int j = 0; j < test; j++) {
      argmaxSum += argmax[j];
      int best = drawn[j * samples];
      for (int i = 0; i < samples; i++) {
        int v = drawn[j * samples + i];
        drawnSum += v;
        best = better(v, best) ? v : best;
      }
      bestSum += best;
      greedySum += greedy[j];
      if (reference != null) {
        referenceSum += reference[j];
        matches += best == reference[j] || better(best, reference[j]) ? 1 : 0;
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("test_mean_objective", argmaxSum / test);
    m.put("test_best_of_k_objective", bestSum / test);
    m.put("test_sample_mean_objective", drawnSum / ((double) test * samples));
    m.put("test_greedy_objective", greedySum / test);
    m.put("test_k", (long) samples);
    if (reference != null) {
      m.put("test_reference_objective", referenceSum / test);
      m.put("ratio_to_reference", bestSum / referenceSum);
      m.put("test_matches_reference", matches / (double) test);
    }
    m.put("test_seconds_per_instance", (System.nanoTime() - t0) / 1e9 / test);
    last = Map.copyOf(m);
    return m;
  }

  /** The progress fragment of the held-out fields of {@link #evaluate}. */
  public static String progress(Map<String, Object> m) {
    String s = String.format("held out argmax %.2f best-of-%d %.2f (greedy %.2f", number(m, "test_mean_objective"),
        ((Number) m.get("test_k")).longValue(), number(m, "test_best_of_k_objective"), number(m, "test_greedy_objective"));
    return s + (m.containsKey("test_reference_objective")
        ? String.format(", CP-SAT %.2f, ratio %.4f)", number(m, "test_reference_objective"), number(m, "ratio_to_reference"))
        : ")");
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private boolean better(double a, double b) {
    return family.maximises() ? a > b : a < b;
  }

  /** The objectives of {@code k} samples per held-out graph (graph-major), all walked in one batch. */
  private int[] objectives(RolloutSampler sampler, int k, Exploration exploration, long stream) {
    int test = family.testInstances();
    int[][] starts = new int[test * k][];
    SplittableRandom[] rngs = new SplittableRandom[test * k];
    for (int r = 0; r < starts.length; r++) {
      starts[r] = family.initialState(family.trainInstances() + r / k);
      rngs[r] = new SplittableRandom(Seeds.derive(stream, r));
    }
    List<RolloutSampler.Walk> walks = List.of(sampler.walk(starts, rngs, exploration, false));
    int[] values = new int[walks.size()];
    for (int r = 0; r < values.length; r++) {
      List<int[]> states = walks.get(r).states();
      values[r] = family.objective(states.get(states.size() - 1));
    }
    return values;
  }
}
