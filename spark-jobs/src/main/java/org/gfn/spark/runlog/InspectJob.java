package org.gfn.spark.runlog;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gfn.model.cli.Cli;
import org.gfn.spark.Sessions;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect RUN_DIR [--master URL]}: prints a summary of a run's replay log (trajectories
 * per policy version and per executor, staleness, reward quantiles, top objects, lengths) and
 * writes {@code plots/inspect_*.png}. Exit status 0, 2 for a bad argument or a folder without a log,
 * 1 for other failures.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Summarises a run's replay log and writes plots/inspect_*.png.")
public final class InspectJob implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "a run directory with a replay/ log")
  File runDir;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[1])")
  String master;

  private final SparkSession given;
  private final PrintStream out;

  private InspectJob(SparkSession given, PrintStream out) {
    this.given = given;
    this.out = out;
  }

  public static void main(String[] args) {
    Cli.exit(run(args, null, System.out, System.err));
  }

  /** Inspects a run; uses {@code given} when not null, else creates a session. */
  public static int run(String[] args, SparkSession given, PrintStream out, PrintStream err) {
    return Cli.run(new InspectJob(given, out), args, out, err, List.of(IllegalArgumentException.class));
  }

  @Override
  public Integer call() throws Exception {
    return Sessions.with(given, master, "local[1]", "", Sessions.DEFAULT_EXECUTOR_WAIT_S, spark -> {
      inspect(spark, runDir, out);
      return 0;
    });
  }

  public static void inspect(SparkSession spark, File runDir, PrintStream out) throws IOException {
    long n = ReplayLog.open(spark, runDir).count();
    out.println("replay log of " + runDir.getAbsolutePath() + ": " + n + " trajectories");
    Row sound = spark.sql(InspectQueries.CONSISTENCY).first();
    if (sound.getLong(0) > 1 || sound.getLong(1) > 0) {
      out.println("warning: this log holds " + sound.getLong(0) + " runs (run_id) and " + sound.getLong(1)
          + " duplicate trajectory ids: the run directory was reused, so the figures below mix runs");
    }
    for (var q : InspectQueries.ALL.entrySet()) {
      org.apache.spark.sql.Dataset<Row> result = spark.sql(q.getValue());
      List<Row> rows = result.collectAsList();
      out.println();
      out.println("== " + q.getKey());
      out.println(String.join(" | ", result.columns()));
      int shown = 0;
      for (Row r : rows) {
        if (shown++ == 20) {
          out.println("... (" + (rows.size() - 20) + " more rows)");
          break;
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.length(); i++) cells.add(cell(r.get(i)));
        out.println(String.join(" | ", cells));
      }
    }
    File plots = new File(runDir, "plots");
    if (!plots.isDirectory() && !plots.mkdirs()) throw new IOException("cannot create " + plots);
    List<File> written = writePlots(spark, plots);
    out.println();
    out.println("plots: " + written.stream().map(File::getPath).toList());
  }

  private static String cell(Object v) {
    if (v instanceof Double d) return String.format("%.4f", d);
    if (v instanceof scala.collection.Seq<?> s) {
      List<String> parts = new ArrayList<>();
      s.foreach(e -> parts.add(cell(e)));
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(v);
  }

  private static List<File> writePlots(SparkSession spark, File plots) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<File> out = new ArrayList<>();
    List<Row> overTime = spark.sql(InspectQueries.ALL.get("reward over time")).collectAsList();
    XYChart reward = new XYChartBuilder().width(800).height(500).title("log-reward of sampled objects by rollout round")
        .xAxisTitle("round").yAxisTitle("log R").build();
    List<Double> x = new ArrayList<>();
    List<Double> mean = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    for (Row r : overTime) {
      x.add((double) r.getLong(0));
      mean.add(r.getDouble(1));
      max.add(r.getDouble(2));
    }
    reward.addSeries("mean", x, mean).setMarker(SeriesMarkers.NONE);
    reward.addSeries("max", x, max).setMarker(SeriesMarkers.NONE);
    out.add(save(reward, new File(plots, "inspect_reward_over_time.png")));
    out.add(histogram(spark, "length distribution", "trajectory length (actions)", new File(plots, "inspect_lengths.png")));
    out.add(histogram(spark, "staleness distribution", "staleness on arrival (learner steps)", new File(plots, "inspect_staleness.png")));
    return out;
  }

  private static File histogram(SparkSession spark, String query, String xTitle, File f) throws IOException {
    List<Row> rows = spark.sql(InspectQueries.ALL.get(query)).collectAsList();
    List<String> xs = new ArrayList<>();
    List<Long> ys = new ArrayList<>();
    for (Row r : rows) {
      xs.add(String.valueOf(r.get(0)));
      ys.add(r.getLong(1));
    }
    CategoryChart c = new CategoryChartBuilder().width(800).height(500).title(query).xAxisTitle(xTitle)
        .yAxisTitle("trajectories").build();
    c.getStyler().setLegendVisible(false);
    c.addSeries("trajectories", xs, ys);
    return save(c, f);
  }

  private static File save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, File f) throws IOException {
    BitmapEncoder.saveBitmap(chart, f.getPath(), BitmapEncoder.BitmapFormat.PNG);
    return f;
  }
}
