package org.gfn.model;

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
import org.junit.jupiter.api.Test;

/**
 * On the 8×8 HyperGrid whose moves are replaced by random ones with probability 0.5, stochastic
 * DB (learned dynamics) samples the target through the dynamics: exact TV of the true terminal
 * distribution far below the untrained policy's, and below naive DB's, which trains as if the
 * executed moves were the policy's choices.
 */
class StochasticTrainingTest {

  private static double[] train(String objective) {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { hypergrid { dim = 2, height = 8 }, random-action = 0.5 }
        gfn.objective.name = %s
        gfn.train { batch-size = 16, trajectories = 8000, eval-every = 250 }
        """.formatted(objective)));
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    ExactReport untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0.0);
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    return new double[] {untrained.tv(), history.get(history.size() - 1).exact().tv()};
  }

  @Test
  void stochasticDbLearnsThroughTheDynamicsAndNaiveDbDoesNot() {
    double[] sdb = train("SDB");
    double[] db = train("DB");
    System.out.println("exact TV through the dynamics: SDB " + sdb[1] + ", naive DB " + db[1] + ", untrained " + sdb[0]);
    assertTrue(sdb[1] < 0.5 * sdb[0], "SDB exact TV " + sdb[1] + " (untrained " + sdb[0] + ")");
    assertTrue(sdb[1] < 0.5 * db[1], "SDB " + sdb[1] + " vs naive DB " + db[1]);
  }

  /** The dynamics model is part of the learner's saved state: a restored learner takes the same step. */
  @Test
  void theDynamicsModelIsSavedAndRestored() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { hypergrid { dim = 2, height = 4 }, random-action = 0.5 }
        gfn.objective.name = SDB
        """));
    Task task = Components.task(s);
    Learner a = Components.learner(s, task.env());
    List<org.gfn.replay.Trajectory> batch = Fixtures.trajectories(task.env(),
        Fixtures.arch(task.env(), false, true, true), 16, 5);
    for (int i = 0; i < 20; i++) a.step(batch);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    a.save(new java.io.DataOutputStream(bytes));
    Learner b = Components.learner(s, task.env());
    b.restore(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    double la = a.step(batch).loss();
    org.junit.jupiter.api.Assertions.assertEquals(la, b.step(batch).loss(), 1e-9);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.snapshot().params(), b.snapshot().params());
    Settings db = Settings.load(ConfigFactory.parseString("""
        gfn.env { hypergrid { dim = 2, height = 4 }, random-action = 0.5 }
        gfn.objective.name = DB
        """));
    Learner other = Components.learner(db, task.env());
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> other.restore(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))));
    assertTrue(e.getMessage().contains("dynamics"), e.getMessage());
  }
}
