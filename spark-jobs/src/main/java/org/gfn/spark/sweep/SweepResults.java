package org.gfn.spark.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.gfn.spark.Json;
import org.gfn.spark.runlog.RunDirectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A sweep's files: one {@code trials/<id>.json} per finished trial (written as soon as it ends,
 * which is what lets a restarted sweep skip it), then the ranked {@code results.csv},
 * {@code results.parquet} and {@code summary.png} (metric by parameter). Columns in
 * docs/replay-schema.md.
 */
final class SweepResults {
  private final File dir;

  SweepResults(File dir) {
    this.dir = dir;
  }

  File trialsDir() {
    return new File(dir, "trials");
  }

  void save(TrialResult r) {
    File trials = trialsDir();
    if (!trials.isDirectory() && !trials.mkdirs()) throw new IllegalStateException("cannot create " + trials);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trial_id", r.id());
    m.put("status", r.status());
    m.put("attempts", r.attempts());
    m.put("seed", r.seed());
    m.put("final_metric", r.finalMetric());
    m.put("best_metric", r.bestMetric());
    m.put("steps", r.steps());
    m.put("trajectories", r.trajectories());
    m.put("time_s", r.seconds());
    m.put("error", r.error());
    m.put("params", r.params());
    RunDirectory.writeAtomically(new File(trialsDir(), r.id() + ".json"), Json.object(m) + "\n");
  }

  /** Results saved by earlier runs of this sweep, by trial id. */
  Map<String, TrialResult> load() {
    Map<String, TrialResult> out = new LinkedHashMap<>();
    File[] fs = trialsDir().listFiles((d, n) -> n.endsWith(".json"));
    if (fs == null) return out;
    for (File f : fs) {
      Config c = ConfigFactory.parseFile(f);
      Map<String, String> params = new LinkedHashMap<>();
      for (var e : c.getObject("params").entrySet()) params.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
      out.put(c.getString("trial_id"), new TrialResult(c.getString("trial_id"), params, c.getLong("seed"),
          c.getString("status"), c.getInt("attempts"), num(c, "final_metric"), num(c, "best_metric"),
          c.getLong("steps"), c.getLong("trajectories"), c.getDouble("time_s"), c.getString("error")));
    }
    return out;
  }

  private static double num(Config c, String k) {
    return c.getIsNull(k) ? Double.NaN : c.getDouble(k);
  }

  /** Trials ranked: successful ones by metric (best first), then failed ones. */
  static List<TrialResult> ranked(List<TrialResult> results, boolean minimise) {
    List<TrialResult> out = new ArrayList<>(results);
    Comparator<TrialResult> byMetric = Comparator.comparingDouble(TrialResult::finalMetric);
    if (!minimise) byMetric = byMetric.reversed();
    out.sort(Comparator.comparing((TrialResult r) -> !r.ok()).thenComparing(byMetric));
    return out;
  }

  void writeTables(List<TrialResult> ranked, List<String> axes, String metric) throws IOException {
    StringBuilder csv = new StringBuilder("rank,trial_id,status,attempts");
    for (String a : axes) csv.append(',').append(csvCell(a));
    csv.append(",seed,metric,final_metric,best_metric,steps,trajectories,time_s,error\n");
    int rank = 0;
    for (TrialResult r : ranked) {
      csv.append(r.ok() ? ++rank : 0).append(',').append(r.id()).append(',').append(r.status()).append(',').append(r.attempts());
      for (String a : axes) csv.append(',').append(csvCell(r.params().getOrDefault(a, "")));
      csv.append(',').append(r.seed()).append(',').append(metric).append(',').append(fmt(r.finalMetric())).append(',')
          .append(fmt(r.bestMetric())).append(',').append(r.steps()).append(',').append(r.trajectories()).append(',')
          .append(fmt(r.seconds())).append(',').append(csvCell(r.error())).append('\n');
    }
    RunDirectory.writeAtomically(new File(dir, "results.csv"), csv.toString());
    writeParquet(ranked, axes, metric);
  }

  private void writeParquet(List<TrialResult> ranked, List<String> axes, String metric) throws IOException {
    StringBuilder schema = new StringBuilder("message trial {\n required int32 rank;\n required binary trial_id (STRING);\n"
        + " required binary status (STRING);\n required int32 attempts;\n");
    List<String> cols = new ArrayList<>();
    for (String a : axes) {
      String col = "param_" + a.replaceAll("[^A-Za-z0-9]+", "_");
      cols.add(col);
      schema.append(" required binary ").append(col).append(" (STRING);\n");
    }
    schema.append(" required int64 seed;\n required binary metric (STRING);\n optional double final_metric;\n"
        + " optional double best_metric;\n required int64 steps;\n required int64 trajectories;\n"
        + " required double time_s;\n required binary error (STRING);\n}");
    MessageType type = MessageTypeParser.parseMessageType(schema.toString());
    File target = new File(dir, "results.parquet");
    File tmp = new File(dir, ".results.parquet.inprogress");
    Files.deleteIfExists(tmp.toPath());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new Path(tmp.toURI())).withConf(new Configuration())
        .withType(type).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      int rank = 0;
      for (TrialResult r : ranked) {
        Group g = groups.newGroup().append("rank", r.ok() ? ++rank : 0).append("trial_id", r.id())
            .append("status", r.status()).append("attempts", r.attempts());
        for (int i = 0; i < axes.size(); i++) g.append(cols.get(i), r.params().getOrDefault(axes.get(i), ""));
        g.append("seed", r.seed()).append("metric", metric);
        if (!Double.isNaN(r.finalMetric())) g.append("final_metric", r.finalMetric());
        if (!Double.isNaN(r.bestMetric())) g.append("best_metric", r.bestMetric());
        g.append("steps", r.steps()).append("trajectories", r.trajectories()).append("time_s", r.seconds())
            .append("error", r.error());
        w.write(g);
      }
    }
    Files.deleteIfExists(new File(dir, "..results.parquet.inprogress.crc").toPath());
    Files.move(tmp.toPath(), target.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** One scatter per axis: the metric of every successful trial against the axis' value. */
  File writeSummaryPlot(List<TrialResult> results, List<String> axes, String metric) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Chart<?, ?>> charts = new ArrayList<>();
    for (String axis : axes) {
      List<String> values = results.stream().filter(TrialResult::ok).map(r -> r.params().get(axis)).distinct().sorted().toList();
      boolean numeric = values.stream().allMatch(v -> v.matches("-?[0-9.eE+-]+"));
      XYChart c = new XYChartBuilder().width(500).height(350).title(metric + " by " + axis)
          .xAxisTitle(numeric ? axis : axis + " (index: " + String.join(", ", values) + ")").yAxisTitle(metric).build();
      c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      c.getStyler().setLegendVisible(false);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (TrialResult r : results) {
        if (!r.ok()) continue;
        String v = r.params().get(axis);
        xs.add(numeric ? Double.parseDouble(v) : values.indexOf(v));
        ys.add(r.finalMetric());
      }
      if (xs.isEmpty()) continue;
      if (numeric && xs.stream().allMatch(x -> x > 0) && xs.stream().mapToDouble(x -> x).max().getAsDouble()
          / xs.stream().mapToDouble(x -> x).min().getAsDouble() > 20) {
        c.getStyler().setXAxisLogarithmic(true);
      }
      c.addSeries(axis, xs, ys);
      charts.add(c);
    }
    if (charts.isEmpty()) return null;
    File f = new File(dir, "summary.png");
    int cols = charts.size() % 2 == 0 ? 2 : 1; // XChart fills every cell of the grid: no empty one
    BitmapEncoder.saveBitmap(charts, (charts.size() + cols - 1) / cols, cols, f.getPath(), BitmapEncoder.BitmapFormat.PNG);
    return f;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
