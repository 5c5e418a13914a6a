/**
 * The policy: its {@link org.gfn.model.policy.PolicyArchitecture}, the networks the learner
 * trains through {@link org.gfn.model.policy.PolicyModel} (the MLP
 * {@link org.gfn.model.policy.Nd4jMlp}, which reproduces the DL4J reference
 * {@link org.gfn.model.policy.PolicyNetwork}, or the set / graph
 * {@link org.gfn.model.policy.StructuredNetwork} over an environment's entities), and the
 * immutable {@link org.gfn.model.policy.PolicySnapshot} that rollouts evaluate in plain Java.
 *
 * <p>Why plain Java for rollouts: ND4J costs about 10 µs per op (DESIGN.md), and a rollout step
 * evaluates a few dozen rows; the plain-Java MLP is measured against batched ND4J in
 * docs/benchmarks.md and proven equal to the DL4J network to 1e-5 by a test.
 */
package org.gfn.model.policy;
