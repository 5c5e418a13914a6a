package org.gfn.model.policy;

import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dev tool: the costs behind docs/benchmarks.md's learner changes, one per fresh JVM (arg):
 * {@code adam-subnormal} (Adam over 76,000 parameters, half of the gradients 0 from step 200, per
 * 500 steps, with and without the periodic flush), {@code gemm-cold nd4j|direct} (a step's 9
 * products over the first repetitions of a fresh JVM), {@code norm} (the gradient norm, one running
 * sum against eight), {@code loops-cold} (a trained-length step's ReLU, ReLU derivative and Adam
 * loops over the first repetitions of a fresh JVM).
 */
public class LoopCosts {
  public static void main(String[] a) {
    switch (a[0]) {
      case "adam-subnormal" -> {
        adamSubnormal(false);
        adamSubnormal(true);
      }
      case "gemm-cold" -> gemmCold(a[1].equals("direct"));
      case "norm" -> norm();
      case "loops-cold" -> loopsCold();
      default -> throw new IllegalArgumentException("adam-subnormal | gemm-cold nd4j|direct | norm | loops-cold");
    }
  }

  /** Adam's arrays over the learner's 76,000 parameters: gradients ~ N(0, 0.01²), the rest 0. */
  private record AdamArrays(float[] p, float[] g, float[] m, float[] v) {
    static AdamArrays of(Random r) {
      int n = 76_000;
      return new AdamArrays(new float[n], gaussian(r, n, 1e-2f), new float[n], new float[n]);
    }

    void step() {
      MlpLoops.adam(p, g, m, v, 0.9f, 0.999f, 1e-8f, 1e-3f);
    }
  }

  private static float[] gaussian(Random r, int n, float scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian() * scale;
    return x;
  }

  private static void adamSubnormal(boolean flush) {
    AdamArrays a = AdamArrays.of(new Random(1));
    float[] g = a.g();
    float[] m = a.m();
    long blockNanos = 0;
    for (int t = 0; t < 3200; t++) {
      if (t == 200) {
        for (int i = 1; i < g.length; i += 2) g[i] = 0f;
      }
      long t0 = System.nanoTime();
      a.step();
      if (flush && t % MlpLoops.FLUSH_EVERY == 0) MlpLoops.flushTinyMoments(m, a.v());
      blockNanos += System.nanoTime() - t0;
      if (t % 500 == 199) {
        int subnormal = 0;
        for (float x : m) subnormal += x != 0 && Math.abs(x) < Float.MIN_NORMAL ? 1 : 0;
        System.out.printf("flush %s, steps to %d: %.1f us per step, %d subnormal first moments at the end%n", flush, t,
            blockNanos / 1e3 / (t < 500 ? 200 : 500), subnormal);
        blockNanos = 0;
      }
    }
  }

  private static void gemmCold(boolean direct) {
    int rows = 277;
    int[][] shapes = {{257, 256}, {257, 19}, {33, 256}}; // inputs with the ones column, outputs
    INDArray[][] x = new INDArray[3][3];
    FloatPointer[][] px = new FloatPointer[3][3];
    for (int k = 0; k < 3; k++) {
      x[k][0] = Nd4j.rand(DataType.FLOAT, rows, shapes[k][0]);
      x[k][1] = Nd4j.rand(DataType.FLOAT, shapes[k][1], shapes[k][0]);
      x[k][2] = Nd4j.create(DataType.FLOAT, rows, shapes[k][1]);
      for (int j = 0; j < 3; j++) px[k][j] = DirectGemm.pointer(x[k][j], 0);
    }
    long t0 = System.nanoTime();
    for (int i = 1; i <= 400; i++) {
      for (int k = 0; k < 3; k++) {
        for (int rep = 0; rep < 3; rep++) {
          if (direct) {
            DirectGemm.gemm(x[k][0], px[k][0], false, x[k][1], px[k][1], true, x[k][2], px[k][2]);
          } else {
            Nd4j.gemm(x[k][0], x[k][1], x[k][2], false, true, 1.0, 0.0);
          }
        }
      }
      if (i == 1 || i == 50 || i == 200 || i == 400) {
        System.out.printf("%s, %d repetitions of 9 products: %.0f ms%n", direct ? "direct" : "Nd4j.gemm", i,
            (System.nanoTime() - t0) / 1e6);
      }
    }
  }

  private static void loopsCold() {
    Random r = new Random(1);
    AdamArrays adam = AdamArrays.of(r);
    float[] y = gaussian(r, 277 * 256, 1f);
    float[] act = new float[277 * 257];
    float[] out = new float[277 * 256];
    long t0 = System.nanoTime();
    for (int i = 1; i <= 400; i++) {
      adam.step();
      MlpLoops.activate(Activation.RELU, y, 277, 256, act);
      MlpLoops.backpropagate(Activation.RELU, act, act, 277, 256, out);
      if (i == 1 || i == 50 || i == 200 || i == 400) {
        System.out.printf("%d repetitions: %.0f ms%n", i, (System.nanoTime() - t0) / 1e6);
      }
    }
  }

  private static void norm() {
    float[] g = gaussian(new Random(1), 76_000, 1f);
    double sink = 0;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 3000; i++) sink += MlpLoops.sumOfSquares(g);
      long t1 = System.nanoTime();
      for (int i = 0; i < 3000; i++) {
        double s = 0;
        for (float f : g) s += (double) f * f;
        sink += s;
      }
      System.out.printf("eight sums %.1f us, one sum %.1f us%n", (t1 - t0) / 3000e3, (System.nanoTime() - t1) / 3000e3);
    }
    if (sink == 42) System.out.println(sink);
  }
}
