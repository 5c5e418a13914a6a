package org.gfn.model.learn;

import org.bytedeco.javacpp.Pointer;
import org.gfn.model.config.SettingsException;
import org.gfn.model.policy.PolicyArchitecture;

/**
 * The learner's memory, estimated from the settings before anything is allocated, so that a
 * policy too large for this JVM is refused with the keys to change instead of the kernel killing
 * the process. Off-heap (ND4J): parameters, gradients and Adam's two moments (4 copies), and the
 * activations of a minibatch kept for backprop (about 3 per hidden unit and row). On the heap:
 * the float[] snapshots a run holds at once (learner copy, EMA, broadcast and evaluation: 4). Set
 * and graph policies keep per-entity activations on the heap, which depend on the trajectories a
 * minibatch holds: {@code ActivationBudget} checks those at every learner step.
 */
public final class MemoryEstimate {
  private static final double GB = 1e9;

  private MemoryEstimate() {}

  /** Parameters of {@code arch}, counted without int overflow. */
  public static long parameters(PolicyArchitecture arch) {
    if (arch.structured()) return arch.paramCount();
    long n = 0;
    for (int[] h : arch.heads()) {
      long w = arch.width();
      n += arch.featureSize() * w + w + (arch.hiddenLayers() - 1) * (w * w + w) + w * h[1] + h[1];
    }
    return n;
  }

  /**
   * Refuses {@code arch} when its estimated memory exceeds what ND4J may allocate off the heap
   * ({@code org.bytedeco.javacpp.maxbytes}, by default the heap size) or the heap itself.
   *
   * @param rowsPerStep states evaluated per learner step (minibatch trajectories × their length)
   */
  public static void check(PolicyArchitecture arch, long rowsPerStep) {
    long params = parameters(arch);
    double offHeap = 4.0 * (4.0 * params + 3.0 * rowsPerStep * arch.width() * arch.hiddenLayers() * arch.heads().length);
    double onHeap = 4.0 * 4.0 * params;
    double offLimit = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
    double heapLimit = Runtime.getRuntime().maxMemory();
    if (params > Integer.MAX_VALUE || offHeap > offLimit || onHeap > heapLimit) {
      throw new SettingsException(String.format(
          "the policy does not fit this JVM: %,d parameters (gfn.policy.width = %d, gfn.policy.hidden-layers = %d)"
              + " and %,d states per step (gfn.train.batch-size, gfn.train.replay-samples) need about %.1f GB off the"
              + " heap (limit %.1f GB) and %.1f GB on it (limit %.1f GB); make the policy or the batch smaller, or"
              + " give the JVM more memory (JAVA_OPTS=-Xmx..., spark.driver.memory)",
          params, arch.width(), arch.hiddenLayers(), rowsPerStep, offHeap / GB, offLimit / GB, onHeap / GB,
          heapLimit / GB));
    }
  }
}
