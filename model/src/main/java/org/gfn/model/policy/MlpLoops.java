package org.gfn.model.policy;

/**
 * The element-wise loops of {@link Nd4jMlp}'s learner step, each a plain counted loop over float
 * arrays with the activation chosen outside it, so that the JIT can vectorise it: the copies in and
 * out of the network, the activations (with each layer's ones column), their derivatives, and Adam.
 * {@link Nd4jMlp}'s forward and backward only call them and ND4J: with no long loop of their own,
 * the JIT compiles these small methods within the first learner steps instead of recompiling the
 * large callers on the stack (on-stack replacement), which took its compiler thread about 1.7 s of
 * a fresh process's first seconds.
 */
final class MlpLoops {
  /** Whether the ReLU and Adam loops use {@link VectorMlpLoops}. */
  static final boolean SIMD = Dense.vectorised();

  /**
   * First moments below this magnitude are set to 0 every {@link #FLUSH_EVERY} steps, second
   * moments below {@link #TINY_SQUARE}. A parameter whose gradient is 0 step after step (a ReLU
   * unit that is off for every state) has its first moment shrink by β1 a step: within about 800
   * steps it is a subnormal float, and it stays one (the smallest subnormal times 0.9 rounds back to
   * itself). Arithmetic on subnormals takes the CPU far longer: Adam over 76,000 parameters took
   * 500 µs a step instead of 40 once half of them were. Between two flushes a moment above the
   * limit shrinks by at most 0.9^64, so it never gets near the subnormals; the updates the limits
   * drop are below 1e-17 of the step size.
   */
  static final float TINY_MOMENT = 1e-25f;
  /** Second moments below this are set to 0 with the first ({@link #TINY_MOMENT}). */
  static final float TINY_SQUARE = 1e-30f;
  /** Learner steps between two flushes of the tiny moments. */
  static final int FLUSH_EVERY = 64;

  private MlpLoops() {}

  /**
   * Σ x², in double, over eight partial sums: one running sum is a chain of dependent additions
   * that waits on each one's latency (about 0.1 ms for the learner's 76,000 parameters).
   */
  static double sumOfSquares(float[] x) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (; i + 8 <= x.length; i += 8) {
      s0 += (double) x[i] * x[i];
      s1 += (double) x[i + 1] * x[i + 1];
      s2 += (double) x[i + 2] * x[i + 2];
      s3 += (double) x[i + 3] * x[i + 3];
      s4 += (double) x[i + 4] * x[i + 4];
      s5 += (double) x[i + 5] * x[i + 5];
      s6 += (double) x[i + 6] * x[i + 6];
      s7 += (double) x[i + 7] * x[i + 7];
    }
    for (; i < x.length; i++) s0 += (double) x[i] * x[i];
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** x[r] = the r-th row of f features followed by a 1, for {@code rows} rows. */
  static void withOnes(float[] features, int rows, int f, float[] x) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(features, r * f, x, r * (f + 1), f);
      x[r * (f + 1) + f] = 1f;
    }
  }

  /** out[r · width + offset + j] = y[r · n + j]: a head's outputs into its columns of the network's. */
  static void toColumns(float[] y, int rows, int n, double[] out, int width, int offset) {
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) out[r * width + offset + j] = y[r * n + j];
    }
  }

  /** d[r · n + j] = dOut[r · width + offset + j]: a head's columns of the output gradient. */
  static void fromColumns(double[] dOut, int rows, int width, int offset, int n, float[] d) {
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) d[r * n + j] = (float) dOut[r * width + offset + j];
    }
  }

  /** a[r][j] = act(y[r][j]) for rows × n values (y's rows n long, a's n + 1 with a trailing 1). */
  static void activate(Activation act, float[] y, int rows, int n, float[] a) {
    for (int r = 0; r < rows; r++) {
      int yo = r * n;
      int ao = r * (n + 1);
      switch (act) {
        case RELU -> {
          if (SIMD) {
            VectorMlpLoops.relu(y, yo, n, a, ao);
          } else {
            scalarRelu(y, yo, n, a, ao, 0);
          }
        }
        case LEAKYRELU -> {
          for (int j = 0; j < n; j++) a[ao + j] = Math.max(y[yo + j], Activation.LEAK * y[yo + j]);
        }
        default -> {
          for (int j = 0; j < n; j++) a[ao + j] = act.apply(y[yo + j]);
        }
      }
      a[ao + n] = 1f;
    }
  }

  /**
   * out[r][j] = e[r][j] · act'(a[r][j]): dLoss/d(pre-activations) from dLoss/d(activations) e and the
   * activations a (both rows n + 1 long, the ones column ignored; out's rows n long).
   */
  static void backpropagate(Activation act, float[] e, float[] a, int rows, int n, float[] out) {
    for (int r = 0; r < rows; r++) {
      int io = r * (n + 1);
      int oo = r * n;
      switch (act) {
        case RELU -> {
          if (SIMD) {
            VectorMlpLoops.reluSlope(e, a, io, n, out, oo);
          } else {
            scalarReluSlope(e, a, io, n, out, oo, 0);
          }
        }
        default -> {
          for (int j = 0; j < n; j++) out[oo + j] = e[io + j] * (float) act.slopeAtOutput(a[io + j]);
        }
      }
    }
  }

  /** One row of ReLU from column {@code from} on: a[ao + j] = max(y[yo + j], 0). */
  static void scalarRelu(float[] y, int yo, int n, float[] a, int ao, int from) {
    for (int j = from; j < n; j++) a[ao + j] = Math.max(y[yo + j], 0f);
  }

  /** One row of ReLU's derivative from column {@code from} on (+0 where the unit is off). */
  static void scalarReluSlope(float[] e, float[] a, int io, int n, float[] out, int oo, int from) {
    for (int j = from; j < n; j++) out[oo + j] = a[io + j] > 0f ? e[io + j] : 0f;
  }

  /**
   * Adam as ND4J's {@code adam_updater} computes it, the bias corrections folded into {@code step}
   * and ε outside the square root (its caller flushes the moments that get too small,
   * {@link #flushTinyMoments}).
   */
  static void adam(float[] p, float[] g, float[] m, float[] v, float beta1, float beta2, float eps, float step) {
    if (SIMD) {
      VectorMlpLoops.adam(p, g, m, v, beta1, beta2, eps, step);
    } else {
      scalarAdam(p, g, m, v, beta1, beta2, eps, step, 0);
    }
  }

  /** Sets the moments too small to matter to 0 ({@link #TINY_MOMENT}). */
  static void flushTinyMoments(float[] m, float[] v) {
    for (int i = 0; i < m.length; i++) {
      if (Math.abs(m[i]) < TINY_MOMENT) m[i] = 0f;
      if (v[i] < TINY_SQUARE) v[i] = 0f;
    }
  }

  /** Adam's scalar loop from parameter {@code from} on. */
  static void scalarAdam(float[] p, float[] g, float[] m, float[] v, float beta1, float beta2, float eps, float step,
      int from) {
    for (int i = from; i < p.length; i++) {
      float mi = beta1 * m[i] + g[i] * (1 - beta1);
      float vi = beta2 * v[i] + g[i] * g[i] * (1 - beta2);
      m[i] = mi;
      v[i] = vi;
      p[i] -= mi * step / ((float) Math.sqrt(vi) + eps);
    }
  }
}
