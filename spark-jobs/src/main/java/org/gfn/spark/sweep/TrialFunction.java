package org.gfn.spark.sweep;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.model.learn.Learner;
import org.gfn.model.train.Components;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.Task;

/**
 * Runs one packed sweep trial inside an executor task: the Spark-free training loop with the
 * trial's configuration, to its trajectory or time budget. Every exception becomes a failed
 * result with its message, so one bad trial never stops the sweep.
 */
public final class TrialFunction implements Function<TrialFunction.Input, TrialResult> {
  private static final long serialVersionUID = 1L;

  /** What a trial task carries: the trial, its resolved configuration (HOCON), the ranking. */
  public record Input(SweepSpec.Trial trial, String config, String metric, boolean minimise, double seconds,
      int attempt) implements java.io.Serializable {}

  @Override
  public TrialResult call(Input in) {
    return run(in);
  }

  public static TrialResult run(Input in) {
    long t0 = System.nanoTime();
    try {
      Settings s = Settings.load(ConfigFactory.parseString(in.config()));
      if (EnergyBasedSettings.read(s).enabled()) {
        throw new SettingsException("sweeps train samplers; EB-GFN runs (gfn.ebgfn.enabled) are not supported in a sweep");
      }
      Task task = Components.task(s);
      Learner learner = Components.learner(s, task.env());
      List<Evaluation> history = Components.localTrainer(s, task, learner).run(e -> { }, b -> { },
          () -> in.seconds() > 0 && (System.nanoTime() - t0) / 1e9 > in.seconds());
      double best = Double.NaN;
      double last = Double.NaN;
      for (Evaluation e : history) {
        last = e.number(in.metric());
        if (Double.isNaN(best) || (in.minimise() ? last < best : last > best)) best = last;
      }
      if (Double.isNaN(last)) {
        throw new IllegalStateException("metric " + in.metric() + " is not available for " + task.env().name());
      }
      Evaluation end = history.get(history.size() - 1);
      return new TrialResult(in.trial().id(), in.trial().params(), in.trial().seed(), "ok", in.attempt(),
          last, best, end.step(), end.trajectories(), (System.nanoTime() - t0) / 1e9, "");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return TrialResult.failed(in.trial(), in.attempt(), (System.nanoTime() - t0) / 1e9, e);
    }
  }
}
