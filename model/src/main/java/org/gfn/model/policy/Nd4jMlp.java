package org.gfn.model.policy;

import java.util.function.LongToDoubleFunction;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MLP policy on the learner: its matrix products are ND4J GEMMs on buffers it keeps, and
 * everything else — activations, their derivatives, the gradient norm and Adam — runs in Java
 * on bulk copies, because each further ND4J op would cost tens of microseconds of overhead.
 * Each layer keeps its bias as the last column of its weights (nOut × (nIn + 1)) and each layer's
 * input a trailing column of ones, so a step is one GEMM per layer forward and at most two per
 * layer backward (the weight gradient, bias included, lands in the flat gradient directly).
 *
 * <p>It computes what {@link PolicyNetwork} (DL4J's {@code MultiLayerNetwork}) computes — same
 * initial parameters, snapshot layout, Adam (ND4J's formula) and Adam state layout, checked by
 * {@code Nd4jMlpTest} — in single precision; use {@link PolicyNetwork} for double-precision
 * gradient checks. Not thread-safe.
 */
public final class Nd4jMlp implements PolicyModel {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;
  private final PolicyArchitecture arch;
  private final int[][] heads;
  private final Activation act;
  private final int layers;
  private final double learningRate;
  private final LongToDoubleFunction multiplier;
  private final MlpLayout layout;
  private final INDArray params; // [1, P] in this class's layout (MlpLayout)
  private final INDArray grad;
  private final INDArray[][] w; // [head][layer]: nOut × (nIn + 1) views of params
  private final INDArray[][] dw;
  private final FloatPointer[][] wp; // their first values (DirectGemm; null without it)
  private final FloatPointer[][] dwp;
  private final float[] p; // the parameters in Java (the ND4J copy follows each update)
  private final float[] g;
  private final float[] m;
  private final float[] v;
  private final MlpBuffers buf;
  private int rows;

  /**
   * @param learningRate base Adam step size
   * @param multiplier factor of the step size at each learner step (a learning-rate schedule)
   */
  public Nd4jMlp(PolicyArchitecture arch, double learningRate, LongToDoubleFunction multiplier, long seed) {
    if (arch.structured()) throw new IllegalArgumentException("not an MLP policy: " + arch);
    this.arch = arch;
    this.heads = arch.heads();
    this.act = Activation.of(arch.activation());
    this.layers = arch.hiddenLayers() + 1;
    this.learningRate = learningRate;
    this.multiplier = multiplier;
    this.layout = new MlpLayout(arch);
    int n = arch.paramCount();
    params = Nd4j.create(DataType.FLOAT, 1, n);
    grad = Nd4j.create(DataType.FLOAT, 1, n);
    w = new INDArray[heads.length][layers];
    dw = new INDArray[heads.length][layers];
    wp = new FloatPointer[heads.length][layers];
    dwp = new FloatPointer[heads.length][layers];
    for (int h = 0; h < heads.length; h++) {
      for (int l = 0; l < layers; l++) {
        w[h][l] = MlpBuffers.matrix(params, layout.offset(h, l), layout.outputs(h, l), layout.inputs(h, l) + 1);
        dw[h][l] = MlpBuffers.matrix(grad, layout.offset(h, l), layout.outputs(h, l), layout.inputs(h, l) + 1);
        wp[h][l] = DirectGemm.pointerOrNull(params, layout.offset(h, l));
        dwp[h][l] = DirectGemm.pointerOrNull(grad, layout.offset(h, l));
      }
    }
    p = new float[n];
    g = new float[n];
    m = new float[n];
    v = new float[n];
    buf = new MlpBuffers(arch);
    // DL4J's initialisation with the same seeds, so that results do not depend on which class trains
    setParams(new PolicyNetwork(arch, learningRate, multiplier, seed, DataType.FLOAT).params());
  }

  @Override
  public PolicyArchitecture architecture() {
    return arch;
  }

  @Override
  public float[] params() {
    return layout.toSnapshot(p);
  }

  @Override
  public void setParams(float[] snapshot) {
    if (snapshot.length != arch.paramCount()) {
      throw new IllegalArgumentException("expected " + arch.paramCount() + " parameters, got " + snapshot.length);
    }
    layout.fromSnapshot(snapshot, p);
    MlpBuffers.put(params, p, p.length);
  }

  @Override
  public double[] forward(float[] features, int rows) {
    this.rows = rows;
    if (rows == 0) return new double[0];
    buf.resize(rows);
    int f = arch.featureSize();
    float[] x = buf.scratch();
    MlpLoops.withOnes(features, rows, f, x);
    MlpBuffers.put(buf.input(), x, rows * (f + 1));
    int width = arch.outputWidth();
    double[] out = new double[rows * width];
    for (int h = 0; h < heads.length; h++) {
      INDArray in = buf.input();
      FloatPointer inP = buf.inputPointer();
      for (int l = 0; l < layers; l++) {
        INDArray z = buf.pre(h, l);
        DirectGemm.gemm(in, inP, false, w[h][l], wp[h][l], true, z, buf.prePointer(h, l));
        int nOut = layout.outputs(h, l);
        float[] y = MlpBuffers.get(z, buf.scratch(), rows * nOut);
        if (l == layers - 1) {
          MlpLoops.toColumns(y, rows, nOut, out, width, heads[h][0]);
          break;
        }
        float[] a = buf.activations(h, l);
        MlpLoops.activate(act, y, rows, nOut, a);
        in = buf.post(h, l);
        inP = buf.postPointer(h, l);
        MlpBuffers.put(in, a, rows * (nOut + 1));
      }
    }
    return out;
  }

  @Override
  public void backward(double[] dOut) {
    if (rows == 0) {
      java.util.Arrays.fill(g, 0f);
      return;
    }
    int width = arch.outputWidth();
    for (int h = 0; h < heads.length; h++) {
      int hw = heads[h][1];
      float[] d = buf.scratch();
      MlpLoops.fromColumns(dOut, rows, width, heads[h][0], hw, d);
      INDArray dz = buf.pre(h, layers - 1); // the outputs are not needed any more: it holds dLoss/dOutputs
      FloatPointer dzP = buf.prePointer(h, layers - 1);
      MlpBuffers.put(dz, d, rows * hw);
      for (int l = layers - 1; l >= 0; l--) {
        DirectGemm.gemm(dz, dzP, true, l == 0 ? buf.input() : buf.post(h, l - 1),
            l == 0 ? buf.inputPointer() : buf.postPointer(h, l - 1), false, dw[h][l], dwp[h][l]);
        if (l == 0) break;
        int nIn = layout.inputs(h, l);
        INDArray da = buf.activationGradient();
        DirectGemm.gemm(dz, dzP, false, w[h][l], wp[h][l], false, da, buf.activationGradientPointer());
        float[] e = MlpBuffers.get(da, buf.scratch(), rows * (nIn + 1));
        float[] g2 = buf.scratch2();
        MlpLoops.backpropagate(act, e, buf.activations(h, l - 1), rows, nIn, g2);
        dz = buf.hiddenGradient();
        dzP = buf.hiddenGradientPointer();
        MlpBuffers.put(dz, g2, rows * nIn);
      }
    }
    MlpBuffers.get(grad, g, g.length);
  }

  @Override
  public double[] gradient() {
    float[] s = layout.toSnapshot(g);
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) out[i] = s[i];
    return out;
  }

  @Override
  public double gradientNorm() {
    return Math.sqrt(MlpLoops.sumOfSquares(g));
  }

  @Override
  public void scaleGradient(double factor) {
    float f = (float) factor;
    for (int i = 0; i < g.length; i++) g[i] *= f;
  }

  /**
   * Adam as ND4J's {@code adam_updater} computes it (bias corrections folded into the step size,
   * ε outside the square root), then the ND4J copy of the parameters refreshed; every
   * {@link MlpLoops#FLUSH_EVERY} steps the moments too small to matter are set to 0.
   */
  @Override
  public void applyUpdate(int iteration) {
    double lr = learningRate * multiplier.applyAsDouble(iteration);
    float b1t = (float) Math.pow(BETA1, iteration + 1);
    float b2t = (float) Math.pow(BETA2, iteration + 1);
    float step = (float) (lr * Math.sqrt(1.0 - b2t) / (1.0 - b1t));
    MlpLoops.adam(p, g, m, v, BETA1, BETA2, EPS, step);
    if (iteration % MlpLoops.FLUSH_EVERY == 0) MlpLoops.flushTinyMoments(m, v);
    MlpBuffers.put(params, p, p.length);
  }

  /** Adam's moments as {@link PolicyNetwork} lays them out: per head, its first moments then its second. */
  @Override
  public double[] updaterState() {
    return layout.stateToSnapshot(m, v);
  }

  @Override
  public void setUpdaterState(double[] state) {
    if (state.length != 2 * p.length) {
      throw new IllegalArgumentException("updater state has " + state.length + " values, expected " + 2 * p.length);
    }
    layout.stateFromSnapshot(state, m, v);
  }
}
