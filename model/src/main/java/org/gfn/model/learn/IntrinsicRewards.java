package org.gfn.model.learn;

import java.io.Serializable;

/**
 * GAFlowNet's intrinsic rewards ({@code gfn.explore.intrinsic}): random network distillation with
 * a {@code hidden}-unit predictor onto a {@code latent}-dimensional random embedding, reward scale
 * {@code coefficient} · {@code decay}^step; {@code edge} adds them on every edge of a trajectory
 * (through the log F head, the paper's edge-based form), otherwise only at the terminal state.
 */
public record IntrinsicRewards(double coefficient, double decay, boolean edge, int hidden, int latent,
    double learningRate) implements Serializable {
  public IntrinsicRewards {
    if (!(coefficient > 0)) throw new IllegalArgumentException("intrinsic reward coefficient must be > 0, got " + coefficient);
    if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("intrinsic reward decay must be in (0, 1], got " + decay);
    if (hidden < 1 || latent < 1) throw new IllegalArgumentException("RND hidden and latent sizes must be >= 1");
    if (!(learningRate > 0)) throw new IllegalArgumentException("RND learning rate must be > 0, got " + learningRate);
  }
}
