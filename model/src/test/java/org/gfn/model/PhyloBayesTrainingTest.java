package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.metrics.ExactReport;
import org.gfn.model.metrics.LogEvidence;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PhyloGFN-Bayesian on 5 taxa with 2 branch-length bins (13,440 rooted trees with lengths, all
 * enumerated): TB learns the exact posterior, and the importance-sampled marginal likelihood of
 * the trained sampler matches the exact one within its standard error — with the MLP on the flat
 * one-action-per-merge forest, and with the set policy on the forest whose branch lengths are
 * steps of their own (the policy that scales to DS1–DS8).
 */
class PhyloBayesTrainingTest {
  @TempDir File dir;

  @Test
  void tbLearnsThePosteriorAndTheMarginalLikelihood() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = phylo-bayes, phylo { file = "%s", bins = 2, bin-size = 0.1 } }
        gfn.learner { learning-rate = 3e-3, schedule = cosine, initial-log-z = -90 }
        gfn.sampler.epsilon = 0.05
        gfn.train { batch-size = 32, trajectories = 40000, eval-every = 250 }
        """.formatted(fasta())));
    check(s, 0.05);
  }

  /** Untrained exact TV 0.93; 40,000 trajectories reach ≈ 0.08 (the MLP's one-hot clusters learn faster). */
  @Test
  void theSetPolicyLearnsItWithLengthSteps() throws Exception {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = phylo-bayes, phylo { file = "%s", bins = 2, bin-size = 0.1 } }
        gfn.policy { type = set, width = 32, mix-layers = 2, heads = 4 }
        gfn.learner { learning-rate = 3e-3, schedule = cosine, initial-log-z = -90 }
        gfn.sampler.epsilon = 0.05
        gfn.train { batch-size = 32, trajectories = 40000, eval-every = 500 }
        """.formatted(fasta())));
    assertTrue(Components.task(s).env() instanceof PhyloBayesSteps, "a set policy takes the lengths in steps");
    check(s, 0.10);
  }

  private String fasta() throws Exception {
    File fasta = new File(dir, "five.fasta");
    Files.writeString(fasta.toPath(), """
        >a
        ACGTACGTAAGT-ACGACGTTGCA
        >b
        ACGTACGAAAGTTACGACGATGCA
        >c
        ACTTACGAAAGCTACNTCGATGGA
        >d
        GCTTACGAACGCTAC?TCGATGGA
        >e
        GCTTTCGAACGCTTCGTCGTTGGA
        """);
    return fasta.getAbsolutePath();
  }

  private static void check(Settings s, double bar) throws Exception {
    Task task = Components.task(s);
    Environment env = task.env();
    Learner learner = Components.learner(s, task.env());
    ExactReport untrained = ExactMetrics.evaluate(task.space(), learner.snapshot().forwardEvaluator(), 0.0);
    List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> System.out.println(e.progressLine()));
    ExactReport trained = history.get(history.size() - 1).exact();
    double exactMl = task.space().logZ() - env.logTerminalMultiplicity();
    LogEvidence.Estimate est = LogEvidence.estimate(env, learner.snapshot().evaluator(), 2000, 8, 5);
    System.out.println("exact TV untrained " + untrained.tv() + ", trained " + trained.tv() + "; exact log ML " + exactMl
        + "; " + est.line());
    assertTrue(untrained.tv() > 0.3, "the bar separates: untrained " + untrained.tv());
    assertTrue(trained.tv() <= bar, "exact TV after training " + trained.tv());
    assertEquals(exactMl, est.logMarginalLikelihood(), 3 * est.stdErr() + 1e-3, "IS marginal likelihood");
    double maxLogR = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < task.space().size(); i++) if (task.space().isTerminal(i)) maxLogR = Math.max(maxLogR, task.space().logReward(i));
    java.util.Map<String, Object> m = history.get(history.size() - 1).metrics();
    double best = ((Number) m.get("best_log_reward")).doubleValue();
    double mean = ((Number) m.get("mean_log_reward")).doubleValue();
    assertTrue(best <= maxLogR + 1e-9 && best > maxLogR - 1 && mean < best, "best " + best + " of " + maxLogR + ", mean " + mean);
  }
}
