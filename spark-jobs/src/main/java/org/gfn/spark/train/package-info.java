/**
 * Distributed training: {@link org.gfn.spark.train.TrainJob} (the command) and
 * {@link org.gfn.spark.train.TrainRun} (one run's wiring) around the model's training loop, with
 * {@link org.gfn.spark.train.SparkRollouts} as its rollout source (jobs in flight, versioned
 * broadcasts, staleness, failures), the executor function, checkpoints, and EB-GFN's job.
 */
package org.gfn.spark.train;
