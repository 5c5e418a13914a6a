package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.junit.jupiter.api.Test;

/**
 * Quantile matching trains on the 8×8 HyperGrid: with deterministic rewards it ends far below the
 * untrained policy's exact TV; with a noisy reward its exit quantiles spread out to the noise's
 * quantiles while the sampler still targets the expected reward.
 */
class QuantileTrainingTest {

  private static Settings settings(double noise) {
    return Settings.load(ConfigFactory.parseString("""
        gfn.env.hypergrid { dim = 2, height = 8, reward-noise = %s }
        gfn.objective.name = QM
        gfn.objective.qm.quantiles = 8
        gfn.train { batch-size = 16, trajectories = 8000, eval-every = 250 }
        """.formatted(noise)));
  }

  /** Trains; returns {untrained TV, trained TV, mean spread q_7 − q_0 of the exit quantiles}. */
  private static double[] train(double noise) {
    Settings s = settings(noise);
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    ExactReport untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0.0);
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    ExactReport trained = history.get(history.size() - 1).exact();
    return new double[] {untrained.tv(), trained.tv(), exitSpread(task.env(), learner.snapshot().networkEvaluator())};
  }

  private static double exitSpread(Environment env, PolicyEvaluator net) {
    int f = env.featureSize();
    int w = net.architecture().outputWidth();
    int n = 8;
    float[] features = new float[f];
    float[] out = new float[w];
    double sum = 0;
    int count = 0;
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        env.encode(new int[] {i, j}, features, 0);
        net.evaluate(features, 1, out);
        int exit = env.exitAction() * n;
        sum += out[exit + n - 1] - out[exit];
        count++;
      }
    }
    return sum / count;
  }

  @Test
  void learnsTheTargetAndTheRewardNoise() {
    double[] clean = train(0);
    System.out.println("QM: exact TV untrained " + clean[0] + ", trained " + clean[1] + ", exit spread " + clean[2]);
    assertTrue(clean[1] < 0.15 && clean[1] < 0.4 * clean[0], "QM exact TV " + clean[1] + " (untrained " + clean[0] + ")");
    double[] noisy = train(1.0);
    System.out.println("QM, reward noise 1: exact TV untrained " + noisy[0] + ", trained " + noisy[1] + ", exit spread "
        + noisy[2]);
    // The noise's q(15/16) − q(1/16) is 3.07 for sigma = 1; without noise the quantiles stay together.
    assertTrue(noisy[2] > 1.5 && noisy[2] > 3 * Math.abs(clean[2]), "exit spread " + noisy[2] + " vs " + clean[2]);
    assertTrue(noisy[1] < 0.6 * noisy[0], "QM exact TV with a noisy reward " + noisy[1] + " (untrained " + noisy[0] + ")");
  }
}
