package org.gfn.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Waits for a cluster's first executor before any job or broadcast is made: a driver whose master
 * is unreachable otherwise blocks forever in its first broadcast after Spark gives up on the
 * master ("All masters are unresponsive!"), and one on a full cluster waits silently.
 */
final class ExecutorWait {
  private ExecutorWait() {}

  /**
   * Fails at once when no master of a {@code spark://host:port[,host:port]} URL accepts a TCP
   * connection: Spark itself would retry for about a minute and then leave the driver hanging.
   */
  static void probe(String master, int seconds) {
    List<String> refused = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), (int) Math.min(10_000, seconds * 1000L));
        return;
      } catch (IOException e) {
        refused.add(hostPort + " (" + e.getMessage() + ")");
      }
    }
    throw new IllegalStateException("cannot reach the Spark master " + master + ": " + String.join(", ", refused)
        + "; check that the master is running at that address (deploy/standalone-start.sh starts one)"
        + " and reachable from this machine");
  }

  /** Returns once an executor has registered; throws (and stops the session) otherwise. */
  static void await(SparkSession session, String master, int seconds) {
    SparkContext sc = session.sparkContext();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!sc.isStopped() && System.nanoTime() < deadline) {
      if (sc.statusTracker().getExecutorInfos().length > 1) return; // the driver counts as one
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    boolean stopped = sc.isStopped();
    session.stop();
    throw new IllegalStateException(stopped
        ? "cannot reach the Spark master " + master + ": Spark gave up registering with it; check that the master is"
            + " running at that address (deploy/standalone-start.sh starts one) and reachable from this machine"
        : "no executor registered with the Spark master " + master + " within " + seconds + " s"
            + " (gfn.spark.executor-wait-s): check that the master is running and has workers with free cores and"
            + " memory for spark.executor.cores / spark.executor.memory");
  }
}
