package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.LogEvidence;
import org.gfn.model.train.Components;
import org.gfn.model.train.Task;
import org.junit.jupiter.api.Test;

/**
 * The importance-sampled log Z is unbiased for any sampler that reaches every object (checked on
 * an untrained one against the exact log Z of the 8×8 HyperGrid), and training closes the gap of
 * the lower bound and shrinks the estimator's spread.
 */
class LogEvidenceTest {
  @Test
  void estimatesTheExactLogZBeforeAndAfterTraining() {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env.hypergrid { dim = 2, height = 8 }
        gfn.train { batch-size = 16, trajectories = 8000, eval-every = 250 }
        """));
    Task task = Components.task(s);
    double exact = task.space().logZ();
    Learner learner = Components.learner(s, task.env());
    LogEvidence.Estimate before = LogEvidence.estimate(task.env(), learner.snapshot().evaluator(), 2000, 8, 3);
    Components.localTrainer(s, task, learner).run(e -> { });
    LogEvidence.Estimate after = LogEvidence.estimate(task.env(), learner.snapshot().evaluator(), 2000, 8, 3);
    System.out.println("exact log Z " + exact + "; untrained " + before.line() + "; trained " + after.line());
    assertEquals(exact, before.logZ(), 4 * before.stdErr() + 0.02, "unbiased (up to log's small bias) before training");
    assertEquals(exact, after.logZ(), 4 * after.stdErr() + 0.01, "after training");
    assertTrue(before.elbo() < exact - 0.2, "an untrained sampler's ELBO is far below log Z: " + before.elbo());
    assertTrue(after.elbo() <= exact && after.elbo() > exact - 0.1, "training closes the ELBO gap: " + after.elbo());
    assertTrue(after.stdErr() < before.stdErr(), "and reduces the estimator's spread");
  }
}
