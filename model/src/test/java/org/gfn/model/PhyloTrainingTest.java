package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.gfn.model.config.DataFiles;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set policy trained by TB on 7 taxa (the first seven of DS1, sites 201–260, 6 of them informative: 27,007 forests,
 * 10,395 rooted trees) reaches exact TV ≤ 0.05 against R/Z, with PhyloGFN's α = 4. The untrained
 * network and the uniform policy are measured on the same space and are far above that bar.
 */
class PhyloTrainingTest {
  @TempDir File dir;

  /** The first seven taxa of the shipped DS1, sites 201–260, as a FASTA file. */
  static File sevenTaxa(File dir) throws Exception {
    String ds1 = Files.readString(new File(DataFiles.locate("data/phylo/DS1.fasta", "test")).toPath());
    StringBuilder out = new StringBuilder();
    String[] records = ds1.split(">");
    for (int t = 1; t <= 7; t++) {
      String[] lines = records[t].split("\n");
      String seq = String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length)).replace("\r", "");
      out.append('>').append(lines[0].trim()).append('\n').append(seq, 200, 260).append('\n');
    }
    File f = new File(dir, "seven.fasta");
    Files.writeString(f.toPath(), out.toString());
    return f;
  }

  @Test
  void tbWithTheSetPolicyMatchesTheExactDistributionOnSevenTaxa() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString(String.join("\n",
        "gfn.env { type = phylo, phylo { file = \"" + sevenTaxa(dir).getAbsolutePath() + "\", offset = 0, alpha = 4 } }",
        "gfn.policy { type = set, width = 64, hidden-layers = 1, mix-layers = 2, heads = 4 }",
        "gfn.sampler.epsilon = 0.1",
        "gfn.learner { learning-rate = 3e-3, schedule = cosine }",
        "gfn.train { batch-size = 32, trajectories = 40000, eval-every = 100000 }")));
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    ExactReport untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0);
    ExactReport uniform = ExactMetrics.evaluate(task.space(),
        new SequenceTaskTrainingTest.Uniform(learner.snapshot().architecture()), 0);
    List<Evaluation> h = Components.localTrainer(s, task, learner).run(e -> { }, t -> { });
    ExactReport after = h.get(h.size() - 1).exact();
    System.out.printf("7 taxa, set policy, TB: exact TV %.4f (untrained) / %.4f (uniform) -> %.4f; |log Z err| %.4f%n",
        untrained.tv(), uniform.tv(), after.tv(), after.logZError());
    assertTrue(untrained.tv() > 0.2 && uniform.tv() > 0.2, "the bar must separate: untrained " + untrained.tv()
        + ", uniform " + uniform.tv());
    assertTrue(after.tv() <= 0.05, "exact TV after training " + after.tv());
  }
}
