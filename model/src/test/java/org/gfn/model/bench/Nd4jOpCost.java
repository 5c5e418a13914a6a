package org.gfn.model.bench;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Dev tool: what single ND4J ops cost here (best of 5 timings of 200 calls, µs per call), the
 * reason {@code Nd4jMlp} keeps only its GEMMs in ND4J. Args: rows [parameters] (default 81 and
 * 76,000: a batch-16 HyperGrid step of the 2×256 shared-trunk MLP).
 */
public class Nd4jOpCost {
  private interface Op {
    void run();
  }

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 81;
    int params = args.length > 1 ? Integer.parseInt(args[1]) : 76_000;
    INDArray tiny = Nd4j.rand(DataType.FLOAT, 4, 4);
    INDArray h = Nd4j.rand(DataType.FLOAT, rows, 256).subi(0.5);
    INDArray z = h.dup();
    IActivation relu = org.nd4j.linalg.activations.Activation.RELU.getActivationFunction();
    INDArray g = Nd4j.rand(DataType.FLOAT, 1, params);
    GradientUpdater<?> adam = new Adam(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * params), true);
    time("4 x 4 in-place addi", () -> tiny.addi(1.0));
    time("ReLU derivative, " + rows + " x 256", () -> relu.backprop(z.assign(h), h));
    time("Adam op, " + params + " parameters", () -> adam.applyUpdater(g, 3, 0));
  }

  private static void time(String name, Op op) {
    for (int i = 0; i < 200; i++) op.run();
    long best = Long.MAX_VALUE;
    for (int t = 0; t < 5; t++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) op.run();
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf("%-36s %8.1f us%n", name, best / 200 / 1e3);
  }
}
