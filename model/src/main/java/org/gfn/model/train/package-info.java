/**
 * The Spark-free training loop ({@link org.gfn.model.train.LocalTrainer}), the settings it reads
 * from HOCON, and the one factory that turns settings into environment, policy, objective, replay
 * and learner, shared by the Spark job and the tests.
 */
package org.gfn.model.train;
