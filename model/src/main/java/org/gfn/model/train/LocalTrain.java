package org.gfn.model.train;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gfn.envs.BitSequence;
import org.gfn.model.cli.Cli;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.ebgfn.EnergyBasedRun;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.model.learn.Backend;
import org.gfn.model.learn.Learner;
import org.gfn.model.metrics.Discovery;
import org.gfn.model.metrics.IsingComparison;
import org.gfn.model.metrics.LogEvidence;
import org.gfn.model.metrics.ModeTracker;
import org.gfn.model.metrics.ParsimonyTracker;
import org.gfn.model.metrics.SequenceLikelihood;
import org.gfn.model.metrics.TopKTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark-free training from the command line: {@code local [CONF] [--set key=value ...]}. Prints
 * one progress line per evaluation and a summary; for bit sequences also the modes found and the
 * test-set Spearman correlation between log R and log P_F.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Trains in this JVM without Spark (the same loop as the distributed job).")
public final class LocalTrain implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "CONF", description = "HOCON preset (default: reference settings)")
  File conf;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting (gfn. prefix optional)")
  List<String> sets = new ArrayList<>();

  public static void main(String[] args) {
    Cli.exit(Cli.run(new LocalTrain(), args, System.out, System.err,
        List.of(SettingsException.class, IllegalArgumentException.class)));
  }

  @Override
  public Integer call() {
    Settings s = Settings.load(ConfigLoader.load(conf, sets));
    EnergyBasedSettings eb = EnergyBasedSettings.read(s);
    if (eb.enabled()) {
      runEnergyBased(s, eb);
      return 0;
    }
    Task task = Components.task(s);
    Learner learner = Components.learner(s, task.env());
    System.out.println(Backend.describe());
    System.out.println("training " + s.objective() + " on " + task.env().name() + " for "
        + s.train().trajectories() + " trajectories"
        + (task.space() != null ? String.format(" (exact log Z = %.6f)", task.space().logZ()) : ""));
    ModeTracker modes = task.modes() == null ? null
        : new ModeTracker((BitSequence) task.env().unwrap(), task.modes(), s.env().modeThreshold());
    Discovery discovery = task.discoveryTracker();
    Components.localTrainer(s, task, learner, discovery).run(
        e -> System.out.println(e.progressLine() + (modes == null ? "" : " | modes " + modes.found() + "/" + modes.total())),
        b -> {
          if (modes != null) modes.observe(b);
        });
    if (s.train().evidenceSamples() > 0) {
      System.out.println(LogEvidence.estimate(task.env(), learner.snapshot().evaluator(), s.train().evidenceSamples(),
          s.train().evidenceRepeats(), s.seed()).line());
    }
    if (s.env().type().equals("ising")) {
      System.out.println(IsingComparison.of(EnvironmentFactory.isingModel(s.env()), task.env(),
          learner.snapshot().forwardEvaluator(), s.seed(), learner.steps()).line());
    }
    if (discovery instanceof TopKTracker top) {
      System.out.printf("sequence result: over %d sampled trajectories, true top-K found %d/%d, best %d distinct:"
          + " mean R %.4f, mean pairwise Hamming distance %.3f%n", top.observed(), top.discovered(),
          top.total(), TopKTracker.BEST, top.bestMeanReward(), top.bestDiversity());
    }
    if (discovery instanceof ParsimonyTracker trees) {
      System.out.println("phylo result: " + ParsimonyTracker.progress(trees.toMap()) + "; best trees (score, Newick):");
      trees.bestTrees().stream().limit(5).forEach(line -> System.out.println("  " + line));
    }
    if (modes != null) {
      double rho = SequenceLikelihood.testSetSpearman((BitSequence) task.env().unwrap(), task.modes(),
          s.env().testSeed(), learner.snapshot().forwardEvaluator());
      System.out.printf("bitseq result: modes found %d/%d (threshold %d), test-set Spearman(log R, log P_F) = %.4f%n",
          modes.found(), modes.total(), s.env().modeThreshold(), rho);
    }
    return 0;
  }

  private static void runEnergyBased(Settings s, EnergyBasedSettings eb) {
    System.out.println(Backend.describe());
    int sites = EnergyBasedRun.truth(s).sites();
    System.out.printf("EB-GFN on a %dx%d Ising lattice, sigma = %s: %d %s ground-truth samples, %d iterations%n",
        s.env().isingSide(), s.env().isingSide(), s.env().isingSigma(), eb.dataSamples(),
        EnergyBasedSettings.exact(sites) ? "exact" : "Gibbs", eb.iterations());
    EnergyBasedRun.Result r = EnergyBasedRun.run(s, eb, EnergyBasedRun.localData(s, eb), row -> System.out.println(row.progressLine()));
    System.out.printf("ebgfn result: log-RMSE(J) %.3f (J = 0) -> %.3f%n", Math.log(r.initialRmse()), Math.log(r.finalRmse()));
  }
}
