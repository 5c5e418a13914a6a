package org.gfn.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The policy as DL4J networks: one {@link MultiLayerNetwork} per head (or one for all with a
 * shared trunk), dense layers only, no output layer; the objective's gradient with respect to the
 * outputs is computed outside, then {@code backpropGradient(eps)} and the Adam updater (no SameDiff:
 * M2.1 gradient bugs). Initialisation matches PyTorch's {@code nn.Linear} weights (U(±1/√fan_in)).
 * The learner trains the faster {@link Nd4jMlp}, which reproduces this class (its initialisation
 * comes from here); this one is the reference and runs the double-precision gradient checks.
 * Not thread-safe.
 */
public final class PolicyNetwork implements PolicyModel {
  private final PolicyArchitecture arch;
  private final int[][] heads;
  private final List<MultiLayerNetwork> nets = new ArrayList<>();
  private final DataType dtype;
  private final Gradient[] gradients;
  private int rows;

  /** @param dtype FLOAT for training, DOUBLE for gradient checks */
  public PolicyNetwork(PolicyArchitecture arch, double learningRate, long seed, DataType dtype) {
    this(arch, learningRate, step -> 1.0, seed, dtype);
  }

  /**
   * @param learningRate base Adam step size of the network parameters
   * @param multiplier factor of the step size at each learner step (a learning-rate schedule)
   * @param dtype FLOAT for training, DOUBLE for gradient checks
   */
  public PolicyNetwork(PolicyArchitecture arch, double learningRate, LongToDoubleFunction multiplier,
      long seed, DataType dtype) {
    this.arch = arch;
    this.heads = arch.heads();
    this.dtype = dtype;
    this.gradients = new Gradient[heads.length];
    org.nd4j.linalg.activations.Activation act = dl4j(Activation.of(arch.activation()));
    for (int h = 0; h < heads.length; h++) {
      NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
          .seed(seed + 7919L * h)
          .dataType(dtype)
          .updater(new Adam(new ScheduledRate(learningRate, multiplier)))
          .weightInit(WeightInit.UNIFORM)
          .trainingWorkspaceMode(WorkspaceMode.NONE)
          .inferenceWorkspaceMode(WorkspaceMode.NONE)
          .list();
      int nIn = arch.featureSize();
      for (int l = 0; l < arch.hiddenLayers(); l++) {
        b.layer(new DenseLayer.Builder().nIn(nIn).nOut(arch.width()).activation(act).build());
        nIn = arch.width();
      }
      b.layer(new DenseLayer.Builder().nIn(nIn).nOut(heads[h][1])
          .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
      MultiLayerConfiguration conf = b.build();
      MultiLayerNetwork net = new MultiLayerNetwork(conf);
      net.init();
      nets.add(net);
    }
  }

  @Override
  public PolicyArchitecture architecture() {
    return arch;
  }

  @Override
  public int paramCount() {
    return arch.paramCount();
  }

  /** The parameters in snapshot layout (a copy). */
  @Override
  public float[] params() {
    double[] exact = exactParams();
    float[] out = new float[exact.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) exact[i];
    return out;
  }

  /** The parameters at the network's precision (double for gradient checks), snapshot layout. */
  double[] exactParams() {
    double[] out = new double[arch.paramCount()];
    int off = 0;
    for (MultiLayerNetwork net : nets) {
      double[] p = net.params().castTo(DataType.DOUBLE).toDoubleVector();
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  /** Replaces the parameters with a snapshot-layout array. */
  @Override
  public void setParams(float[] params) {
    if (params.length != arch.paramCount()) {
      throw new IllegalArgumentException("expected " + arch.paramCount() + " parameters, got " + params.length);
    }
    int off = 0;
    for (MultiLayerNetwork net : nets) {
      int n = (int) net.numParams();
      float[] slice = java.util.Arrays.copyOfRange(params, off, off + n);
      net.params().assign(Nd4j.createFromArray(slice).castTo(dtype).reshape(net.params().shape()));
      off += n;
    }
  }

  @Override
  public PolicySnapshot snapshot(long version) {
    return new PolicySnapshot(version, arch, params());
  }

  /**
   * Forward pass that keeps the activations for {@link #backward}: returns rows × outputWidth
   * outputs, row-major, in double precision (heads that are not built read as 0).
   */
  @Override
  public double[] forward(float[] features, int rows) {
    this.rows = rows;
    INDArray x = Nd4j.createFromArray(java.util.Arrays.copyOf(features, rows * arch.featureSize()))
        .reshape(rows, arch.featureSize()).castTo(dtype);
    int width = arch.outputWidth();
    double[] out = new double[rows * width];
    for (int h = 0; h < heads.length; h++) {
      MultiLayerNetwork net = nets.get(h);
      net.setInput(x);
      List<INDArray> acts = net.feedForward(true, false);
      double[] y = acts.get(acts.size() - 1).castTo(DataType.DOUBLE).data().asDouble();
      int hw = heads[h][1];
      for (int r = 0; r < rows; r++) System.arraycopy(y, r * hw, out, r * width + heads[h][0], hw);
    }
    return out;
  }

  /** Backpropagates dLoss/dOutputs (rows × outputWidth) of the last {@link #forward}. */
  @Override
  public void backward(double[] dOut) {
    int width = arch.outputWidth();
    for (int h = 0; h < heads.length; h++) {
      int hw = heads[h][1];
      double[] e = new double[rows * hw];
      for (int r = 0; r < rows; r++) System.arraycopy(dOut, r * width + heads[h][0], e, r * hw, hw);
      INDArray eps = Nd4j.createFromArray(e).reshape(rows, hw).castTo(dtype);
      gradients[h] = nets.get(h).backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getFirst();
    }
  }

  /** The gradient of the last {@link #backward} in snapshot layout (for checks and clipping). */
  @Override
  public double[] gradient() {
    double[] out = new double[arch.paramCount()];
    int off = 0;
    for (Gradient g : gradients) {
      double[] v = g.gradient().castTo(DataType.DOUBLE).data().asDouble();
      System.arraycopy(v, 0, out, off, v.length);
      off += v.length;
    }
    return out;
  }

  /** L2 norm of the last gradient over all heads. */
  @Override
  public double gradientNorm() {
    double s = 0;
    for (Gradient g : gradients) {
      double n = g.gradient().norm2Number().doubleValue();
      s += n * n;
    }
    return Math.sqrt(s);
  }

  /** Multiplies the last gradient by {@code factor} (gradient clipping). */
  @Override
  public void scaleGradient(double factor) {
    for (Gradient g : gradients) g.gradient().muli(factor);
  }

  /**
   * Applies Adam to the last gradient. {@code iteration} counts from 0 (bias correction). The
   * updater gets batch size 1: the objective's gradient is already a mean over the batch.
   */
  @Override
  public void applyUpdate(int iteration) {
    for (int h = 0; h < heads.length; h++) {
      MultiLayerNetwork net = nets.get(h);
      net.getUpdater().update(net, gradients[h], iteration, 0, 1, LayerWorkspaceMgr.noWorkspaces());
      net.params().subi(gradients[h].gradient());
    }
  }

  /** Adam's state (moments) of all heads, flattened, for checkpoints. */
  @Override
  public double[] updaterState() {
    List<double[]> parts = new ArrayList<>();
    int n = 0;
    for (MultiLayerNetwork net : nets) {
      INDArray s = net.getUpdater().getStateViewArray();
      double[] v = s == null ? new double[0] : s.castTo(DataType.DOUBLE).data().asDouble();
      parts.add(v);
      n += v.length;
    }
    double[] out = new double[n];
    int off = 0;
    for (double[] v : parts) {
      System.arraycopy(v, 0, out, off, v.length);
      off += v.length;
    }
    return out;
  }

  /** Restores {@link #updaterState()}. */
  @Override
  public void setUpdaterState(double[] state) {
    int off = 0;
    for (MultiLayerNetwork net : nets) {
      INDArray s = net.getUpdater().getStateViewArray();
      int n = s == null ? 0 : (int) s.length();
      if (off + n > state.length) throw new IllegalArgumentException("updater state too short for this network");
      if (n > 0) {
        s.assign(Nd4j.createFromArray(java.util.Arrays.copyOfRange(state, off, off + n))
            .castTo(s.dataType()).reshape(s.shape()));
      }
      off += n;
    }
    if (off != state.length) throw new IllegalArgumentException("updater state has " + state.length + " values, expected " + off);
  }

  static org.nd4j.linalg.activations.Activation dl4j(Activation a) {
    return switch (a) {
      case RELU -> org.nd4j.linalg.activations.Activation.RELU;
      case TANH -> org.nd4j.linalg.activations.Activation.TANH;
      case LEAKYRELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
      case ELU -> org.nd4j.linalg.activations.Activation.ELU;
    };
  }
}
