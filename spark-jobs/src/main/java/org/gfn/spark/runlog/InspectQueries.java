package org.gfn.spark.runlog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL that {@code inspect} runs over the {@code replay} view; notebooks/inspect_replay.ipynb
 * holds the same queries (a test runs every query of the notebook).
 */
public final class InspectQueries {
  private InspectQueries() {}

  public static final Map<String, String> ALL = new LinkedHashMap<>();

  /** Runs in the log and trajectory ids logged more than once: both 1 and 0 in a sound log. */
  public static final String CONSISTENCY = """
      SELECT COUNT(DISTINCT run_id) AS runs, COUNT(*) - COUNT(DISTINCT trajectory_id) AS duplicate_ids
      FROM replay""";

  static {
    ALL.put("trajectories per policy version", """
        SELECT policy_version, COUNT(*) AS trajectories, AVG(log_reward) AS mean_log_reward
        FROM replay GROUP BY policy_version ORDER BY policy_version""");
    ALL.put("trajectories per executor", """
        SELECT worker, COUNT(*) AS trajectories, COUNT(DISTINCT round) AS rounds
        FROM replay GROUP BY worker ORDER BY trajectories DESC""");
    ALL.put("staleness on arrival (learner steps)", """
        SELECT AVG(staleness) AS mean_staleness,
               percentile_approx(staleness, array(0.0, 0.5, 0.9, 0.99, 1.0)) AS staleness_q0_q50_q90_q99_q100
        FROM replay""");
    ALL.put("log-reward quantiles", """
        SELECT percentile_approx(log_reward, array(0.0, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0))
                 AS log_reward_q0_q25_q50_q75_q90_q99_q100,
               AVG(EXP(log_reward)) AS mean_reward
        FROM replay""");
    ALL.put("top objects", """
        SELECT terminal, MAX(log_reward) AS log_reward, COUNT(*) AS times_sampled
        FROM replay GROUP BY terminal ORDER BY log_reward DESC, times_sampled DESC LIMIT 10""");
    ALL.put("length distribution", """
        SELECT length, COUNT(*) AS trajectories FROM replay GROUP BY length ORDER BY length""");
    ALL.put("reward over time", """
        SELECT round, AVG(log_reward) AS mean_log_reward, MAX(log_reward) AS max_log_reward,
               COUNT(*) AS trajectories
        FROM replay GROUP BY round ORDER BY round""");
    ALL.put("staleness distribution", """
        SELECT staleness, COUNT(*) AS trajectories FROM replay GROUP BY staleness ORDER BY staleness""");
    ALL.put("sampled and local-search trajectories", """
        SELECT origin, COUNT(*) AS trajectories, AVG(log_reward) AS mean_log_reward, MAX(log_reward) AS max_log_reward
        FROM replay GROUP BY origin ORDER BY origin""");
    ALL.put("trajectories per inverse temperature", """
        SELECT ROUND(beta, 1) AS beta, COUNT(*) AS trajectories, AVG(log_reward) AS mean_log_reward, MAX(log_reward) AS max_log_reward
        FROM replay GROUP BY ROUND(beta, 1) ORDER BY beta""");
    ALL.put("trajectories per problem instance", """
        SELECT instance, COUNT(*) AS trajectories, COUNT(DISTINCT worker) AS workers, AVG(log_reward) AS mean_log_reward,
               MAX(log_reward) AS max_log_reward
        FROM replay GROUP BY instance ORDER BY instance""");
  }
}
