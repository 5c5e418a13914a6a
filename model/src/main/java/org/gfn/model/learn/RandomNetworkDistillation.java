package org.gfn.model.learn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Random network distillation (Burda et al. 2018), GAFlowNet's intrinsic reward: a fixed random
 * network T and a predictor P of the same shape (two leaky-ReLU layers, then a linear latent) on
 * the state features; r(s) = c_t · ‖T(s) − P(s)‖₂ with c_t = coefficient · decay^step, large on
 * states the predictor has rarely been trained on. P is trained by Adam on the squared error over
 * every state of each minibatch. Not thread-safe.
 */
final class RandomNetworkDistillation {
  private final IntrinsicRewards settings;
  private final int featureSize;
  private final MultiLayerNetwork target;
  private final MultiLayerNetwork predictor;
  private double lastMean;

  RandomNetworkDistillation(IntrinsicRewards settings, int featureSize, long seed) {
    this.settings = settings;
    this.featureSize = featureSize;
    this.target = network(settings, featureSize, seed ^ 0x7a7a7a7aL);
    this.predictor = network(settings, featureSize, seed);
  }

  private static MultiLayerNetwork network(IntrinsicRewards s, int nIn, long seed) {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(new Adam(s.learningRate()))
        .weightInit(WeightInit.XAVIER)
        .trainingWorkspaceMode(WorkspaceMode.NONE)
        .inferenceWorkspaceMode(WorkspaceMode.NONE)
        .list()
        .layer(new DenseLayer.Builder().nIn(nIn).nOut(s.hidden()).activation(Activation.LEAKYRELU).build())
        .layer(new DenseLayer.Builder().nIn(s.hidden()).nOut(s.hidden()).activation(Activation.LEAKYRELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(s.hidden()).nOut(s.latent())
            .activation(Activation.IDENTITY).build())
        .build());
    net.init();
    return net;
  }

  private INDArray input(float[] features, int rows) {
    return Nd4j.createFromArray(Arrays.copyOf(features, rows * featureSize)).reshape(rows, featureSize);
  }

  /** log r(s) of each row at learner step {@code step} (−∞ where r = 0). */
  double[] logRewards(float[] features, int rows, long step) {
    INDArray x = input(features, rows);
    INDArray diff = target.output(x).sub(predictor.output(x));
    double[] norm = diff.norm2(1).castTo(DataType.DOUBLE).toDoubleVector();
    double c = settings.coefficient() * Math.pow(settings.decay(), step);
    double[] log = new double[rows];
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      log[r] = Math.log(c * norm[r]);
      sum += c * norm[r];
    }
    lastMean = sum / rows;
    return log;
  }

  /** The mean intrinsic reward of the last {@link #logRewards} call. */
  double lastMean() {
    return lastMean;
  }

  /** One Adam step of the predictor towards the target on these rows. */
  void train(float[] features, int rows) {
    INDArray x = input(features, rows);
    predictor.fit(x, target.output(x));
  }

  void save(DataOutputStream out) throws IOException {
    for (float f : predictor.params().toFloatVector()) out.writeFloat(f);
    double[] u = predictor.getUpdater().getStateViewArray().castTo(DataType.DOUBLE).toDoubleVector();
    out.writeInt(u.length);
    for (double d : u) out.writeDouble(d);
  }

  void restore(DataInputStream in) throws IOException {
    float[] p = new float[(int) predictor.numParams()];
    for (int i = 0; i < p.length; i++) p[i] = in.readFloat();
    predictor.params().assign(Nd4j.createFromArray(p).reshape(predictor.params().shape()));
    int n = in.readInt();
    INDArray state = predictor.getUpdater().getStateViewArray();
    if (n != state.length()) throw new IOException("saved intrinsic-reward predictor has another shape: gfn.explore.intrinsic changed");
    double[] u = new double[n];
    for (int i = 0; i < n; i++) u[i] = in.readDouble();
    state.assign(Nd4j.createFromArray(u).castTo(state.dataType()).reshape(state.shape()));
  }
}
