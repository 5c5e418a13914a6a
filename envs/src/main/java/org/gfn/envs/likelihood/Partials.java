package org.gfn.envs.likelihood;

/**
 * The conditional likelihoods of one subtree: for every site pattern p and state s,
 * L(p, s) = exp(logScale[p]) · values[4p + s], the probability of the subtree's leaf data given
 * state s at its root. Each pattern's values are rescaled so their largest is 1, so deep trees
 * and short branches never underflow. Immutable by convention.
 */
public record Partials(double[] values, double[] logScale) {

  public int patterns() {
    return logScale.length;
  }
}
