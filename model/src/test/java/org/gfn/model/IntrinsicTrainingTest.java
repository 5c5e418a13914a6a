package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * GAFlowNet's intrinsic rewards end to end: on the sparse 8×8 HyperGrid (three modes with reward
 * 1, 1e-12 elsewhere) TB + RND finds every mode and learns the target far past the untrained
 * policy; the learner's checkpoint keeps the predictor; the settings refuse what it cannot train.
 */
class IntrinsicTrainingTest {
  private static Settings settings(String extra) {
    return Settings.load(ConfigFactory.parseString("""
        gfn.env.hypergrid { dim = 2, height = 8, reward = sparse }
        gfn.train { batch-size = 16, trajectories = 4000, eval-every = 50 }
        gfn.explore.intrinsic { enabled = true, decay = 0.998 }
        """ + extra));
  }

  @Test
  void intrinsicRewardsFindEveryModeOfTheSparseGridAndLearnIt() {
    Settings s = settings("");
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    double untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0).tv();
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    Evaluation last = history.get(history.size() - 1);
    assertEquals(3, ((Number) last.metrics().get("modes_total")).intValue());
    assertEquals(3, ((Number) last.metrics().get("modes_found")).intValue(), "every mode found");
    assertTrue(last.exact().tv() < 0.45 && last.exact().tv() < 0.5 * untrained,
        "exact TV " + last.exact().tv() + " (untrained " + untrained + ")");
  }

  @Test
  void theCheckpointKeepsThePredictor() throws IOException {
    Settings s = settings("gfn.train.trajectories = 64");
    Task task = Components.task(s);
    Learner a = Components.learner(s, task.env());
    List<Trajectory> batch = Fixtures.trajectories(task.env(), a.snapshot().architecture(), 16, 4);
    for (int i = 0; i < 3; i++) a.step(batch);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.save(new DataOutputStream(bytes));
    Learner b = Components.learner(s, task.env());
    b.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(a.step(batch).loss(), b.step(batch).loss(), 0.0, "the same intrinsic rewards after restore");
    assertArrayEquals(a.liveSnapshot().params(), b.liveSnapshot().params());
    Learner plain = Components.learner(settings("gfn.explore.intrinsic.enabled = false"), task.env());
    IOException e = assertThrows(IOException.class,
        () -> plain.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertTrue(e.getMessage().contains("gfn.explore.intrinsic changed") || e.getMessage().contains("parameters"), e.getMessage());
  }

  @Test
  void settingsRefuseWhatIntrinsicRewardsCannotTrain() {
    assertEquals(null, Settings.load(ConfigFactory.empty()).intrinsic());
    assertEquals(0.998, settings("").intrinsic().decay());
    String m = assertThrows(org.gfn.model.config.SettingsException.class,
        () -> settings("gfn.objective.name = DB")).getMessage();
    assertTrue(m.contains("set gfn.objective.name = TB"), m);
    m = assertThrows(org.gfn.model.config.SettingsException.class,
        () -> settings("gfn.conditioning.temperature.enabled = true")).getMessage();
    assertTrue(m.contains("cannot be combined"), m);
    m = assertThrows(org.gfn.model.config.SettingsException.class,
        () -> settings("gfn.explore.intrinsic.decay = 1.5")).getMessage();
    assertTrue(m.contains("gfn.explore.intrinsic.decay"), m);
  }
}
