package org.gfn.model.policy;

import java.util.Random;

/**
 * Dense-layer arithmetic in double on flat parameter arrays, in plain Java (what the executors
 * run; the forward products with the JDK Vector API where available, {@link VectorProduct}), and
 * the activations and initialisation the hand-written layers share. A weight matrix is stored
 * input-major (W[i][j] at {@code w + i·nOut + j}), a bias after it or elsewhere ({@code b < 0}: none).
 */
final class Dense implements Linear {
  /** Scalar loops only. */
  static final Dense SCALAR = new Dense(false);

  /** The plain-Java implementation: the Vector API where the JVM has the module, else {@link #SCALAR}'s loops. */
  static final Dense JAVA = vectorised() ? new Dense(true) : SCALAR;
  /** Whether the static helpers use the Vector API. */
  private static final boolean SIMD = JAVA != SCALAR;

  private final boolean vector;
  private final int lanes;

  private Dense(boolean vector) {
    this.vector = vector;
    this.lanes = vector ? VectorProduct.LANES : 1;
  }

  /** {@code n} rounded up to whole machine vectors: a product's fastest output width. */
  int padded(int n) {
    return (n + lanes - 1) / lanes * lanes;
  }

  /**
   * Whether products use the JDK Vector API: the JVM was started with {@code --add-modules
   * jdk.incubator.vector} (deploy/gfn, the tests and every Spark session's executors do; a
   * cluster's driver needs it too, deploy/spark-submit.md) and {@code -Dgfn.simd=false} is not set.
   */
  static boolean vectorised() {
    if ("false".equals(System.getProperty("gfn.simd"))) return false;
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
    try {
      VectorProduct.forward(new double[1], 1, 1, new double[1], 0, -1, 1, new double[1]);
      return true;
    } catch (LinkageError e) {
      return false;
    }
  }

  /** y[m × nOut] = x[m × nIn] · W + b. */
  @Override
  public void forward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y) {
    if (vector) {
      VectorProduct.forward(x, m, nIn, p, w, b, nOut, y);
    } else {
      scalarForward(x, m, nIn, p, w, b, nOut, y);
    }
  }

  /**
   * x_i += Σ_{j ∈ nb[i]} h_j for each of the {@code e} rows of d values: the neighbour sums of a
   * graph block (with the Vector API when the JVM has it, whichever linear back-end runs the
   * products).
   */
  static void addNeighbours(double[] h, int[][] nb, int e, int d, double[] x) {
    if (SIMD) {
      for (int i = 0; i < e; i++) VectorProduct.addRows(h, nb[i], d, x, i * d);
      return;
    }
    for (int i = 0; i < e; i++) {
      for (int j : nb[i]) {
        for (int k = 0; k < d; k++) x[i * d + k] += h[j * d + k];
      }
    }
  }

  /** y[0 .. nOut) += Σ_k W[rows[k]] for a float W (nOut per row): an input layer over binary inputs. */
  void sumRows(float[] w, int[] rows, int count, int nOut, float[] y) {
    if (vector) {
      VectorProduct.sumRows(w, rows, count, nOut, y);
      return;
    }
    for (int k = 0; k < count; k++) {
      int wi = rows[k] * nOut;
      for (int j = 0; j < nOut; j++) y[j] += w[wi + j];
    }
  }

  private static void scalarForward(double[] x, int m, int nIn, double[] p, int w, int b, int nOut, double[] y) {
    double[] acc = new double[nOut]; // a local accumulator: the JIT keeps it apart from y and p
    for (int r = 0; r < m; r++) {
      if (b >= 0) {
        System.arraycopy(p, b, acc, 0, nOut);
      } else {
        java.util.Arrays.fill(acc, 0);
      }
      int xr = r * nIn;
      for (int i = 0; i < nIn; i++) {
        double xi = x[xr + i];
        if (xi == 0) continue;
        int wi = w + i * nOut;
        for (int j = 0; j < nOut; j++) acc[j] += xi * p[wi + j];
      }
      System.arraycopy(acc, 0, y, r * nOut, nOut);
    }
  }

  /**
   * Backward of {@link #forward}: adds dL/dW and dL/db into {@code g} (same offsets as {@code p})
   * and, when {@code dx} is not null, dL/dx into {@code dx}.
   */
  @Override
  public void backward(double[] x, double[] dy, int m, int nIn, double[] p, int w, int b, int nOut,
      double[] g, double[] dx) {
    for (int r = 0; r < m; r++) {
      int yr = r * nOut;
      int xr = r * nIn;
      if (b >= 0) {
        for (int j = 0; j < nOut; j++) g[b + j] += dy[yr + j];
      }
      for (int i = 0; i < nIn; i++) {
        int wi = w + i * nOut;
        double xi = x[xr + i];
        double acc = 0;
        for (int j = 0; j < nOut; j++) {
          g[wi + j] += xi * dy[yr + j];
          acc += p[wi + j] * dy[yr + j];
        }
        if (dx != null) dx[xr + i] += acc;
      }
    }
  }

  static void activate(Activation a, double[] y, int len) {
    for (int k = 0; k < len; k++) y[k] = a.apply(y[k]);
  }

  /** dy ← dy ⊙ a'(·), given the activations {@code y}. */
  static void activationBackward(Activation a, double[] y, double[] dy, int len) {
    for (int k = 0; k < len; k++) dy[k] *= a.slopeAtOutput(y[k]);
  }

  /** PyTorch's nn.Linear initialisation: W and b uniform in ±1/√nIn. */
  static void init(double[] p, int w, int b, int nIn, int nOut, Random rng) {
    double bound = 1 / Math.sqrt(nIn);
    for (int k = 0; k < nIn * nOut; k++) p[w + k] = (2 * rng.nextDouble() - 1) * bound;
    if (b >= 0) {
      for (int k = 0; k < nOut; k++) p[b + k] = (2 * rng.nextDouble() - 1) * bound;
    }
  }
}
