package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One temperature-conditional policy (Logit-GFN) trained on the 8×8 HyperGrid for β ∈ [1, 3]:
 * at β = 1, 2 and 3 its exact TV against R^β / Z(β) and its log Z(β) must be far better than the
 * untrained policy's (measured here, not assumed).
 */
class TemperatureTrainingTest {
  private static final double[] BETAS = {1, 2, 3};

  private static Settings settings(String mode) {
    return Settings.load(ConfigFactory.parseString("""
        gfn.env.hypergrid { dim = 2, height = 8 }
        gfn.policy.width = 64
        gfn.train { batch-size = 16, trajectories = 12000, eval-every = 250 }
        gfn.conditioning.temperature { enabled = true, mode = %s }
        """.formatted(mode)));
  }

  private static Map<String, Object> perBeta(Task task, Learner learner) {
    PolicySnapshot snap = learner.snapshot();
    double[] z = new double[BETAS.length];
    for (int k = 0; k < BETAS.length; k++) z[k] = learner.logZAt(BETAS[k]);
    return ExactMetrics.perBeta(task.space(), snap.forwardEvaluator(), BETAS, z);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logit-scaling", "layer"})
  void oneConditionalPolicyLearnsTheTargetsAtSeveralTemperatures(String mode) {
    Settings s = settings(mode);
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    Map<String, Object> untrained = perBeta(task, learner);
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    assertEquals(12_000, history.get(history.size() - 1).trajectories());
    Map<String, Object> trained = perBeta(task, learner);
    assertEquals(trained.get("exact_tv_beta_2"), history.get(history.size() - 1).metrics().get("exact_tv_beta_2"),
        "the loop reports the same per-beta metrics");
    System.out.println(mode + " untrained " + untrained + "\n" + mode + " trained " + trained);
    for (double b : BETAS) {
      String k = ExactMetrics.label(b);
      double tv = (Double) trained.get("exact_tv_beta_" + k);
      double tv0 = (Double) untrained.get("exact_tv_beta_" + k);
      double dz = (Double) trained.get("log_z_error_beta_" + k);
      assertTrue(tv < 0.5 * tv0 && tv < 0.3, mode + " beta " + k + ": TV " + tv + " (untrained " + tv0 + ")");
      assertTrue(dz < 1.0, mode + " beta " + k + ": |log Z(beta) error| " + dz);
    }
  }
}
