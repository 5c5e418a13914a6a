package org.gfn.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.gfn.envs.EntityLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks (double) of every hand-written layer of the structured policy: the loss
 * is a fixed random linear function of the layer's output; its gradient with respect to every
 * parameter and every input must match central differences.
 */
class EntityLayersGradientTest {
  private static final int D = 8;
  private static final int M = 7;

  @ParameterizedTest
  @CsvSource({"attention,tanh,java", "attention,elu,nd4j", "gin,tanh,java", "gin,leakyrelu,nd4j", "gin-mean,tanh,java", "gin-mean,elu,nd4j",
      "heads-pairs,tanh,java", "heads-pairs,relu,nd4j", "heads-entities,elu,java",
      "heads-choices,tanh,java", "heads-choices,elu,nd4j", "heads-sum-flow,tanh,java", "heads-sum-flow,elu,nd4j"})
  void layerGradientsMatchFiniteDifferences(String layer, String activation, String linear) {
    Linear lin = linear.equals("java") ? Dense.JAVA : new Nd4jLinear(0);
    Random rng = new Random(layer.hashCode());
    Activation act = Activation.of(activation);
    int n = 7;
    // two states: slots {0, 2, 3, 5, 6} and {1, 4}, stacked as entity rows 0–4 and 5–6
    // with choice actions, state 0 chooses for its entity row 3 and state 1 has no choice
    boolean choices = layer.equals("heads-choices");
    EntityBatch batch = new EntityBatch(new int[] {0, 5, 7}, new int[][] {{0, 2, 3, 5, 6}, {1, 4}},
        new int[][] {{1, 2}, {0}, {0, 4}, {}, {2}, {6}, {5}}, choices ? new int[] {3, -1} : null);
    boolean pairs = !layer.equals("heads-entities");
    EntityLayout layout = new EntityLayout(n, 4 + n, pairs, true, 0, choices ? 3 : 0);
    PolicyArchitecture arch = new PolicyArchitecture(n * layout.features(), layout.forwardActions(), n, 1, D,
        activation, false, true, true, new EntityStructure("graph", layout, 1, 2, false, layer.equals("heads-sum-flow"), false));
    int count = switch (layer) {
      case "attention" -> AttentionBlock.paramCount(D);
      case "gin", "gin-mean" -> GinBlock.paramCount(D);
      default -> EntityHeads.paramCount(D, layout);
    };
    double[] p = new double[count];
    for (int i = 0; i < count; i++) p[i] = 0.6 * rng.nextGaussian();
    double[] h = new double[M * D];
    for (int i = 0; i < h.length; i++) h[i] = rng.nextGaussian();
    int outLen = layer.startsWith("heads") ? 2 * arch.outputWidth() : M * D;
    double[] w = new double[outLen];
    for (int i = 0; i < outLen; i++) w[i] = rng.nextGaussian();
    AttentionBlock att = new AttentionBlock(D, 2, act, 0);
    GinBlock gin = new GinBlock(D, act, 0, layer.equals("gin-mean"));
    EntityHeads heads = new EntityHeads(arch, 0);
    ToDoubleFunction<double[][]> loss = ph -> {
      double[] out = switch (layer) {
        case "attention" -> att.forward(lin, ph[0], ph[1], batch, null).out;
        case "gin", "gin-mean" -> gin.forward(lin, ph[0], ph[1], batch).out;
        default -> {
          double[] rows = new double[outLen];
          heads.forward(lin, ph[0], ph[1], batch, rows);
          yield rows;
        }
      };
      double s = 0;
      for (int i = 0; i < outLen; i++) s += w[i] * out[i];
      return s;
    };
    double[] g = new double[count];
    double[] dh = switch (layer) {
      case "attention" -> att.backward(lin, p, att.forward(lin, p, h, batch, null), batch, w, g);
      case "gin", "gin-mean" -> gin.backward(lin, p, gin.forward(lin, p, h, batch), batch, w, g);
      default -> heads.backward(lin, p, heads.forward(lin, p, h, batch, new double[outLen]), batch, w, g);
    };
    int checked = check(loss, p, h, g, 0) + check(loss, p, h, dh, 1);
    assertTrue(checked > 20, "non-zero gradients checked: " + checked);
  }

  /** Central differences of {@code loss} in argument {@code which} (0 params, 1 inputs) against {@code grad}. */
  static int check(ToDoubleFunction<double[][]> loss, double[] p, double[] h, double[] grad, int which) {
    double[] x = which == 0 ? p : h;
    double eps = 1e-6;
    int checked = 0;
    for (int i = 0; i < x.length; i++) {
      double keep = x[i];
      x[i] = keep + eps;
      double up = loss.applyAsDouble(new double[][] {p, h});
      x[i] = keep - eps;
      double down = loss.applyAsDouble(new double[][] {p, h});
      x[i] = keep;
      double fd = (up - down) / (2 * eps);
      assertEquals(fd, grad[i], 1e-6 + 1e-5 * Math.abs(fd), (which == 0 ? "parameter " : "input ") + i);
      if (Math.abs(fd) > 1e-8) checked++;
    }
    return checked;
  }
}
