package org.gfn.model.ebgfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gfn.envs.GibbsSampler;
import org.gfn.envs.IsingModel;
import org.gfn.envs.SpinSequence;
import org.gfn.model.config.EnvironmentFactory;
import org.gfn.model.config.Settings;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.rollout.Seeds;
import org.gfn.model.train.Components;

/**
 * An EB-GFN run from settings ({@code gfn.ebgfn.*} with {@code gfn.env.type = ising}): the ground
 * truth is the lattice of {@code gfn.env.ising}, J starts at 0, and the GFlowNet is built from
 * {@code gfn.policy} / {@code gfn.objective} / {@code gfn.learner} as for any run. Shared by the
 * local CLI and the Spark job (which only supplies the data differently).
 */
public final class EnergyBasedRun {
  /** One reported iteration. */
  public record Row(int iteration, long learnerStep, double rmse, double loss, double logZ, double acceptance,
      double wallSeconds) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("iteration", (long) iteration);
      m.put("learner_step", learnerStep);
      m.put("wall_s", wallSeconds);
      m.put("loss", loss);
      m.put("log_z", logZ);
      m.put("rmse_j", rmse);
      m.put("log_rmse_j", Math.log(rmse));
      if (!Double.isNaN(acceptance)) m.put("mh_acceptance", acceptance);
      return m;
    }

    public String progressLine() {
      return String.format("iteration %6d | step %7d | %7.1fs | loss %.4f | logZ %.4f | log-RMSE(J) %.3f%s",
          iteration, learnerStep, wallSeconds, loss, logZ, Math.log(rmse),
          Double.isNaN(acceptance) ? "" : String.format(" | MH acceptance %.3f", acceptance));
    }
  }

  /** Initial (J = 0) and final RMSE of J against the truth, and the reported rows. */
  public record Result(double initialRmse, double finalRmse, List<Row> rows) {}

  private EnergyBasedRun() {}

  /** The ground-truth model of the settings. */
  public static IsingModel truth(Settings s) {
    return EnvironmentFactory.isingModel(s.env());
  }

  /** Ground-truth samples on this machine: exact for small lattices, else one Gibbs chain. */
  public static List<int[]> localData(Settings s, EnergyBasedSettings e) {
    IsingModel truth = truth(s);
    long seed = Seeds.derive(s.seed(), 0xDA7A);
    return EnergyBasedSettings.exact(truth.sites())
        ? truth.exactSamples(e.dataSamples(), seed)
        : GibbsSampler.samples(truth, e.gibbsBurnIn(), e.gibbsThin(), e.dataSamples(), seed);
  }

  /** Trains J and the GFlowNet on {@code data}; {@code onReport} gets every report-every-th iteration. */
  public static Result run(Settings s, EnergyBasedSettings e, List<int[]> data, Consumer<Row> onReport) {
    IsingModel truth = truth(s);
    int n = truth.sites();
    for (int[] x : data) {
      if (x.length != n) throw new IllegalArgumentException("a data sample has " + x.length + " spins, the lattice " + n);
    }
    EnergyBasedTraining.Couplings j = EnergyBasedTraining.zeroCouplings(n);
    SpinSequence env = EnergyBasedTraining.environment(j, n);
    // J starts at 0, where Z = 2^n exactly: log Z starts there (plus gfn.learner.initial-log-z)
    // instead of climbing from 0 while the energy moves.
    LearnerConfig l = s.learner();
    Learner learner = Components.learner(s, env, new LearnerConfig(l.learningRate(), l.logZLearningRate(),
        l.clipNorm(), l.emaDecay(), l.initialLogZ() + n * Math.log(2), l.schedule(), l.anneal()));
    double[][] trueJ = truth.couplings();
    double initial = EnergyBasedTraining.rmse(j.couplings(), trueJ);
    List<Row> rows = new ArrayList<>();
    long t0 = System.nanoTime();
    double[] last = {initial};
    EnergyBasedTraining.Config c = new EnergyBasedTraining.Config(e.iterations(), e.gflownetSteps(),
        s.train().batchSize(), e.negatives(), e.energyLearningRate(), Seeds.derive(s.seed(), 0xEB), e.mhSteps());
    EnergyBasedTraining.train(j, learner, env, data, c, (it, jj, loss, acceptance) -> {
      last[0] = EnergyBasedTraining.rmse(jj, trueJ);
      if ((it + 1) % e.reportEvery() == 0 || it + 1 == e.iterations()) {
        Row row = new Row(it + 1, learner.steps(), last[0], loss, learner.logZEstimate(), acceptance,
            (System.nanoTime() - t0) / 1e9);
        rows.add(row);
        onReport.accept(row);
      }
    });
    return new Result(initial, last[0], rows);
  }
}
