package org.gfn.model.metrics;

/**
 * Exact distances between the sampler's terminal distribution p and the target π = R/Z.
 *
 * @param sumL1 Σ_x |p(x) − π(x)| (older papers report mean-L1 = sumL1/|X|)
 * @param tv total variation, sumL1/2
 * @param jsd Jensen–Shannon divergence in nats
 * @param logZError |log Z estimate − log Z*|
 */
public record ExactReport(double sumL1, double tv, double jsd, double logZError) {}
