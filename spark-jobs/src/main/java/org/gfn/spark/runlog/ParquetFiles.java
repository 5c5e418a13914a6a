package org.gfn.spark.runlog;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.gfn.replay.Trajectory;

/**
 * Writes replay-log rows straight from the driver into one Parquet file, with the schema of
 * docs/replay-schema.md (arrays in the standard three-level LIST layout, so Spark, pyarrow and
 * DuckDB read them as arrays). Driver-side on purpose: the run directory (checkpoints, metrics,
 * replay log) lives where the driver runs; a Spark write would put the files on executors' disks.
 */
final class ParquetFiles {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message trajectory {\n"
          + "  required binary run_id (STRING);\n"
          + "  required int64 trajectory_id;\n"
          + "  required int64 round;\n"
          + "  required int64 policy_version;\n"
          + "  required binary worker (STRING);\n"
          + "  required int32 partition;\n"
          + "  required int64 seed;\n"
          + "  required int32 state_size;\n"
          + "  required int32 length;\n"
          + "  required group states (LIST) { repeated group list { required int32 element; } }\n"
          + "  required group actions (LIST) { repeated group list { required int32 element; } }\n"
          + "  required group terminal (LIST) { repeated group list { required int32 element; } }\n"
          + "  required double log_reward;\n"
          + "  required double behaviour_log_prob;\n"
          + "  required int64 time_ms;\n"
          + "  required int64 learner_step;\n"
          + "  required binary origin (STRING);\n"
          + "  required double beta;\n"
          + "  required int32 instance;\n"
          + "}");

  /** One row of the log. */
  record Row(String runId, Trajectory t, long round, String worker, int partition, long timeMs,
      long learnerStep, int instance) {}

  private ParquetFiles() {}

  // parsed once: a Configuration reads Hadoop's default XML resources when first used
  private static final Configuration CONF = new Configuration();

  static void write(File file, List<Row> rows) throws IOException {
    try (ParquetWriter<Row> w = new Builder(new Path(file.toURI()))
        .withConf(CONF)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build()) {
      for (Row r : rows) w.write(r);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    Builder(Path path) {
      super(path);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport();
    }
  }
}
