package org.gfn.model.config;

import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.LocalSearch;

/**
 * The loop's own settings.
 *
 * @param batchSize fresh trajectories sampled per learner step
 * @param replaySamples trajectories drawn from the replay buffer per step and trained on with the
 *     fresh ones (0: purely on-policy)
 * @param trajectories budget: stop once this many fresh trajectories have been sampled
 * @param evalEvery learner steps between evaluations
 * @param exploration behaviour policy of the rollouts
 * @param seed run seed; every rollout seed derives from (seed, step)
 * @param exactMetrics whether enumerable spaces get exact metrics at each evaluation
 * @param exactEvalMaxSeconds the estimated seconds of one exact evaluation above which a run is
 *     refused at start
 * @param localSearch local search on the sampled objects ({@link LocalSearch#OFF}: none); a batch
 *     then holds batchSize / (1 + revisions) sampled objects and their revisions
 * @param evidenceSamples trajectories per repeat of the final importance-sampled log Z estimate
 *     ({@code gfn.train.log-evidence}; 0: none)
 * @param evidenceRepeats its independent repeats
 */
public record TrainingConfig(int batchSize, int replaySamples, long trajectories, int evalEvery,
    Exploration exploration, long seed, boolean exactMetrics, double exactEvalMaxSeconds,
    LocalSearch localSearch, int evidenceSamples, int evidenceRepeats) {
  /** Without the final log-evidence estimate. */
  public TrainingConfig(int batchSize, int replaySamples, long trajectories, int evalEvery,
      Exploration exploration, long seed, boolean exactMetrics, double exactEvalMaxSeconds, LocalSearch localSearch) {
    this(batchSize, replaySamples, trajectories, evalEvery, exploration, seed, exactMetrics, exactEvalMaxSeconds,
        localSearch, 0, 1);
  }

  /** Without local search. */
  public TrainingConfig(int batchSize, int replaySamples, long trajectories, int evalEvery,
      Exploration exploration, long seed, boolean exactMetrics, double exactEvalMaxSeconds) {
    this(batchSize, replaySamples, trajectories, evalEvery, exploration, seed, exactMetrics, exactEvalMaxSeconds,
        LocalSearch.OFF);
  }

  public TrainingConfig {
    if (batchSize < 1) throw new IllegalArgumentException("train.batch-size must be >= 1, got " + batchSize);
    if (replaySamples < 0) throw new IllegalArgumentException("train.replay-samples must be >= 0, got " + replaySamples);
    if (trajectories < batchSize) throw new IllegalArgumentException("train.trajectories must be >= the batch size");
    if (evalEvery < 1) throw new IllegalArgumentException("train.eval-every must be >= 1, got " + evalEvery);
    if (batchSize % localSearch.groupSize() != 0) {
      throw new IllegalArgumentException("train.batch-size = " + batchSize + " must be a multiple of 1 + "
          + "explore.local-search.revisions = " + localSearch.groupSize() + " (each sample comes with its revisions)");
    }
  }
}
