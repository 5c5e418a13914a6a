package org.gfn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession every job uses: strict Kryo, one native thread per executor task, the Vector API on executors. */
public final class Sessions {
  private Sessions() {}

  /** The JDK Vector API for the executors' policy products (they fall back to scalar loops without it). */
  static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

  /** Settings every session needs, applied on top of whatever spark-submit passed. */
  public static SparkConf conf(SparkConf base) {
    String executorOptions = base.get("spark.executor.extraJavaOptions", "");
    if (!executorOptions.contains("jdk.incubator.vector")) {
      base.set("spark.executor.extraJavaOptions", (executorOptions + " " + VECTOR_MODULE).trim());
    }
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
   * configured embedded default. Local masters, and {@code spark://} masters on a loopback address,
   * talk over loopback; {@code driverHost} (when not empty) names the driver's address otherwise.
   * On a cluster master it waits up to {@code executorWaitSeconds} for an executor and fails with
   * one line naming the master when none comes (an unreachable master, no free workers).
   */
  public static SparkSession create(String argMaster, String configuredMaster, String driverHost,
      int executorWaitSeconds) {
    SparkConf c = conf(new SparkConf());
    if (argMaster != null) {
      c.setMaster(argMaster);
    } else if (!c.contains("spark.master")) {
      c.setMaster(configuredMaster);
    }
    String master = c.get("spark.master");
    if (master.startsWith("spark://")) ExecutorWait.probe(master, executorWaitSeconds);
    if (!driverHost.isEmpty()) c.setIfMissing("spark.driver.host", driverHost);
    if (master.startsWith("local") || onLoopback(master)) loopbackOnly(c);
    SparkSession session = SparkSession.builder().config(c).getOrCreate();
    if (!master.startsWith("local")) ExecutorWait.await(session, master, executorWaitSeconds);
    return session;
  }

  /** Whether a {@code spark://host:port[,host:port]} master is on this machine's loopback. */
  static boolean onLoopback(String master) {
    if (!master.startsWith("spark://")) return false;
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
      if (!(host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"))) return false;
    }
    return true;
  }

  /** The executor wait of jobs that read no settings (sweep, inspect), as gfn.spark.executor-wait-s. */
  public static final int DEFAULT_EXECUTOR_WAIT_S = 120;

  /** Work that needs a session. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(SparkSession session) throws Exception;
  }

  /**
   * Runs {@code work} on {@code given} (a session the caller owns, e.g. the tests' shared one), else
   * on the session this JVM already runs, else on a new session ({@link #create}) that is stopped
   * afterwards.
   */
  public static <T> T with(SparkSession given, String master, String fallback, String driverHost,
      int executorWaitSeconds, Work<T> work) throws Exception {
    // A session this JVM already runs (a notebook's, the tests') is used as given, never stopped.
    SparkSession existing = given != null ? given : SparkSession.getDefaultSession().getOrElse(() -> null);
    if (existing != null && existing.sparkContext().isStopped()) existing = null;
    SparkSession session = existing != null ? existing : create(master, fallback, driverHost, executorWaitSeconds);
    try {
      return work.apply(session);
    } finally {
      if (existing == null) session.stop();
    }
  }
}
