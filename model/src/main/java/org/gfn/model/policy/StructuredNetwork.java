package org.gfn.model.policy;

import java.util.Random;
import java.util.function.LongToDoubleFunction;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A set or graph policy on the learner: the per-entity encoder is a DL4J {@link MultiLayerNetwork}
 * of dense layers over the stacked rows of the distinct entities of a minibatch (a root shared by
 * many states of a trajectory is encoded once and its gradients summed), and the mixing blocks and
 * heads are the hand-written {@link EntityMixer} (plain Java, double, finite-difference checked),
 * whose parameters have their own ND4J Adam. The executors run the same arithmetic from the
 * snapshot ({@link StructuredForward}). Not thread-safe.
 */
public final class StructuredNetwork implements PolicyModel {
  private final PolicyArchitecture arch;
  private final EntityLayout layout;
  private final MultiLayerNetwork encoder;
  private final EntityMixer mixer;
  private final DataType dtype;
  private final int off;
  private final double[] params; // the full snapshot layout; the encoder's part lives in DL4J
  private final double[] grad;
  private final INDArray glueState;
  private final GradientUpdater<?> glueAdam;
  private Gradient encoderGradient;
  private final Linear linear = new Nd4jLinear();
  private EntityBatch batch;
  private int[] entityRow; // per entity of the batch: its row among the distinct entities encoded
  private EntityMixer.Trace trace;
  private int uniqueRows;

  /**
   * @param learningRate base Adam step size
   * @param multiplier factor of the step size at each learner step (a schedule)
   * @param dtype FLOAT for training, DOUBLE for gradient checks (the mixer is double either way)
   */
  public StructuredNetwork(PolicyArchitecture arch, double learningRate, LongToDoubleFunction multiplier,
      long seed, DataType dtype) {
    if (!arch.structured()) throw new IllegalArgumentException("not a set or graph policy: " + arch);
    this.arch = arch;
    this.layout = arch.structure().layout();
    this.dtype = dtype;
    Adam adam = new Adam(new ScheduledRate(learningRate, multiplier));
    NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
        .seed(seed).dataType(dtype).updater(adam).weightInit(WeightInit.UNIFORM)
        .trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE).list();
    int nIn = layout.encoderInputs();
    for (int l = 0; l < arch.hiddenLayers(); l++) {
      b.layer(new DenseLayer.Builder().nIn(nIn).nOut(arch.width()).activation(PolicyNetwork.dl4j(
          Activation.of(arch.activation()))).build());
      nIn = arch.width();
    }
    encoder = new MultiLayerNetwork(b.build());
    encoder.init();
    off = arch.encoderParams();
    mixer = new EntityMixer(arch, off);
    params = new double[arch.paramCount()];
    grad = new double[params.length];
    mixer.init(params, new Random(seed ^ 0x5EEDL));
    int glue = params.length - off;
    glueState = Nd4j.zeros(DataType.DOUBLE, 1, adam.stateSize(glue));
    glueAdam = adam.instantiate(glueState, true);
  }

  @Override
  public PolicyArchitecture architecture() {
    return arch;
  }

  @Override
  public float[] params() {
    float[] out = new float[params.length];
    float[] enc = encoder.params().castTo(DataType.FLOAT).toFloatVector();
    System.arraycopy(enc, 0, out, 0, off);
    for (int i = off; i < params.length; i++) out[i] = (float) params[i];
    return out;
  }

  @Override
  public void setParams(float[] p) {
    double[] d = new double[p.length];
    for (int i = 0; i < p.length; i++) d[i] = p[i];
    setParams(d);
  }

  /** Replaces the parameters with exact (double) values: for gradient checks. */
  public void setParams(double[] p) {
    if (p.length != params.length) {
      throw new IllegalArgumentException("expected " + params.length + " parameters, got " + p.length);
    }
    encoder.params().assign(Nd4j.createFromArray(java.util.Arrays.copyOf(p, off)).castTo(dtype)
        .reshape(encoder.params().shape()));
    System.arraycopy(p, off, params, off, params.length - off);
  }

  /** The parameters in double (the encoder's at its precision): for gradient checks. */
  public double[] exactParams() {
    double[] out = params.clone();
    System.arraycopy(encoder.params().castTo(DataType.DOUBLE).toDoubleVector(), 0, out, 0, off);
    return out;
  }

  @Override
  public double[] forward(float[] features, int rows) {
    batch = EntityBatch.of(features, rows, arch.featureSize(), layout);
    int f = arch.featureSize();
    DistinctEntities u = DistinctEntities.of(batch,
        (r, slot) -> new EntityKey(features, r * f + slot * layout.features() + 1, layout.ownFeatures()));
    float[] x = inputs(u);
    for (int q = 0; q < u.count(); q++) {
      int at = u.first()[q];
      unpack(features, u.state()[at] * f + u.slot()[at] * layout.features() + 1, x, q * layout.encoderInputs());
    }
    return encodeAndMix(x, rows);
  }

  /** As {@link #forward}; each distinct entity's row alone is written ({@link Environment#entityKeys}). */
  @Override
  public double[] forwardStates(Environment env, int[][] states, int rows, Supplier<float[]> features) {
    Object[][] keys = layout.adjacency() ? null : EntityBatch.keysOf(env, states, rows);
    if (keys == null) return forward(features.get(), rows);
    batch = EntityBatch.ofKeys(keys, env, states, layout);
    DistinctEntities u = DistinctEntities.of(batch, (r, slot) -> keys[r][slot]);
    float[] x = inputs(u);
    float[] row = new float[layout.features()];
    for (int q = 0; q < u.count(); q++) {
      int at = u.first()[q];
      env.encodeEntity(states[u.state()[at]], u.slot()[at], row, 0);
      unpack(row, 1, x, q * layout.encoderInputs());
    }
    return encodeAndMix(x, rows);
  }

  /** Also refuses a minibatch whose activations would not fit in the heap ({@link ActivationBudget}). */
  private float[] inputs(DistinctEntities u) {
    ActivationBudget.check(arch.structure(), arch.width(), batch, Runtime.getRuntime().maxMemory());
    entityRow = u.index();
    uniqueRows = u.count();
    return new float[uniqueRows * layout.encoderInputs()];
  }

  /** The encoder on the distinct entities' inputs {@code x}, then the mixer and heads on every entity row. */
  private double[] encodeAndMix(float[] x, int rows) {
    INDArray in = Nd4j.create(DataType.FLOAT, uniqueRows, layout.encoderInputs());
    in.data().asNioFloat().put(x); // bulk: createFromArray copies one value at a time
    encoder.setInput(in.castTo(dtype));
    double[] h = encoder.feedForward(true, false).get(arch.hiddenLayers()).castTo(DataType.DOUBLE).data().asDouble();
    int d = arch.width();
    double[] h0 = new double[batch.entities() * d];
    for (int i = 0; i < entityRow.length; i++) System.arraycopy(h, entityRow[i] * d, h0, i * d, d);
    double[] out = new double[rows * arch.outputWidth()];
    trace = mixer.forward(linear, params, h0, batch, out);
    return out;
  }

  /** The encoder's inputs of the entity at {@code features[from ..]}: its values, or their bits. */
  private void unpack(float[] features, int from, float[] x, int at) {
    int bits = layout.packedBits();
    int own = layout.ownFeatures();
    if (bits == 0) {
      System.arraycopy(features, from, x, at, own);
      return;
    }
    for (int v = 0; v < own; v++) {
      int packed = (int) features[from + v];
      for (int b = 0; b < bits; b++) x[at + v * bits + b] = (packed >> b) & 1;
    }
  }

  @Override
  public void backward(double[] dOut) {
    int d = arch.width();
    java.util.Arrays.fill(grad, 0);
    double[] dh0 = mixer.backward(linear, params, trace, batch, dOut, grad);
    double[] dh = new double[uniqueRows * d];
    for (int i = 0; i < entityRow.length; i++) {
      for (int e = 0; e < d; e++) dh[entityRow[i] * d + e] += dh0[i * d + e];
    }
    INDArray eps = Nd4j.createFromArray(dh).reshape(uniqueRows, d).castTo(dtype);
    encoderGradient = encoder.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getFirst();
  }

  @Override
  public double[] gradient() {
    double[] out = grad.clone();
    System.arraycopy(encoderGradient.gradient().castTo(DataType.DOUBLE).toDoubleVector(), 0, out, 0, off);
    return out;
  }

  @Override
  public double gradientNorm() {
    double n = encoderGradient.gradient().norm2Number().doubleValue();
    double s = n * n;
    for (int i = off; i < grad.length; i++) s += grad[i] * grad[i];
    return Math.sqrt(s);
  }

  @Override
  public void scaleGradient(double factor) {
    encoderGradient.gradient().muli(factor);
    for (int i = off; i < grad.length; i++) grad[i] *= factor;
  }

  @Override
  public void applyUpdate(int iteration) {
    encoder.getUpdater().update(encoder, encoderGradient, iteration, 0, 1, LayerWorkspaceMgr.noWorkspaces());
    encoder.params().subi(encoderGradient.gradient());
    INDArray g = Nd4j.createFromArray(java.util.Arrays.copyOfRange(grad, off, grad.length)).reshape(1, grad.length - off);
    glueAdam.applyUpdater(g, iteration, 0);
    double[] step = g.toDoubleVector();
    for (int i = 0; i < step.length; i++) params[off + i] -= step[i];
  }

  @Override
  public double[] updaterState() {
    INDArray s = encoder.getUpdater().getStateViewArray();
    double[] a = s == null ? new double[0] : s.castTo(DataType.DOUBLE).toDoubleVector();
    double[] b = glueState.toDoubleVector();
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public void setUpdaterState(double[] state) {
    INDArray s = encoder.getUpdater().getStateViewArray();
    int n = s == null ? 0 : (int) s.length();
    if (state.length != n + glueState.length()) {
      throw new IllegalArgumentException("updater state has " + state.length + " values, expected " + (n + glueState.length()));
    }
    if (n > 0) s.assign(Nd4j.createFromArray(java.util.Arrays.copyOf(state, n)).castTo(s.dataType()).reshape(s.shape()));
    glueState.assign(Nd4j.createFromArray(java.util.Arrays.copyOfRange(state, n, state.length)).reshape(glueState.shape()));
  }
}
