package org.gfn.model.learn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.gfn.model.objectives.Objective;
import org.gfn.model.policy.BetaFunction;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.replay.Trajectory;

/**
 * The learner's part of a temperature-conditional policy (Logit-GFN): the learned log Z(β) and, in
 * logit-scaling mode, g(β) (both {@link BetaFunction}s with their own Adam), and one conditioned
 * evaluation of a minibatch: rows get their trajectory's β (as input features in layer mode, as a
 * factor g(β) on the P_F logits in logit-scaling mode), each trajectory its log Z(β), and the
 * objective's gradients are chained back to the network, g and log Z(β). Not thread-safe.
 */
final class TemperatureHeads {
  private final TemperatureConditioning spec;
  private final BetaFunction scale; // null in layer mode
  private final BetaFunction logZ;
  private final VectorAdam scaleAdam;
  private final VectorAdam logZAdam;
  private final double[] scaleGrad;
  private final double[] logZGrad;

  TemperatureHeads(TemperatureConditioning spec, LearnerConfig config) {
    this.spec = spec;
    this.scale = spec.mode() == TemperatureConditioning.Mode.LOGIT_SCALING ? spec.scaleFunction() : null;
    this.logZ = new BetaFunction(spec.hidden(), spec.min(), spec.max(),
        BetaFunction.initialParams(spec.hidden(), config.initialLogZ(), 0x10e2L));
    this.scaleAdam = scale == null ? null : new VectorAdam(config.learningRate(), scale.params().length);
    // The skips and bias of log Z(β) (its last parameters) move at log Z's step size, its tanh
    // units at the network's: all at log Z's rate makes log Z(β) jitter by tenths of a nat.
    this.logZAdam = new VectorAdam(config.learningRate(), logZ.params().length, BetaFunction.SKIP,
        config.logZLearningRate());
    this.scaleGrad = scale == null ? null : new double[scale.params().length];
    this.logZGrad = new double[logZ.params().length];
  }

  /** The conditioning with the current g, for snapshots. */
  TemperatureConditioning conditioning() {
    return scale == null ? spec : spec.withScale(scale.params());
  }

  double logZ(double beta) {
    return logZ.value(beta);
  }

  /** g(β), 1 in layer mode. */
  double logitScale(double beta) {
    return scale == null ? 1.0 : BetaFunction.softplus(scale.value(beta));
  }

  /** The conditioned loss and gradients of one prepared minibatch, network gradients backpropagated. */
  Objective.Result evaluate(PolicyModel network, Objective.Prepared p, List<Trajectory> batch) {
    int[] starts = p.trajectoryStarts();
    if (starts == null) throw new IllegalStateException("temperature conditioning needs an objective over whole trajectories");
    int n = batch.size();
    double[] betas = new double[n];
    for (int i = 0; i < n; i++) betas[i] = batch.get(i).beta();
    PolicyArchitecture arch = network.architecture();
    double[] out = network.forward(features(p, starts, betas, arch.featureSize()), p.rows());
    double[] g = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = logitScale(betas[i]);
      z[i] = logZ.value(betas[i]);
    }
    double[] scaled = scale == null ? out : scaleLogits(out.clone(), starts, g, arch);
    Objective.Result r = p.compute(scaled, z);
    Arrays.fill(logZGrad, 0);
    for (int i = 0; i < n; i++) logZ.accumulateGradient(betas[i], r.dLogZs()[i], logZGrad);
    double[] dOut = r.dOutputs();
    if (scale != null) {
      Arrays.fill(scaleGrad, 0);
      int w = arch.outputWidth();
      int fo = arch.forwardOffset();
      for (int i = 0; i < n; i++) {
        double dg = 0;
        for (int row = starts[i]; row < starts[i + 1]; row++) {
          for (int j = 0; j < arch.numActions(); j++) dg += out[row * w + fo + j] * dOut[row * w + fo + j];
        }
        scale.accumulateGradient(betas[i], dg * BetaFunction.sigmoid(scale.value(betas[i])), scaleGrad);
      }
      scaleLogits(dOut, starts, g, arch); // d/dlogits = g · d/d(scaled logits)
    }
    return r;
  }

  /** Multiplies each row's P_F slice by its trajectory's g, in place. */
  private static double[] scaleLogits(double[] a, int[] starts, double[] g, PolicyArchitecture arch) {
    int w = arch.outputWidth();
    int fo = arch.forwardOffset();
    for (int i = 0; i < g.length; i++) {
      for (int row = starts[i]; row < starts[i + 1]; row++) {
        for (int j = 0; j < arch.numActions(); j++) a[row * w + fo + j] *= g[i];
      }
    }
    return a;
  }

  /** The rows' features, with the β embedding appended in layer mode. */
  private float[] features(Objective.Prepared p, int[] starts, double[] betas, int width) {
    float[] base = p.features();
    int e = spec.extraFeatures();
    if (e == 0) return base;
    int f = width - e;
    float[] x = new float[p.rows() * width];
    for (int i = 0; i < betas.length; i++) {
      for (int row = starts[i]; row < starts[i + 1]; row++) {
        System.arraycopy(base, row * f, x, row * width, f);
        spec.embed(betas[i], x, row * width + f);
      }
    }
    return x;
  }

  /** The gradients of the last {@link #evaluate}: g's (null in layer mode), then log Z(β)'s. */
  double[] scaleGradient() {
    return scaleGrad;
  }

  double[] logZGradient() {
    return logZGrad;
  }

  BetaFunction scaleFunction() {
    return scale;
  }

  BetaFunction logZFunction() {
    return logZ;
  }

  /** Adam on g and log Z(β) with the gradients of the last {@link #evaluate}. */
  void update(double multiplier) {
    if (scale != null) scaleAdam.step(scale.params(), scaleGrad, multiplier);
    logZAdam.step(logZ.params(), logZGrad, multiplier);
  }

  void save(DataOutputStream out) throws IOException {
    for (BetaFunction fn : new BetaFunction[] {scale, logZ}) {
      if (fn == null) continue;
      VectorAdam a = fn == scale ? scaleAdam : logZAdam;
      writeDoubles(out, fn.params());
      writeDoubles(out, a.m);
      writeDoubles(out, a.v);
      out.writeLong(a.t);
    }
  }

  void restore(DataInputStream in) throws IOException {
    for (BetaFunction fn : new BetaFunction[] {scale, logZ}) {
      if (fn == null) continue;
      VectorAdam a = fn == scale ? scaleAdam : logZAdam;
      readDoubles(in, fn.params());
      readDoubles(in, a.m);
      readDoubles(in, a.v);
      a.t = in.readLong();
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double d : a) out.writeDouble(d);
  }

  private static void readDoubles(DataInputStream in, double[] into) throws IOException {
    int n = in.readInt();
    if (n != into.length) {
      throw new IOException("saved temperature function has " + n + " parameters, this one " + into.length
          + ": gfn.conditioning.temperature changed");
    }
    for (int i = 0; i < n; i++) into[i] = in.readDouble();
  }
}
