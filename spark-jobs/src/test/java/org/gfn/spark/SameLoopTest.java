package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.gfn.model.train.TrainingLoop;
import org.gfn.spark.sweep.SweepSpec;
import org.gfn.spark.sweep.TrialFunction;
import org.gfn.spark.sweep.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark-free trainer, the distributed job and a packed sweep trial all train through the one
 * {@link TrainingLoop}: each run of each entry point counts one loop run in this JVM, and their
 * records carry the same loop metrics.
 */
class SameLoopTest {
  private static final String SMALL = String.join("\n",
      "gfn.env.hypergrid { dim = 2, height = 4 }",
      "gfn.policy { hidden-layers = 1, width = 16 }",
      "gfn.train { batch-size = 16, trajectories = 320, eval-every = 10 }",
      "gfn.spark { trajectories-per-task = 16, tasks-per-job = 2, checkpoint-every = 100000, plots = false }");

  @TempDir
  File dir;

  @Test
  void localDistributedAndPackedTrialsRunTheOneLoop() throws Exception {
    File conf = new File(dir, "small.conf");
    java.nio.file.Files.writeString(conf.toPath(), SMALL);
    long before = TrainingLoop.runs();

    Settings s = Settings.load(ConfigLoader.load(conf, List.of()));
    Task task = Components.task(s.env());
    Learner learner = Components.learner(s, task.env());
    List<Evaluation> local = Components.localTrainer(s, task, learner).run(e -> { });
    assertEquals(before + 1, TrainingLoop.runs(), "the local trainer ran the loop");

    File run = new File(dir, "run");
    Runs.Outcome o = Runs.train(true, Runs.args(conf.getPath(), run).toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    assertEquals(before + 2, TrainingLoop.runs(), "the distributed job ran the loop");

    String config = ConfigLoader.load(conf, List.of()).root().render(ConfigRenderOptions.concise());
    TrialResult r = TrialFunction.run(new TrialFunction.Input(new SweepSpec.Trial("t1", Map.of(), 1), config,
        "exact_sum_l1", true, 0, 1));
    assertTrue(r.ok(), r.error());
    assertEquals(before + 3, TrainingLoop.runs(), "the packed trial ran the loop");

    var distributed = ConfigFactory.parseString(java.nio.file.Files.readAllLines(new File(run, "metrics.jsonl").toPath()).get(0));
    for (String key : local.get(0).metrics().keySet()) {
      assertTrue(distributed.hasPath(key), "metrics.jsonl of the distributed job has the loop's " + key);
    }
    assertEquals(320, local.get(local.size() - 1).trajectories());
    assertEquals(320, Runs.summary(run).getLong("trajectories_trained"));
    assertEquals(20, r.steps(), "the trial trained the whole budget");
  }
}
