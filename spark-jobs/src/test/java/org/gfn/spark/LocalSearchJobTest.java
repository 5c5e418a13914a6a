package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.File;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local search (LS-GFN) runs on the executors of a multi-JVM cluster and is logged as such. */
class LocalSearchJobTest {
  @TempDir File dir;

  @Test
  void executorsReviseTheirSamplesAndTheLogSaysWhichRowsAreRevisions() {
    File run = new File(dir, "ls");
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, run, "train.trajectories=3072",
        "spark.mode=sync", "spark.trajectories-per-task=128", "spark.plots=false",
        "explore.local-search.enabled=true", "explore.local-search.revisions=3",
        "explore.local-search.accept=metropolis").toArray(String[]::new));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(run);
    double acceptance = s.getDouble("local_search_acceptance");
    assertTrue(acceptance > 0 && acceptance < 1, "acceptance " + acceptance);
    Dataset<Row> log = Runs.replayLog(run);
    long sampled = log.filter("origin = 'sampled'").count();
    long revised = log.filter("origin = 'local_search'").count();
    assertEquals(3072, sampled + revised);
    assertEquals(3 * sampled, revised, "three revisions per sampled object");
    assertEquals(revised, s.getLong("local_search_proposals"));
    List<String> workers = log.filter("origin = 'local_search'").select("worker").distinct().as(Encoders.STRING()).collectAsList();
    assertTrue(workers.size() >= 2 && !workers.contains("driver"), "revised on the executors: " + workers);
  }

  @Test
  void tasksMustHoldWholeGroups() {
    Runs.Outcome o = Runs.train(true, Runs.args(DistributedTrainingTest.CONF, new File(dir, "bad"),
        "spark.trajectories-per-task=90", "explore.local-search.enabled=true", "explore.local-search.revisions=3")
        .toArray(String[]::new));
    assertEquals(2, o.rc(), o.out() + o.err());
    assertTrue(o.err().contains("gfn.spark.trajectories-per-task = 90 must be a multiple of 1 + "
        + "gfn.explore.local-search.revisions = 4"), o.err());
  }
}
