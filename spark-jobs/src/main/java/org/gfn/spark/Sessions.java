package org.gfn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession every job uses: strict Kryo, one native thread per executor task. */
public final class Sessions {
  private Sessions() {}

  /** Settings every session needs, applied on top of whatever spark-submit passed. */
  public static SparkConf conf(SparkConf base) {
    return base
        .setIfMissing("spark.app.name", "gfn-train")
        .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .set("spark.kryo.registrator", KryoRegistrar.class.getName())
        .set("spark.kryo.registrationRequired", "true")
        .setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1")
        .setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1")
        .setIfMissing("spark.ui.showConsoleProgress", "false");
  }

  /** Embedded masters talk over loopback only, whatever the machine's hostname resolves to. */
  public static SparkConf loopbackOnly(SparkConf c) {
    return c.setIfMissing("spark.driver.host", "127.0.0.1")
        .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
        .setIfMissing("spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1");
  }

  /**
   * A session on {@code master}: the --master argument, else what spark-submit set, else the
   * configured embedded default.
   */
  public static SparkSession create(String argMaster, String configuredMaster) {
    SparkConf c = conf(new SparkConf());
    if (argMaster != null) {
      c.setMaster(argMaster);
    } else if (!c.contains("spark.master")) {
      c.setMaster(configuredMaster);
    }
    if (c.get("spark.master").startsWith("local")) loopbackOnly(c);
    return SparkSession.builder().config(c).getOrCreate();
  }

  /** Work that needs a session. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(SparkSession session) throws Exception;
  }

  /**
   * Runs {@code work} on {@code given} (a session the caller owns, e.g. the tests' shared one), or
   * on a new session on {@code master} (else {@code fallback}) that is stopped afterwards.
   */
  public static <T> T with(SparkSession given, String master, String fallback, Work<T> work) throws Exception {
    SparkSession session = given != null ? given : create(master, fallback);
    try {
      return work.apply(session);
    } finally {
      if (given == null) session.stop();
    }
  }
}
