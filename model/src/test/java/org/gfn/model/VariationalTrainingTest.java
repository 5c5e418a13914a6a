package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The variational baselines train: on the 8×8 HyperGrid, RKL and FKL (with ε-exploration, so the
 * importance weights are not all 1) end far below the untrained policy's exact TV, measured here.
 */
class VariationalTrainingTest {
  @ParameterizedTest
  @CsvSource({"RKL,0.1", "FKL,0.2"})
  void theVariationalBaselinesLearnTheTarget(String objective, double bar) {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env.hypergrid { dim = 2, height = 8 }
        gfn.objective.name = %s
        gfn.sampler.epsilon = 0.05
        gfn.train { batch-size = 16, trajectories = 12000, eval-every = 250 }
        """.formatted(objective)));
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    ExactReport untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0.0); // log Z starts at 0
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    ExactReport trained = history.get(history.size() - 1).exact();
    assertEquals(12_000, history.get(history.size() - 1).trajectories());
    System.out.println(objective + ": exact TV " + untrained.tv() + " untrained, " + trained.tv() + " trained");
    assertTrue(trained.tv() < bar && trained.tv() < 0.5 * untrained.tv(),
        objective + " exact TV " + trained.tv() + " (untrained " + untrained.tv() + ")");
    assertTrue(trained.logZError() < 0.5 * untrained.logZError(), objective + " |log Z error| " + trained.logZError()
        + " (untrained " + untrained.logZError() + ")");
  }
}
