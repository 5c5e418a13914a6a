package org.gfn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One real multi-JVM cluster for all Spark tests of this JVM: {@code local-cluster[2,1,1024]}
 * (two executor JVMs, one core each) with the test classpath, as DESIGN.md describes. Starting
 * executors takes about 10 s, so the session is created once and shared.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession cluster() {
    if (session == null) {
      SparkConf conf = Sessions.conf(new SparkConf())
          .setMaster("local-cluster[2,1,1024]")
          .setAppName("gfn-tests")
          .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
          .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
          .set("spark.executorEnv.SPARK_TESTING", "1")
          .set("spark.ui.enabled", "false")
          .set("spark.sql.shuffle.partitions", "2");
      session = SparkSession.builder().config(Sessions.loopbackOnly(conf)).getOrCreate();
    }
    return session;
  }
}
