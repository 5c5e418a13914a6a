package org.gfn.spark.train;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gfn.model.cli.Cli;
import org.gfn.model.config.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job: distributed GFlowNet training. Executors roll out trajectories into the driver's
 * replay buffer while the DL4J learner on the driver trains and broadcasts snapshots. Runs on an
 * embedded local master by default, or under spark-submit on any cluster. Exit status 0 on
 * success, 2 for bad input (configuration, arguments, files), 1 for failures.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Distributed GFlowNet training: rollouts on Spark executors, the learner on the driver.")
public final class TrainJob implements Callable<Integer> {
  /** The command line, as picocli fills it. */
  public static final class Args {
    @Parameters(arity = "0..1", paramLabel = "CONF", description = "HOCON preset (not with --resume)")
    File conf;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "run directory (default runs/<time>-<objective>-<env>)")
    File out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting (gfn. prefix optional)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else gfn.spark.master)")
    String master;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue a stopped or killed run from its last checkpoint")
    File resume;

    @Option(names = "--overwrite", description = "replace an earlier run in RUN_DIR (default: refuse a used folder)")
    boolean overwrite;

    void check() {
      if (conf == null && resume == null) throw new SettingsException("no configuration file given (train --help shows the usage)");
      if (resume != null && out != null && !out.getAbsoluteFile().equals(resume.getAbsoluteFile())) {
        throw new SettingsException("--resume continues in RUN_DIR itself; drop --out");
      }
      if (resume != null && conf != null) throw new SettingsException("--resume uses the run's own config.conf; drop " + conf);
      if (resume != null && overwrite) throw new SettingsException("--overwrite starts a new run; it does not go with --resume");
    }
  }

  @picocli.CommandLine.Mixin
  final Args args = new Args();
  private final SparkSession session;
  private final PrintStream out;

  private TrainJob(SparkSession session, PrintStream out) {
    this.session = session;
    this.out = out;
  }

  public static void main(String[] args) {
    Cli.exit(run(args, null, System.out, System.err));
  }

  /** Runs the job; uses {@code session} when given (tests share one), else creates one. */
  public static int run(String[] args, SparkSession session, PrintStream out, PrintStream err) {
    return Cli.run(new TrainJob(session, out), args, out, err, List.of(SettingsException.class));
  }

  @Override
  public Integer call() throws Exception {
    args.check();
    Map<String, Object> summary = new TrainRun(args.conf, args.out, args.sets, args.master, args.resume, args.overwrite)
        .execute(session, out::println);
    if (Boolean.TRUE.equals(summary.get("already_complete"))) {
      out.println("nothing to do; outputs in " + summary.get("run_dir"));
      return 0;
    }
    if ("ebgfn".equals(summary.get("mode"))) {
      out.printf("done: EB-GFN, %s iterations, log-RMSE(J) %.3f (J = 0) -> %.3f%n", summary.get("iterations"),
          (double) summary.get("initial_log_rmse_j"), (double) summary.get("final_log_rmse_j"));
      out.println("outputs in " + summary.get("run_dir") + " (summary.json, metrics.jsonl)");
      return 0;
    }
    out.println("done: " + summary.get("trajectories_trained") + " trajectories, "
        + summary.get("learner_steps") + " learner steps"
        + (summary.containsKey("exact_sum_l1") ? ", exact sum-L1 " + summary.get("exact_sum_l1") : ""));
    out.println("outputs in " + summary.get("run_dir") + " (summary.json, metrics.jsonl, replay/, checkpoints/, plots/)");
    return 0;
  }
}
