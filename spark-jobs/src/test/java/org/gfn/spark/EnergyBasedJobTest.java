package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.gfn.envs.IsingModel;
import org.gfn.model.config.Settings;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.spark.train.EnergyBasedJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's EB-GFN mode: Gibbs data from the executors, J learned on the driver, outputs. */
class EnergyBasedJobTest {
  @TempDir File dir;

  @Test
  void presetRunsThroughTheMainJobWithGibbsDataFromTheExecutors() throws Exception {
    File out = new File(dir, "eb");
    Runs.Outcome o = Runs.train(true, Runs.args("../conf/ebgfn-ising.conf", out, "env.ising.side=6",
        "ebgfn.data-samples=2000", "ebgfn.gibbs-burn-in=100", "ebgfn.gibbs-thin=2", "ebgfn.iterations=6",
        "ebgfn.report-every=3").toArray(new String[0]));
    assertEquals(0, o.rc(), o.err());
    Config s = Runs.summary(out);
    assertEquals("ebgfn", s.getString("mode"));
    assertEquals("gibbs", s.getString("data_source"));
    assertEquals(2000, s.getInt("data_samples"));
    assertEquals(48, s.getLong("learner_steps"));
    assertTrue(s.getDouble("final_log_rmse_j") < s.getDouble("initial_log_rmse_j"), s.root().render());
    List<String> rows = Files.readAllLines(new File(out, "metrics.jsonl").toPath());
    assertEquals(2, rows.size());
    assertEquals(6, ConfigFactory.parseString(rows.get(1)).getInt("iteration"));
    assertTrue(o.out().contains("log-RMSE(J)"), o.out());

    Runs.Outcome again = Runs.train(true, "--resume", out.getPath());
    assertEquals(2, again.rc());
    assertTrue(again.err().contains("cannot be resumed"), again.err());
  }

  @Test
  void executorChainsSampleTheBoltzmannDistribution() {
    Settings settings = Settings.load(ConfigFactory.parseString(
        "gfn.env { type = ising, ising { side = 4, sigma = 0.2 } }\n"
            + "gfn.ebgfn { enabled = true, data-samples = 3001, gibbs-burn-in = 200, gibbs-thin = 3 }"));
    List<int[]> data = EnergyBasedJob.gibbsOnExecutors(JavaSparkContext.fromSparkContext(SharedSpark.cluster().sparkContext()),
        settings, EnergyBasedSettings.read(settings));
    assertEquals(3001, data.size());
    IsingModel model = IsingModel.lattice(4, 0.2);
    double exact = model.exactMean(model::neighbourCorrelation);
    double sampled = data.stream().mapToDouble(model::neighbourCorrelation).average().orElseThrow();
    assertEquals(exact, sampled, 0.03, "nearest-neighbour correlation, exact vs executor Gibbs chains");
    long distinct = data.stream().map(java.util.Arrays::toString).distinct().count();
    assertTrue(distinct > 200, "chains mix: " + distinct + " distinct configurations");
    int chains = Math.min(SharedSpark.cluster().sparkContext().defaultParallelism(), 3001);
    assertTrue(chains > 1, "one chain per task");
    int k = 3001 / chains;
    boolean differ = false;
    for (int i = 0; i < 50; i++) differ |= !java.util.Arrays.equals(data.get(i), data.get(k + i));
    assertTrue(differ, "chains have their own seeds");
  }
}
