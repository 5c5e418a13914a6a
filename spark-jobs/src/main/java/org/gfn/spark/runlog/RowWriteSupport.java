package org.gfn.spark.runlog;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.gfn.replay.Trajectory;

/**
 * Writes replay-log rows straight into Parquet's record consumer, field by field in the order of
 * {@link ParquetFiles#SCHEMA}: no intermediate group objects per row and array element (Parquet's
 * example {@code Group} API cost most of the log writer's time).
 */
final class RowWriteSupport extends WriteSupport<ParquetFiles.Row> {
  private RecordConsumer out;

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(ParquetFiles.SCHEMA, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(ParquetFiles.Row r) {
    Trajectory t = r.t();
    out.startMessage();
    string(0, "run_id", r.runId());
    int64(1, "trajectory_id", t.id());
    int64(2, "round", r.round());
    int64(3, "policy_version", t.policyVersion());
    string(4, "worker", r.worker());
    int32(5, "partition", r.partition());
    int64(6, "seed", t.seed());
    int32(7, "state_size", t.stateSize());
    int32(8, "length", t.length());
    list(9, "states", t.statesView());
    list(10, "actions", t.actionsView());
    list(11, "terminal", t.terminal());
    float64(12, "log_reward", t.logReward());
    float64(13, "behaviour_log_prob", t.behaviourLogProb());
    int64(14, "time_ms", r.timeMs());
    int64(15, "learner_step", r.learnerStep());
    string(16, "origin", t.origin().label());
    float64(17, "beta", t.beta());
    int32(18, "instance", r.instance());
    out.endMessage();
  }

  private void string(int i, String name, String v) {
    out.startField(name, i);
    out.addBinary(Binary.fromString(v));
    out.endField(name, i);
  }

  private void int64(int i, String name, long v) {
    out.startField(name, i);
    out.addLong(v);
    out.endField(name, i);
  }

  private void int32(int i, String name, int v) {
    out.startField(name, i);
    out.addInteger(v);
    out.endField(name, i);
  }

  private void float64(int i, String name, double v) {
    out.startField(name, i);
    out.addDouble(v);
    out.endField(name, i);
  }

  /** The standard three-level LIST: group { repeated group list { required int32 element } }. */
  private void list(int i, String name, int[] values) {
    out.startField(name, i);
    out.startGroup();
    if (values.length > 0) {
      out.startField("list", 0);
      for (int v : values) {
        out.startGroup();
        out.startField("element", 0);
        out.addInteger(v);
        out.endField("element", 0);
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
    out.endField(name, i);
  }
}
