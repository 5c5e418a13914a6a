/**
 * Environments and rewards: the {@link org.gfn.envs.Environment} contract (int[] states and
 * actions, forward/backward masks and steps, an injected {@link org.gfn.envs.LogReward}, feature
 * encoding), the environments themselves, and {@link org.gfn.envs.StateSpace} for exact
 * enumeration. Pure Java: no Spark, no DL4J.
 */
package org.gfn.envs;
