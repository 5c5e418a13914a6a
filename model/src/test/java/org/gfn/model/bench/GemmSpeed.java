package org.gfn.model.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dev tool: ND4J's single-precision GEMM speed (best of 5 timings, GFLOP/s) at the learner's shapes
 * (rows × inputs × outputs): run it with and without {@code OPENBLAS_CORETYPE} to see which OpenBLAS
 * kernels this CPU gets (deploy/openblas-env.sh).
 */
public class GemmSpeed {
  public static void main(String[] args) {
    int[][] shapes = {{81, 256, 256}, {1215, 256, 256}, {1215, 33, 256}, {2500, 3741, 32}};
    for (int[] s : shapes) {
      INDArray x = Nd4j.rand(DataType.FLOAT, s[0], s[1]);
      INDArray w = Nd4j.rand(DataType.FLOAT, s[2], s[1]);
      INDArray out = Nd4j.create(DataType.FLOAT, s[0], s[2]);
      double flop = 2.0 * s[0] * s[1] * s[2];
      int reps = (int) Math.max(20, 2e9 / flop);
      double best = 0;
      for (int t = 0; t < 6; t++) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) Nd4j.gemm(x, w, out, false, true, 1.0, 0.0);
        if (t > 0) best = Math.max(best, flop * reps / (System.nanoTime() - t0));
      }
      System.out.printf("%d x %d x %d: %.1f GFLOP/s%n", s[0], s[1], s[2], best);
    }
  }
}
