package org.gfn.model.rollout;

import java.io.Serializable;

/**
 * How a behaviour policy departs from P_F: logits are divided by {@code temperature}, then with
 * probability {@code epsilon} the action is uniform over the legal ones:
 * π_b(a|s) = (1 − ε)·softmax(logits/T)_a + ε/|legal|.
 */
public record Exploration(double epsilon, double temperature) implements Serializable {
  public static final Exploration ON_POLICY = new Exploration(0, 1);

  public Exploration {
    if (epsilon < 0 || epsilon > 1) throw new IllegalArgumentException("exploration epsilon must be in [0, 1], got " + epsilon);
    if (!(temperature > 0)) throw new IllegalArgumentException("exploration temperature must be > 0, got " + temperature);
  }
}
