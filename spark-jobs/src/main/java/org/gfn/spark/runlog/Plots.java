package org.gfn.spark.runlog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gfn.envs.StateSpace;
import org.gfn.model.metrics.ExactMetrics;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.replay.Trajectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a run: metrics over time (from metrics.jsonl) and the sample distribution. */
public final class Plots {
  /**
   * Points per plotted series at most: larger series are averaged in consecutive buckets
   * (rendering millions of points took XChart over 13 minutes on a 47^4 grid).
   */
  public static final int MAX_POINTS = 2_000;

  private Plots() {}

  /** {@code ys} (at {@code xs}) averaged over consecutive buckets so at most {@link #MAX_POINTS} remain. */
  public static List<List<Double>> bounded(List<Double> xs, List<Double> ys) {
    if (xs.size() <= MAX_POINTS) return List.of(xs, ys);
    int per = (xs.size() + MAX_POINTS - 1) / MAX_POINTS;
    List<Double> bx = new ArrayList<>();
    List<Double> by = new ArrayList<>();
    for (int i = 0; i < xs.size(); i += per) {
      int end = Math.min(xs.size(), i + per);
      double sx = 0;
      double sy = 0;
      for (int j = i; j < end; j++) {
        sx += xs.get(j);
        sy += ys.get(j);
      }
      bx.add(sx / (end - i));
      by.add(sy / (end - i));
    }
    return List.of(bx, by);
  }

  public static List<File> write(RunDirectory run, StateSpace space, PolicyEvaluator policy,
      List<Trajectory> recent) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Config> rows = new ArrayList<>();
    File metrics = new File(run.root, "metrics.jsonl");
    if (metrics.isFile()) {
      for (String line : Files.readAllLines(metrics.toPath())) {
        if (!line.isBlank()) rows.add(ConfigFactory.parseString(line));
      }
    }
    List<File> out = new ArrayList<>();
    out.add(series(run, rows, "trajectories", "exact_sum_l1", "exact sum-L1 to R/Z", false));
    out.add(series(run, rows, "learner_step", "loss", "training loss", true));
    out.add(series(run, rows, "learner_step", "log_z", "log Z estimate", false));
    out.add(series(run, rows, "wall_s", "rollout_traj_per_s", "rollout trajectories per second", false));
    out.add(distribution(run, space, policy, recent));
    out.removeIf(f -> f == null);
    return out;
  }

  private static File series(RunDirectory run, List<Config> rows, String x, String y, String title,
      boolean logY) throws IOException {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Config r : rows) {
      if (r.hasPath(x) && r.hasPath(y)) {
        double v = r.getDouble(y);
        if (Double.isFinite(v) && (!logY || v > 0)) {
          xs.add(r.getDouble(x));
          ys.add(v);
        }
      }
    }
    if (xs.isEmpty()) return null;
    XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setYAxisLogarithmic(logY);
    c.getStyler().setLegendVisible(false);
    List<List<Double>> b = bounded(xs, ys);
    c.addSeries(y, b.get(0), b.get(1)).setMarker(SeriesMarkers.NONE);
    File f = new File(run.plots(), y + ".png");
    BitmapEncoder.saveBitmap(c, f.getPath(), BitmapEncoder.BitmapFormat.PNG);
    return f;
  }

  /**
   * Enumerable tasks: the sampler's exact terminal distribution against the target, states sorted
   * by target probability. Others: the log-reward histogram of the newest samples.
   */
  private static File distribution(RunDirectory run, StateSpace space, PolicyEvaluator policy,
      List<Trajectory> recent) throws IOException {
    XYChart c;
    if (space != null) {
      double[] p = ExactMetrics.terminalDistribution(space, policy);
      double[] pi = space.targetDistribution();
      Integer[] order = new Integer[pi.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pi[i]).reversed());
      List<Double> xs = new ArrayList<>();
      List<Double> target = new ArrayList<>();
      List<Double> sampler = new ArrayList<>();
      int rank = 0;
      for (int i : order) {
        if (!space.isTerminal(i)) continue;
        xs.add((double) rank++);
        target.add(pi[i]);
        sampler.add(p[i]);
      }
      c = new XYChartBuilder().width(800).height(500).title("terminal distribution: sampler vs R/Z"
              + (xs.size() > MAX_POINTS ? " (means of " + ((xs.size() + MAX_POINTS - 1) / MAX_POINTS) + " states)" : ""))
          .xAxisTitle("terminal states, by target probability").yAxisTitle("probability").build();
      c.getStyler().setXAxisDecimalPattern("#");
      c.getStyler().setXAxisTickMarkSpacingHint(120);
      List<List<Double>> bs = bounded(xs, sampler);
      List<List<Double>> bt = bounded(xs, target);
      c.addSeries("sampler p(x)", bs.get(0), bs.get(1)).setMarker(SeriesMarkers.NONE);
      c.addSeries("target R(x)/Z", bt.get(0), bt.get(1)).setMarker(SeriesMarkers.NONE);
    } else {
      if (recent.isEmpty()) return null;
      double[] lr = recent.stream().mapToDouble(Trajectory::logReward).sorted().toArray();
      int bins = 40;
      double lo = lr[0];
      double hi = lr[lr.length - 1] + 1e-9;
      double[] counts = new double[bins];
      for (double v : lr) counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        xs.add(lo + (b + 0.5) * (hi - lo) / bins);
        ys.add(counts[b]);
      }
      c = new XYChartBuilder().width(800).height(500).title("log-reward of the newest samples")
          .xAxisTitle("log R(x)").yAxisTitle("count").build();
      c.addSeries("samples", xs, ys);
    }
    File f = new File(run.plots(), "sample_distribution.png");
    BitmapEncoder.saveBitmap(c, f.getPath(), BitmapEncoder.BitmapFormat.PNG);
    return f;
  }
}
