package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.SampleMetrics;
import org.gfn.model.metrics.TopKTracker;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short TB training on the real-data tasks: exact TV falls below half of the uniform policy's, the
 * top-100 mean reward of the samples beats uniform random sampling, and true top-K objects are
 * found. TFBind8 needs more learner steps than QM9 and a cosine learning-rate decay: with a
 * constant rate it sits at 0.19–0.21 after 24,000–64,000 trajectories (docs/results.md); with
 * 96,000 and the decay, seeds 1 and 2 reach 0.172 and 0.188 against the bar 0.2017.
 */
class SequenceTaskTrainingTest {

  /** P_F uniform over legal actions: every logit 0. */
  record Uniform(PolicyArchitecture architecture) implements PolicyEvaluator {
    @Override
    public void evaluate(float[] features, int rows, float[] out) {
      java.util.Arrays.fill(out, 0, rows * architecture.outputWidth(), 0f);
    }
  }

  /**
   * Mean and standard deviation of the number of true top-K objects that {@code n} samples of the
   * uniform policy find: Σ q and √Σ q(1−q) with q = 1 − (1 − p(x))^n, p its exact terminal distribution.
   */
  static double[] uniformDiscoveries(Task task, PolicyEvaluator uniform, long n) {
    java.util.Set<Integer> top = new java.util.HashSet<>();
    for (int c : task.topK()) top.add(c);
    double[] p = ExactMetrics.terminalDistribution(task.space(), uniform);
    PrependAppendSequence env = (PrependAppendSequence) task.env();
    double mean = 0;
    double var = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0 || !top.contains(PrependAppendSequence.code(task.space().state(i), env.vocabulary()))) continue;
      double q = 1 - Math.pow(1 - p[i], n);
      mean += q;
      var += q * (1 - q);
    }
    return new double[] {mean, Math.sqrt(var)};
  }

  private static double top100(Task task, PolicyEvaluator policy, int n) {
    List<SampleMetrics.Scored> scored = new ArrayList<>();
    for (Trajectory t : new RolloutSampler(task.env(), policy).sample(n, Exploration.ON_POLICY, 99, 0, 0)) {
      scored.add(new SampleMetrics.Scored(t.terminal(), t.logReward()));
    }
    return SampleMetrics.topKMeanReward(scored, 100);
  }

  @ParameterizedTest
  @CsvSource({"tfbind8, 96000, cosine", "qm9str, 9600, constant"})
  void tbBeatsTheUniformPolicy(String type, long trajectories, String schedule) {
    Settings s = Settings.load(ConfigFactory.parseString(String.join("\n",
        "gfn.env.type = " + type,
        "gfn.policy { width = 128, shared-trunk = true }",
        "gfn.learner { learning-rate = 2e-3, schedule = " + schedule + " }",
        "gfn.train { trajectories = " + trajectories + ", eval-every = 100000 }")));
    Task task = Components.task(s.env());
    Learner learner = Components.learner(s, task.env());
    PolicyEvaluator uniform = new Uniform(learner.snapshot().architecture());
    ExactReport before = ExactMetrics.evaluate(task.space(), uniform, 0);
    TopKTracker modes = new TopKTracker((PrependAppendSequence) task.env(), task.topK());
    List<Evaluation> h = Components.localTrainer(s, task, learner).run(e -> { }, modes::observe);
    ExactReport after = h.get(h.size() - 1).exact();
    double uniformTop = top100(task, uniform, 2000);
    double trainedTop = top100(task, learner.snapshot().forwardEvaluator(), 2000);
    System.out.printf("%s: exact TV %.6f (uniform) -> %.3f; |logZ err| %.3f; top-100 mean R %.3f (uniform) vs %.3f; top-K found %d/%d%n",
        type, before.tv(), after.tv(), after.logZError(), uniformTop, trainedTop, modes.discovered(), modes.total());
    assertTrue(after.tv() < 0.5 * before.tv(), "exact TV " + before.tv() + " -> " + after.tv());
    assertTrue(trainedTop > uniformTop, "top-100 mean reward " + uniformTop + " -> " + trainedTop);
    double[] chance = uniformDiscoveries(task, uniform, modes.observed());
    System.out.printf("%s: true top-K found %d of %d; uniform policy, as many samples: %.1f ± %.1f%n", type,
        modes.discovered(), modes.total(), chance[0], chance[1]);
    assertTrue(modes.discovered() > chance[0] + 3 * chance[1], "true top-K found " + modes.discovered()
        + " vs " + String.format("%.1f ± %.1f", chance[0], chance[1]) + " expected of as many uniform samples");
  }
}
