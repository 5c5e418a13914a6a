package org.gfn.envs;

/**
 * An environment over a set of problem instances (a conditional, amortised GFlowNet): every state
 * belongs to one instance, which its first value names, and each instance has its own initial
 * state. Instances {@code 0 .. trainInstances() − 1} are trained on ({@link
 * Environment#initialState(java.util.SplittableRandom)} draws one uniformly per trajectory); the
 * next {@code testInstances()} are held out for evaluation. Each instance has its own partition
 * function, so objectives with one learned log Z (TB and its relatives) do not apply: train with
 * DB, FL-DB or SubTB, whose state flows are conditioned through the features.
 */
public interface InstanceConditioned {

  /** The instance a state belongs to. */
  int instanceOf(int[] s);

  /** The initial state of instance {@code k}. */
  int[] initialState(int k);

  int trainInstances();

  int testInstances();
}
