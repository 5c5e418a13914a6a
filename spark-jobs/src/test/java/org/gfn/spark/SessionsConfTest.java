package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The settings every session gets: executors start with the Vector API module, user options kept. */
class SessionsConfTest {

  @Test
  void executorsGetTheVectorModuleOnceAndKeepTheUsersOptions() {
    SparkConf plain = Sessions.conf(new SparkConf(false));
    assertEquals(Sessions.VECTOR_MODULE, plain.get("spark.executor.extraJavaOptions"));
    SparkConf user = Sessions.conf(new SparkConf(false).set("spark.executor.extraJavaOptions", "-Xss4m"));
    assertEquals("-Xss4m " + Sessions.VECTOR_MODULE, user.get("spark.executor.extraJavaOptions"));
    SparkConf again = Sessions.conf(Sessions.conf(new SparkConf(false)));
    assertEquals(Sessions.VECTOR_MODULE, again.get("spark.executor.extraJavaOptions"), "not added twice");
  }
}
