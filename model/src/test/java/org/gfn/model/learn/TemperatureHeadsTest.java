package org.gfn.model.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.gfn.envs.Environment;
import org.gfn.model.Fixtures;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The learner's side of Logit-GFN: finite-difference checks of the conditioned TB loss with
 * respect to the network outputs (through the logit scale), g(β)'s and log Z(β)'s parameters; the
 * layer mode's features; the β = 1 reduction to plain TB; save and restore.
 */
class TemperatureHeadsTest {
  private final Environment env = Fixtures.grid(2, 4);
  private final LearnerConfig cfg = new LearnerConfig(1e-2, 0.1, 0, 0, 0.3);

  private static TemperatureConditioning spec(TemperatureConditioning.Mode mode) {
    return TemperatureConditioning.initial(mode, TemperatureConditioning.Distribution.UNIFORM, 0.5, 3, 4,
        new double[] {1}, 7);
  }

  /** The fixture's trajectories, each at its own β in [0.5, 3]. */
  private List<Trajectory> batch(PolicyArchitecture arch) {
    List<Trajectory> out = new ArrayList<>();
    int i = 0;
    for (Trajectory t : Fixtures.trajectories(env, arch, 6, 11)) {
      out.add(new Trajectory(t.id(), t.seed(), 0, t.stateSize(), t.statesView(), t.actionsView(), t.logReward(),
          0, Trajectory.Origin.SAMPLED, 0.5 + 0.5 * i++));
    }
    return out;
  }

  /** A stand-in network whose outputs are a settable array (double precision end to end). */
  private static final class FixedOutputs implements PolicyModel {
    final PolicyArchitecture arch;
    double[] out;
    float[] lastFeatures;

    FixedOutputs(PolicyArchitecture arch) {
      this.arch = arch;
    }

    @Override public PolicyArchitecture architecture() { return arch; }
    @Override public double[] forward(float[] features, int rows) { lastFeatures = features; return out.clone(); }
    @Override public float[] params() { throw new UnsupportedOperationException(); }
    @Override public void setParams(float[] p) { throw new UnsupportedOperationException(); }
    @Override public void backward(double[] d) { throw new UnsupportedOperationException(); }
    @Override public double[] gradient() { throw new UnsupportedOperationException(); }
    @Override public double gradientNorm() { throw new UnsupportedOperationException(); }
    @Override public void scaleGradient(double f) { throw new UnsupportedOperationException(); }
    @Override public void applyUpdate(int i) { throw new UnsupportedOperationException(); }
    @Override public double[] updaterState() { throw new UnsupportedOperationException(); }
    @Override public void setUpdaterState(double[] s) { throw new UnsupportedOperationException(); }
  }

  private static void checkAgainstFiniteDifferences(double[] params, double[] analytic, DoubleSupplier loss, String what) {
    double h = 1e-6;
    int nonZero = 0;
    for (int k = 0; k < params.length; k++) {
      double keep = params[k];
      params[k] = keep + h;
      double up = loss.getAsDouble();
      params[k] = keep - h;
      double down = loss.getAsDouble();
      params[k] = keep;
      double fd = (up - down) / (2 * h);
      assertEquals(fd, analytic[k], 1e-6 + 1e-5 * Math.abs(fd), what + " parameter " + k);
      if (Math.abs(fd) > 1e-8) nonZero++;
    }
    assertTrue(nonZero > params.length / 2, what + ": the check must exercise non-zero gradients, " + nonZero);
  }

  @Test
  void logitScalingGradientsMatchFiniteDifferences() {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, false);
    List<Trajectory> batch = batch(arch);
    Objective.Prepared p = Objectives.byName("TB", 0.9).prepare(batch, env, arch);
    TemperatureHeads heads = new TemperatureHeads(spec(TemperatureConditioning.Mode.LOGIT_SCALING), cfg);
    Random rng = new Random(3);
    for (double[] fn : new double[][] {heads.scaleFunction().params(), heads.logZFunction().params()}) {
      for (int k = 0; k < fn.length; k++) fn[k] += 0.5 * rng.nextGaussian(); // away from g ≡ 1, log Z ≡ const
    }
    FixedOutputs net = new FixedOutputs(arch);
    net.out = new double[p.rows() * arch.outputWidth()];
    for (int i = 0; i < net.out.length; i++) net.out[i] = rng.nextGaussian();
    Objective.Result r = heads.evaluate(net, p, batch);
    double[] dOut = r.dOutputs().clone();
    double[] dScale = heads.scaleGradient().clone();
    double[] dLogZ = heads.logZGradient().clone();
    DoubleSupplier loss = () -> heads.evaluate(net, p, batch).loss();
    checkAgainstFiniteDifferences(net.out, dOut, loss, "network output");
    checkAgainstFiniteDifferences(heads.scaleFunction().params(), dScale, loss, "g(beta)");
    checkAgainstFiniteDifferences(heads.logZFunction().params(), dLogZ, loss, "log Z(beta)");
  }

  @Test
  void layerModeFeedsTheBetaEmbeddingAndItsGradientsMatch() {
    TemperatureConditioning spec = spec(TemperatureConditioning.Mode.LAYER);
    PolicyArchitecture base = Fixtures.arch(env, false, true, false);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize() + spec.extraFeatures(), base.numActions(),
        base.numBackwardActions(), 2, 16, "relu", false, true, false);
    List<Trajectory> batch = batch(base);
    Objective.Prepared p = Objectives.byName("TB", 0.9).prepare(batch, env, arch);
    TemperatureHeads heads = new TemperatureHeads(spec, cfg);
    FixedOutputs net = new FixedOutputs(arch);
    Random rng = new Random(4);
    double[] z = heads.logZFunction().params();
    for (int k = 0; k < z.length; k++) z[k] += 0.5 * rng.nextGaussian();
    net.out = new double[p.rows() * arch.outputWidth()];
    for (int i = 0; i < net.out.length; i++) net.out[i] = rng.nextGaussian();
    Objective.Result r = heads.evaluate(net, p, batch);
    int f = env.featureSize();
    int w = arch.featureSize();
    float[] embedding = new float[TemperatureConditioning.EMBEDDING];
    int[] starts = p.trajectoryStarts();
    for (int i = 0; i < batch.size(); i++) {
      spec.embed(batch.get(i).beta(), embedding, 0);
      for (int row = starts[i]; row < starts[i + 1]; row++) {
        for (int j = 0; j < f; j++) assertEquals(p.features()[row * f + j], net.lastFeatures[row * w + j]);
        for (int j = 0; j < embedding.length; j++) assertEquals(embedding[j], net.lastFeatures[row * w + f + j]);
      }
    }
    double[] dOut = r.dOutputs().clone();
    double[] dLogZ = heads.logZGradient().clone();
    DoubleSupplier loss = () -> heads.evaluate(net, p, batch).loss();
    checkAgainstFiniteDifferences(net.out, dOut, loss, "network output");
    checkAgainstFiniteDifferences(heads.logZFunction().params(), dLogZ, loss, "log Z(beta)");
  }

  @Test
  void atBetaOneAFreshConditionedLearnerTakesThePlainTrajectoryBalanceStep() {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, false);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 8, 2); // all at β = 1
    Learner plain = new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), 5, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
    Learner tempered = new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), 5, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env, spec(TemperatureConditioning.Mode.LOGIT_SCALING));
    assertEquals(plain.logZEstimate(), tempered.logZAt(1.0), 1e-12, "log Z(1) starts at the initial log Z");
    assertEquals(plain.step(batch).loss(), tempered.step(batch).loss(), 1e-6, "g(1) = 1 and log Z(1) = log Z");
    assertArrayEquals(plain.liveSnapshot().params(), tempered.liveSnapshot().params(), 1e-6f,
        "the same network update");
    assertThrows(IllegalArgumentException.class, () -> new Learner(cfg,
        new PolicyNetwork(arch, cfg.learningRate(), 5, DataType.FLOAT), Objectives.byName("DB", 0.9), env,
        spec(TemperatureConditioning.Mode.LOGIT_SCALING)));
  }

  @Test
  void saveRestoreKeepsTheTemperatureFunctions() throws IOException {
    PolicyArchitecture arch = Fixtures.arch(env, false, true, false);
    List<Trajectory> b = batch(arch);
    Learner a = new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), 5, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env, spec(TemperatureConditioning.Mode.LOGIT_SCALING));
    for (int i = 0; i < 4; i++) a.step(b);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.save(new DataOutputStream(bytes));
    Learner c = new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), 9, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env, spec(TemperatureConditioning.Mode.LOGIT_SCALING));
    c.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(a.logZAt(2.2), c.logZAt(2.2), 0.0);
    assertEquals(a.snapshot().temperature(), c.snapshot().temperature());
    assertEquals(a.step(b).loss(), c.step(b).loss(), 0.0);
    Learner plain = new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), 5, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
    IOException e = assertThrows(IOException.class,
        () -> plain.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertTrue(e.getMessage().contains("gfn.conditioning.temperature changed"), e.getMessage());
  }
}
