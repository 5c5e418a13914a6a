package org.gfn.spark.runlog;

import java.io.File;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reading a run's replay log from Java or Scala (notebooks, jobs): the columns of
 * docs/replay-schema.md plus {@code staleness} = learner_step − policy_version, as a Dataset and as
 * the temporary view {@code replay}. Logs from before the {@code origin}, {@code beta} and
 * {@code instance} columns read as {@code origin = sampled}, {@code beta = 1}, {@code instance = −1}.
 *
 * <pre>{@code
 * Dataset<Row> log = ReplayLog.open(spark, "runs/my-run");
 * spark.sql("select worker, count(*) from replay group by worker").show();
 * }</pre>
 */
public final class ReplayLog {
  /** Name of the temporary view {@link #open} registers. */
  public static final String VIEW = "replay";

  private ReplayLog() {}

  public static Dataset<Row> open(SparkSession spark, String runDir) {
    return open(spark, new File(runDir));
  }

  /**
   * @throws IllegalArgumentException when the folder holds no replay log
   */
  public static Dataset<Row> open(SparkSession spark, File runDir) {
    File dir = new File(runDir, "replay");
    String[] files = dir.list((d, n) -> n.endsWith(".parquet") && !n.startsWith("."));
    if (files == null || files.length == 0) {
      throw new IllegalArgumentException(runDir + " has no replay log (expected " + dir + "/*.parquet)");
    }
    Dataset<Row> log = spark.read().option("mergeSchema", "true").parquet(dir.getPath())
        .withColumn("staleness", functions.col("learner_step").minus(functions.col("policy_version")));
    // Logs written before these columns existed hold sampled, unconditioned trajectories only.
    log = withDefault(log, "origin", functions.lit("sampled"));
    log = withDefault(log, "beta", functions.lit(1.0));
    log = withDefault(log, "instance", functions.lit(-1));
    log.createOrReplaceTempView(VIEW);
    return log;
  }

  private static Dataset<Row> withDefault(Dataset<Row> log, String column, org.apache.spark.sql.Column value) {
    return List.of(log.columns()).contains(column)
        ? log.withColumn(column, functions.coalesce(functions.col(column), value))
        : log.withColumn(column, value);
  }
}
