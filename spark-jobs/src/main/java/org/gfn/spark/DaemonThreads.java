package org.gfn.spark;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The driver's background writers: one named daemon thread each, working in submission order. */
public final class DaemonThreads {
  private DaemonThreads() {}

  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
