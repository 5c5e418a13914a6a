/**
 * The one training loop ({@link org.gfn.model.train.TrainingLoop}) with its metrics record
 * ({@link org.gfn.model.train.RunStats}, {@link org.gfn.model.train.MetricNames},
 * {@link org.gfn.model.train.Evaluation}), the in-process rollout source and the Spark-free
 * trainer built on it, and {@link org.gfn.model.train.Components}, the one factory that turns
 * settings into task, policy, objective, replay and learner on the driver.
 */
package org.gfn.model.train;
