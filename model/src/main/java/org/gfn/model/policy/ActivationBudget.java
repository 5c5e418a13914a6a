package org.gfn.model.policy;

import org.gfn.model.config.SettingsException;

/**
 * The heap a set or graph policy's learner step needs for its activations, checked before the
 * minibatch is encoded: the mixing blocks and heads keep double arrays of entity rows × width for
 * backprop (a GIN block 3, an attention block 7 and its heads × m² weights per state, the heads
 * about 4, the backward pass about 4 more at a time). The startup estimate
 * ({@link org.gfn.model.learn.MemoryEstimate}) cannot know how many entity rows a minibatch
 * holds: trajectory lengths come with the policy. A step that would take more than
 * {@value #SHARE} of the heap is refused with the keys to change, instead of an
 * OutOfMemoryError or minutes of garbage collection.
 */
final class ActivationBudget {
  static final double SHARE = 0.8;
  private static final double GB = 1e9;

  private ActivationBudget() {}

  /** Bytes of the activations of {@code batch} under {@code structure} at width {@code d}. */
  static double bytes(EntityStructure structure, int d, EntityBatch batch) {
    double rows = batch.entities();
    int layers = structure.mixLayers() * (structure.separateFlow() ? 2 : 1); // a separate flow trunk doubles them
    double perRow = structure.graph() ? 3.0 * layers : 7.0 * layers;
    double attention = 0;
    if (!structure.graph() && layers > 0) {
      for (int s = 0; s < batch.states(); s++) attention += (double) structure.heads() * batch.size(s) * batch.size(s);
      attention *= layers;
    }
    return 8.0 * (rows * d * (perRow + 8.0) + attention);
  }

  /** Refuses a minibatch whose activations would not fit in {@code heapBytes}. */
  static void check(EntityStructure structure, int d, EntityBatch batch, long heapBytes) {
    double need = bytes(structure, d, batch);
    if (need > SHARE * heapBytes) {
      throw new SettingsException(String.format(
          "the learner's minibatch does not fit this JVM: %,d states with %,d entity rows at width %d (gfn.policy.width)"
              + " through %d mixing blocks (gfn.policy.mix-layers%s) need about %.1f GB of activations, more than %.0f %% of"
              + " the %.1f GB heap; make the batch (gfn.train.batch-size, gfn.train.replay-samples) or the policy"
              + " smaller, or give the driver more memory (JAVA_OPTS=-Xmx..., spark.driver.memory)",
          batch.states(), batch.entities(), d, structure.mixLayers() * (structure.separateFlow() ? 2 : 1),
          structure.separateFlow() ? ", twice with gfn.policy.flow-trunk = separate" : "", need / GB, SHARE * 100,
          heapBytes / GB));
    }
  }
}
