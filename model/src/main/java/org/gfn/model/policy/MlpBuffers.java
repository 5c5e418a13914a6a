package org.gfn.model.policy;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J arrays {@link Nd4jMlp} multiplies, and the Java copies of the activations it keeps for
 * the backward pass: sized for the largest minibatch seen and viewed at the current number of
 * rows, so that a learner step allocates no off-heap memory once they have grown. Every layer's
 * input carries a trailing column of ones (its bias is the last column of its weights).
 */
final class MlpBuffers {
  private final int features;
  private final int width;
  private final int[][] heads;
  private final int layers;
  private int capacity;
  private INDArray[] full = new INDArray[0]; // input, pre [h][l], post [h][l < last], dz hidden, da
  private INDArray[] now = new INDArray[0]; // the same at the current rows
  private FloatPointer[] pointers = new FloatPointer[0]; // their first values (DirectGemm; null entries without it)
  private float[][] acts = new float[0][]; // [h * (layers - 1) + l]: hidden activations with the ones column
  private float[] scratch = new float[0];
  private float[] scratch2 = new float[0];
  private int rows = -1;

  MlpBuffers(PolicyArchitecture arch) {
    this.features = arch.featureSize();
    this.width = arch.width();
    this.heads = arch.heads();
    this.layers = arch.hiddenLayers() + 1;
  }

  /** A rows × cols c-ordered view of {@code flat}'s values from {@code offset}. */
  static INDArray matrix(INDArray flat, long offset, long rows, long cols) {
    return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c', flat.dataType());
  }

  /** Views the buffers at {@code rows}, growing them first where they are too small. */
  void resize(int rows) {
    if (rows == this.rows) return;
    if (rows > capacity) grow(Math.max(rows, capacity + capacity / 2));
    now = new INDArray[full.length];
    for (int i = 0; i < full.length; i++) now[i] = matrix(full[i], 0, rows, full[i].columns());
    this.rows = rows;
  }

  private void grow(int cap) {
    int hidden = heads.length * (layers - 1);
    full = new INDArray[1 + heads.length * layers + hidden + 2];
    full[0] = Nd4j.create(DataType.FLOAT, cap, features + 1);
    acts = new float[hidden][];
    for (int h = 0; h < heads.length; h++) {
      for (int l = 0; l < layers; l++) full[preAt(h, l)] = Nd4j.create(DataType.FLOAT, cap, l < layers - 1 ? width : heads[h][1]);
      for (int l = 0; l < layers - 1; l++) {
        full[postAt(h, l)] = Nd4j.create(DataType.FLOAT, cap, width + 1);
        acts[h * (layers - 1) + l] = new float[cap * (width + 1)];
      }
    }
    full[full.length - 2] = Nd4j.create(DataType.FLOAT, cap, width);
    full[full.length - 1] = Nd4j.create(DataType.FLOAT, cap, width + 1);
    pointers = new FloatPointer[full.length];
    for (int i = 0; i < full.length; i++) pointers[i] = DirectGemm.pointerOrNull(full[i], 0);
    scratch = new float[cap * Math.max(features + 1, Math.max(width + 1, maxHead()))];
    scratch2 = new float[cap * width];
    capacity = cap;
  }

  private int maxHead() {
    int m = 0;
    for (int[] h : heads) m = Math.max(m, h[1]);
    return m;
  }

  private int preAt(int h, int l) {
    return 1 + h * layers + l;
  }

  private int postAt(int h, int l) {
    return 1 + heads.length * layers + h * (layers - 1) + l;
  }

  /** The inputs with their ones column. */
  INDArray input() {
    return now[0];
  }

  /** The pointer of {@link #input()}, {@link #pre}, {@link #post}, ... ({@link DirectGemm}; null without it). */
  FloatPointer inputPointer() {
    return pointers[0];
  }

  FloatPointer prePointer(int h, int l) {
    return pointers[preAt(h, l)];
  }

  FloatPointer postPointer(int h, int l) {
    return pointers[postAt(h, l)];
  }

  FloatPointer hiddenGradientPointer() {
    return pointers[pointers.length - 2];
  }

  FloatPointer activationGradientPointer() {
    return pointers[pointers.length - 1];
  }

  /** Layer l's pre-activations of head h (the head's outputs for the last layer). */
  INDArray pre(int h, int l) {
    return now[preAt(h, l)];
  }

  /** Hidden layer l's activations of head h, with the ones column. */
  INDArray post(int h, int l) {
    return now[postAt(h, l)];
  }

  /** The same in Java. */
  float[] activations(int h, int l) {
    return acts[h * (layers - 1) + l];
  }

  /** dLoss/d(a hidden layer's pre-activations). */
  INDArray hiddenGradient() {
    return now[now.length - 2];
  }

  /** dLoss/d(a hidden layer's activations), ones column included. */
  INDArray activationGradient() {
    return now[now.length - 1];
  }

  /** A Java array at least as large as any one buffer's current rows. */
  float[] scratch() {
    return scratch;
  }

  /** A second Java array, of rows × width values. */
  float[] scratch2() {
    return scratch2;
  }

  /** Copies the first {@code n} values of {@code a}'s buffer into {@code into}. */
  static float[] get(INDArray a, float[] into, int n) {
    a.data().asNioFloat().get(into, 0, n);
    return into;
  }

  /** Writes the first {@code n} values of {@code from} into {@code a}'s buffer. */
  static void put(INDArray a, float[] from, int n) {
    a.data().asNioFloat().put(from, 0, n);
  }
}
