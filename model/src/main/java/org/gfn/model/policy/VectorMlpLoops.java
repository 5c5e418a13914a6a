package org.gfn.model.policy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MlpLoops}' ReLU and Adam loops with the JDK Vector API: the ReLU derivative as a masked
 * blend (as a scalar loop it is a branch taken about half the time, unpredictably), Adam a machine
 * vector of parameters at a time. The same float operations in the same order as the scalar loops
 * (no fused multiply-adds), so both give the same bits. Only loaded when {@link Dense#vectorised}
 * found the module.
 */
final class VectorMlpLoops {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = F.length();

  private VectorMlpLoops() {}

  /** One row of ReLU: a[ao + j] = max(y[yo + j], 0) for j < n. */
  static void relu(float[] y, int yo, int n, float[] a, int ao) {
    int j = 0;
    for (; j + LANES <= n; j += LANES) FloatVector.fromArray(F, y, yo + j).max(0f).intoArray(a, ao + j);
    MlpLoops.scalarRelu(y, yo, n, a, ao, j);
  }

  /** One row of ReLU's derivative: out[oo + j] = a[io + j] > 0 ? e[io + j] : 0 for j < n. */
  static void reluSlope(float[] e, float[] a, int io, int n, float[] out, int oo) {
    int j = 0;
    FloatVector zero = FloatVector.zero(F);
    for (; j + LANES <= n; j += LANES) {
      FloatVector av = FloatVector.fromArray(F, a, io + j);
      zero.blend(FloatVector.fromArray(F, e, io + j), av.compare(VectorOperators.GT, 0f)).intoArray(out, oo + j);
    }
    MlpLoops.scalarReluSlope(e, a, io, n, out, oo, j);
  }

  /** Adam over all parameters, as {@link MlpLoops#adam} computes it. */
  static void adam(float[] p, float[] g, float[] m, float[] v, float beta1, float beta2, float eps, float step) {
    int n = p.length;
    int i = 0;
    for (; i + LANES <= n; i += LANES) {
      FloatVector gi = FloatVector.fromArray(F, g, i);
      FloatVector mi = FloatVector.fromArray(F, m, i).mul(beta1).add(gi.mul(1 - beta1));
      FloatVector vi = FloatVector.fromArray(F, v, i).mul(beta2).add(gi.mul(gi).mul(1 - beta2));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      FloatVector.fromArray(F, p, i).sub(mi.mul(step).div(vi.sqrt().add(eps))).intoArray(p, i);
    }
    MlpLoops.scalarAdam(p, g, m, v, beta1, beta2, eps, step, i);
  }
}
