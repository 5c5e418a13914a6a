/**
 * Rollouts: the vectorised {@link org.gfn.model.rollout.RolloutSampler} (forward with exploration,
 * backward with P_B) and seed derivation. Depends on a policy evaluator, never on the learner.
 */
package org.gfn.model.rollout;
