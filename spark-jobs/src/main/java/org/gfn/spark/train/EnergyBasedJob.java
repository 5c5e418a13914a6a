package org.gfn.spark.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gfn.envs.GibbsSampler;
import org.gfn.envs.IsingModel;
import org.gfn.model.config.Settings;
import org.gfn.model.ebgfn.EnergyBasedRun;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.model.learn.Backend;
import org.gfn.model.rollout.Seeds;
import org.gfn.spark.Sessions;
import org.gfn.spark.SparkSettings;
import org.gfn.spark.runlog.RunDirectory;

/**
 * The main job's EB-GFN mode ({@code gfn.ebgfn.enabled = true}): the ground-truth data of lattices
 * too large to enumerate comes from independent Gibbs chains run on the executors (one per task,
 * each with its own burn-in); J and the GFlowNet then train on the driver
 * ({@link EnergyBasedRun}). Writes {@code metrics.jsonl} (one row per report: iteration,
 * learner_step, loss, log_z, rmse_j, log_rmse_j) and {@code summary.json} into the run directory.
 * EB-GFN runs write no checkpoints and cannot be resumed.
 */
public final class EnergyBasedJob {
  private EnergyBasedJob() {}

  /** Runs EB-GFN into an unused run directory; {@code given} is a shared session or null. */
  static Map<String, Object> run(RunDirectory run, Settings settings, SparkSettings spark, EnergyBasedSettings eb,
      SparkSession given, String master, Consumer<String> progress) throws Exception {
    run.create();
    run.writeConfig(settings.config());
    return Sessions.with(given, master, spark.master(), spark.driverHost(), spark.executorWaitSeconds(), session -> {
      progress.accept(Backend.describe());
      Map<String, Object> summary = execute(settings, eb, run,
          JavaSparkContext.fromSparkContext(session.sparkContext()), progress);
      summary.put("run_dir", run.root.getPath());
      run.writeSummary(summary);
      return summary;
    });
  }

  private static Map<String, Object> execute(Settings settings, EnergyBasedSettings eb, RunDirectory run,
      JavaSparkContext jsc, Consumer<String> progress) {
    IsingModel truth = EnergyBasedRun.truth(settings);
    boolean exact = EnergyBasedSettings.exact(truth.sites());
    long t0 = System.nanoTime();
    List<int[]> data = exact ? EnergyBasedRun.localData(settings, eb) : gibbsOnExecutors(jsc, settings, eb);
    double dataSeconds = (System.nanoTime() - t0) / 1e9;
    progress.accept(String.format("EB-GFN: %d %s ground-truth samples of the %dx%d lattice (sigma %s) in %.1fs",
        data.size(), exact ? "exact" : "Gibbs (executors)", settings.env().isingSide(), settings.env().isingSide(),
        settings.env().isingSigma(), dataSeconds));
    EnergyBasedRun.Result r = EnergyBasedRun.run(settings, eb, data, row -> {
      run.appendMetrics(row.toMap());
      progress.accept(row.progressLine());
    });
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("mode", "ebgfn");
    s.put("environment", "ising " + settings.env().isingSide() + "x" + settings.env().isingSide()
        + " sigma " + settings.env().isingSigma());
    s.put("data_samples", (long) data.size());
    s.put("data_source", exact ? "exact" : "gibbs");
    s.put("data_s", dataSeconds);
    s.put("iterations", (long) eb.iterations());
    EnergyBasedRun.Row last = r.rows().get(r.rows().size() - 1);
    s.put("learner_steps", last.learnerStep());
    s.put("wall_s", (System.nanoTime() - t0) / 1e9);
    s.put("initial_log_rmse_j", Math.log(r.initialRmse()));
    s.put("final_log_rmse_j", Math.log(r.finalRmse()));
    return s;
  }

  /** One Gibbs chain per task (the cluster's default parallelism), samples split evenly. */
  public static List<int[]> gibbsOnExecutors(JavaSparkContext jsc, Settings settings, EnergyBasedSettings eb) {
    int chains = Math.max(1, Math.min(jsc.defaultParallelism(), eb.dataSamples()));
    List<Integer> ids = new ArrayList<>(chains);
    for (int c = 0; c < chains; c++) ids.add(c);
    int side = settings.env().isingSide();
    double sigma = settings.env().isingSigma();
    int burnIn = eb.gibbsBurnIn();
    int thin = eb.gibbsThin();
    int total = eb.dataSamples();
    long seed = Seeds.derive(settings.seed(), 0xDA7A);
    List<int[]> flat = jsc.parallelize(ids, chains).map(c -> {
      int count = total / chains + (c < total % chains ? 1 : 0);
      List<int[]> xs = GibbsSampler.samples(IsingModel.lattice(side, sigma), burnIn, thin, count, Seeds.derive(seed, c));
      int n = side * side;
      int[] out = new int[xs.size() * n];
      for (int i = 0; i < xs.size(); i++) System.arraycopy(xs.get(i), 0, out, i * n, n);
      return out;
    }).collect();
    int n = side * side;
    List<int[]> data = new ArrayList<>(total);
    for (int[] f : flat) {
      for (int i = 0; i + n <= f.length; i += n) data.add(java.util.Arrays.copyOfRange(f, i, i + n));
    }
    return data;
  }
}
