package org.gfn.model.learn;

/**
 * What one learner step reports.
 *
 * @param step learner step count after this step
 * @param loss minibatch loss
 * @param logZ the objective's log Z estimate
 * @param gradNorm network gradient L2 norm before clipping
 * @param rows states evaluated
 */
public record StepMetrics(long step, double loss, double logZ, double gradNorm, int rows) {}
