package org.gfn.model.train;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gfn.envs.BitSequence;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.IsingComparison;
import org.gfn.model.metrics.ModeTracker;
import org.gfn.model.metrics.TopKTracker;
import org.gfn.model.metrics.SequenceLikelihood;

/**
 * Spark-free training from the command line: {@code LocalTrain [CONF] [--set key=value ...]}.
 * Prints one progress line per evaluation and a summary; for bit sequences also the modes found
 * and the test-set Spearman correlation between log R and log P_F.
 */
public final class LocalTrain {
  private LocalTrain() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (SettingsException | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("usage: LocalTrain [CONF] [--set key=value ...]");
      System.exit(2);
    }
  }

  static void run(String[] args) {
    File conf = null;
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        sets.add(args[++i]);
      } else if (!args[i].startsWith("--") && conf == null) {
        conf = new File(args[i]);
      } else {
        throw new SettingsException("unexpected argument '" + args[i] + "'");
      }
    }
    Settings s = Settings.load(ConfigLoader.load(conf, sets));
    EnergyBasedSettings eb = EnergyBasedSettings.read(s);
    if (eb.enabled()) {
      runEnergyBased(s, eb);
      return;
    }
    Task task = Components.task(s.env());
    Learner learner = Components.learner(s, task.env());
    System.out.println(org.gfn.model.learn.Backend.describe());
    System.out.println("training " + s.objective() + " on " + task.env().name() + " for "
        + s.train().trajectories() + " trajectories"
        + (task.space() != null ? String.format(" (exact log Z = %.6f)", task.space().logZ()) : ""));
    ModeTracker modes = task.modes() == null ? null
        : new ModeTracker((BitSequence) task.env(), task.modes(), s.env().modeThreshold());
    TopKTracker discovery = task.discoveryTracker();
    Components.localTrainer(s, task, learner).run(
        e -> System.out.println(e.progressLine() + (modes == null ? "" : " | modes " + modes.found() + "/" + modes.total())
            + (discovery == null ? "" : " | " + discovery.progress())),
        b -> {
          if (modes != null) modes.observe(b);
          if (discovery != null) discovery.observe(b);
        });
    if (s.env().type().equals("ising")) {
      System.out.println(IsingComparison.of(Components.isingModel(s.env()), task.env(), learner.snapshot().forwardEvaluator(), s.seed(),
          learner.steps()).line());
    }
    if (discovery != null) {
      System.out.printf("sequence result: over %d sampled trajectories, true top-K found %d/%d, best %d distinct:"
          + " mean R %.4f, mean pairwise Hamming distance %.3f%n", discovery.observed(), discovery.discovered(),
          discovery.total(), TopKTracker.BEST, discovery.bestMeanReward(), discovery.bestDiversity());
    }
    if (modes != null) {
      double rho = SequenceLikelihood.testSetSpearman((BitSequence) task.env(), task.modes(),
          s.env().testSeed(), learner.snapshot().forwardEvaluator());
      System.out.printf("bitseq result: modes found %d/%d (threshold %d), test-set Spearman(log R, log P_F) = %.4f%n",
          modes.found(), modes.total(), s.env().modeThreshold(), rho);
    }
  }

  private static void runEnergyBased(Settings s, EnergyBasedSettings eb) {
    System.out.println(org.gfn.model.learn.Backend.describe());
    int sites = EnergyBasedRun.truth(s).sites();
    System.out.printf("EB-GFN on a %dx%d Ising lattice, sigma = %s: %d %s ground-truth samples, %d iterations%n",
        s.env().isingSide(), s.env().isingSide(), s.env().isingSigma(), eb.dataSamples(),
        EnergyBasedSettings.exact(sites) ? "exact" : "Gibbs", eb.iterations());
    EnergyBasedRun.Result r = EnergyBasedRun.run(s, eb, EnergyBasedRun.localData(s, eb), row -> System.out.println(row.progressLine()));
    System.out.printf("ebgfn result: log-RMSE(J) %.3f (J = 0) -> %.3f%n", Math.log(r.initialRmse()), Math.log(r.finalRmse()));
  }
}
