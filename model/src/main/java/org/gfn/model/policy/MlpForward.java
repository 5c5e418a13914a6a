package org.gfn.model.policy;

import java.util.Arrays;

/**
 * Plain-Java inference from a {@link PolicySnapshot}: the same arithmetic as the DL4J network
 * (checked to 1e-5 by a parity test) without ND4J's per-op overhead, so executors can roll out
 * small policies with no native code on their hot path.
 *
 * <p>Weights are transposed once to input-major order. With the JDK Vector API (see
 * {@link Dense#vectorised}) the first layer sums the weight rows of each row's non-zero inputs
 * (features are one-hot heavy) and the others run register-blocked ({@link FloatProduct});
 * otherwise scalar loops y += x_i · W_i skip zero inputs. Not thread-safe: it reuses buffers;
 * give each thread its own.
 */
final class MlpForward implements PolicyEvaluator {
  private final PolicyArchitecture arch;
  private final Activation act;
  private final int[][] heads;
  private final float[][][] weights; // [head][layer] input-major nIn × nOut
  private final float[][][] narrowWeights; // [head][layer] output-major, for layers narrower than a vector
  private final float[][][] biases; // [head][layer]
  private final boolean vector;
  private final int[] nonZero;
  private float[] bufA = new float[0];
  private float[] bufB = new float[0];

  /** @param forwardOnly compute only the head that holds the P_F logits (others read as 0) */
  MlpForward(PolicySnapshot snapshot, boolean forwardOnly) {
    this(snapshot, forwardOnly, Dense.vectorised());
  }

  /** @param vector whether to use the Vector API (only where {@link Dense#vectorised} says it can) */
  MlpForward(PolicySnapshot snapshot, boolean forwardOnly, boolean vector) {
    this.vector = vector;
    this.arch = snapshot.architecture();
    this.nonZero = new int[arch.featureSize()];
    this.act = Activation.of(arch.activation());
    int[][] all = arch.heads();
    this.heads = forwardOnly ? new int[][] {all[0]} : all; // head 0 holds P_F in either layout
    float[] p = snapshot.params();
    int layers = arch.hiddenLayers() + 1;
    weights = new float[heads.length][layers][];
    narrowWeights = new float[heads.length][layers][];
    biases = new float[heads.length][layers][];
    int off = 0;
    for (int h = 0; h < heads.length; h++) {
      int nIn = arch.featureSize();
      for (int l = 0; l < layers; l++) {
        int nOut = l < arch.hiddenLayers() ? arch.width() : heads[h][1];
        if (vector && l > 0 && nOut < FloatProduct.LANES) {
          narrowWeights[h][l] = Arrays.copyOfRange(p, off, off + nIn * nOut); // already output-major
        } else {
          float[] w = new float[nIn * nOut];
          for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) w[i * nOut + j] = p[off + j * nIn + i]; // DL4J: column-major
          }
          weights[h][l] = w;
        }
        biases[h][l] = Arrays.copyOfRange(p, off + nIn * nOut, off + nIn * nOut + nOut);
        off += nIn * nOut + nOut;
        nIn = nOut;
      }
    }
  }

  @Override
  public PolicyArchitecture architecture() {
    return arch;
  }

  @Override
  public void evaluate(float[] features, int rows, float[] out) {
    int width = arch.outputWidth();
    Arrays.fill(out, 0, rows * width, 0f);
    int need = rows * arch.width();
    if (bufA.length < need) {
      bufA = new float[need];
      bufB = new float[need];
    }
    int layers = arch.hiddenLayers() + 1;
    for (int h = 0; h < heads.length; h++) {
      float[] in = features;
      int nIn = arch.featureSize();
      float[] cur = bufA;
      for (int l = 0; l < layers; l++) {
        boolean hidden = l < layers - 1;
        int nOut = hidden ? arch.width() : heads[h][1];
        float[] y = hidden ? cur : out;
        int stride = hidden ? nOut : width;
        int off = hidden ? 0 : heads[h][0];
        if (!vector) {
          dense(in, rows, nIn, weights[h][l], biases[h][l], nOut, y, stride, off);
        } else if (l == 0) {
          FloatProduct.sparse(in, rows, nIn, weights[h][l], biases[h][l], nOut, y, stride, off, nonZero);
        } else if (narrowWeights[h][l] != null) {
          FloatProduct.narrow(in, rows, nIn, narrowWeights[h][l], biases[h][l], nOut, y, stride, off);
        } else {
          FloatProduct.dense(in, rows, nIn, weights[h][l], biases[h][l], nOut, y, stride, off);
        }
        if (hidden) {
          for (int k = 0; k < rows * nOut; k++) cur[k] = act.apply(cur[k]);
          in = cur;
          cur = cur == bufA ? bufB : bufA;
          nIn = nOut;
        }
      }
    }
  }

  /** y[r, yOff + j] = b_j + Σ_i x[r, i] · w[i, j]. */
  private static void dense(float[] x, int rows, int nIn, float[] w, float[] b, int nOut,
      float[] y, int yStride, int yOff) {
    for (int r = 0; r < rows; r++) {
      int yr = r * yStride + yOff;
      System.arraycopy(b, 0, y, yr, nOut);
      int xr = r * nIn;
      for (int i = 0; i < nIn; i++) {
        float xi = x[xr + i];
        if (xi == 0f) continue;
        int wi = i * nOut;
        for (int j = 0; j < nOut; j++) y[yr + j] += xi * w[wi + j];
      }
    }
  }
}
