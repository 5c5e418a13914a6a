package org.gfn.model.policy;

/**
 * Where {@link Nd4jMlp} keeps each parameter. The snapshot layout (DL4J's) stores each layer as
 * its weights W[j][i] at j·nIn + i followed by its biases; {@link Nd4jMlp} stores the same block as
 * nOut rows of nIn + 1 (the weights of output j, then its bias), so that a layer is one GEMM.
 * Blocks (per layer, per head) sit at the same offsets in both layouts.
 */
final class MlpLayout {
  private final int[][] offset;
  private final int[][] inputs;
  private final int[][] outputs;
  private final int[] headStart; // per head its first parameter, then the total
  private final int[] snapshotIndex; // per parameter in this layout, its index in the snapshot

  MlpLayout(PolicyArchitecture arch) {
    int[][] heads = arch.heads();
    int layers = arch.hiddenLayers() + 1;
    offset = new int[heads.length][layers];
    inputs = new int[heads.length][layers];
    outputs = new int[heads.length][layers];
    headStart = new int[heads.length + 1];
    snapshotIndex = new int[arch.paramCount()];
    int off = 0;
    for (int h = 0; h < heads.length; h++) {
      headStart[h] = off;
      int nIn = arch.featureSize();
      for (int l = 0; l < layers; l++) {
        int nOut = l < layers - 1 ? arch.width() : heads[h][1];
        offset[h][l] = off;
        inputs[h][l] = nIn;
        outputs[h][l] = nOut;
        for (int j = 0; j < nOut; j++) {
          for (int i = 0; i < nIn; i++) snapshotIndex[off + j * (nIn + 1) + i] = off + j * nIn + i;
          snapshotIndex[off + j * (nIn + 1) + nIn] = off + nOut * nIn + j;
        }
        off += nOut * (nIn + 1);
        nIn = nOut;
      }
    }
    headStart[heads.length] = off;
    if (off != snapshotIndex.length) throw new IllegalStateException("layout covers " + off + " of " + snapshotIndex.length);
  }

  int offset(int head, int layer) {
    return offset[head][layer];
  }

  int inputs(int head, int layer) {
    return inputs[head][layer];
  }

  int outputs(int head, int layer) {
    return outputs[head][layer];
  }

  float[] toSnapshot(float[] mine) {
    float[] out = new float[mine.length];
    for (int i = 0; i < mine.length; i++) out[snapshotIndex[i]] = mine[i];
    return out;
  }

  void fromSnapshot(float[] snapshot, float[] mine) {
    for (int i = 0; i < mine.length; i++) mine[i] = snapshot[snapshotIndex[i]];
  }

  /** Adam's moments as DL4J lays them out: per head (one network each), its first moments then its second. */
  double[] stateToSnapshot(float[] m, float[] v) {
    double[] out = new double[2 * m.length];
    for (int h = 0; h + 1 < headStart.length; h++) {
      int n = headStart[h + 1] - headStart[h];
      for (int i = headStart[h]; i < headStart[h + 1]; i++) {
        int k = snapshotIndex[i] - headStart[h];
        out[2 * headStart[h] + k] = m[i];
        out[2 * headStart[h] + n + k] = v[i];
      }
    }
    return out;
  }

  void stateFromSnapshot(double[] state, float[] m, float[] v) {
    for (int h = 0; h + 1 < headStart.length; h++) {
      int n = headStart[h + 1] - headStart[h];
      for (int i = headStart[h]; i < headStart[h + 1]; i++) {
        int k = snapshotIndex[i] - headStart[h];
        m[i] = (float) state[2 * headStart[h] + k];
        v[i] = (float) state[2 * headStart[h] + n + k];
      }
    }
  }
}
