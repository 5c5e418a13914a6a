package org.gfn.model.train;

import java.util.List;

/**
 * The one list of the metric names a training loop writes (metrics.jsonl, summary.json, sweep
 * rankings). Sources and discovery trackers add their own (staleness, top-K) next to these.
 */
public final class MetricNames {
  public static final String LEARNER_STEP = "learner_step";
  public static final String TRAJECTORIES = "trajectories";
  public static final String INSERTED = "inserted";
  public static final String WALL_S = "wall_s";
  public static final String LOSS = "loss";
  public static final String LOG_Z = "log_z";
  public static final String EXACT_SUM_L1 = "exact_sum_l1";
  public static final String EXACT_TV = "exact_tv";
  public static final String EXACT_JSD = "exact_jsd";
  public static final String LOG_Z_ERROR = "log_z_error";
  public static final String ROLLOUT_TRAJ_PER_S = "rollout_traj_per_s";
  public static final String LEARNER_STEPS_PER_S = "learner_steps_per_s";

  /** Metrics a sweep can rank trials by. */
  public static final List<String> RANKABLE = List.of(EXACT_SUM_L1, EXACT_TV, EXACT_JSD, LOG_Z_ERROR, LOSS);

  private MetricNames() {}
}
