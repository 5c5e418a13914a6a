package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.learn.LearningRateSchedule;
import org.gfn.model.learn.StepMetrics;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyNetwork;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class LearnerTest {
  private final Environment env = Fixtures.grid(2, 4);
  private final PolicyArchitecture arch = Fixtures.arch(env, false, true, true);
  private final LearnerConfig cfg = new LearnerConfig(1e-2, 0.1, 10, 0.9, 0);

  private Learner learner(long seed) {
    return new Learner(cfg, new PolicyNetwork(arch, cfg.learningRate(), seed, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
  }

  @Test
  void saveRestoreResumesBitForBit() throws Exception {
    List<Trajectory> b1 = Fixtures.trajectories(env, arch, 8, 1);
    List<Trajectory> b2 = Fixtures.trajectories(env, arch, 8, 2);
    Learner a = learner(1);
    for (int i = 0; i < 5; i++) a.step(b1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.save(new DataOutputStream(bytes));
    Learner b = learner(99); // different init: everything must come from the saved state
    b.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(a.steps(), b.steps());
    StepMetrics ma = a.step(b2);
    StepMetrics mb = b.step(b2);
    assertEquals(ma.loss(), mb.loss(), 0.0);
    assertEquals(a.logZ(), b.logZ(), 0.0);
    assertArrayEquals(a.snapshot().params(), b.snapshot().params());
    assertArrayEquals(a.liveSnapshot().params(), b.liveSnapshot().params());
  }

  /** Largest absolute parameter change and log Z change of the step after {@code warm} steps. */
  private static double[] updateAfter(LearnerConfig c, int warm, List<Trajectory> batch) {
    Learner l = new Learner(c, new PolicyNetwork(Fixtures.arch(Fixtures.grid(2, 4), false, true, true),
        c.learningRate(), c.schedule()::multiplier, 5, DataType.FLOAT), Objectives.byName("TB", 0.9), Fixtures.grid(2, 4));
    for (int i = 0; i < warm; i++) l.step(batch);
    float[] before = l.liveSnapshot().params();
    double z = l.logZ();
    l.step(batch);
    float[] after = l.liveSnapshot().params();
    double max = 0;
    for (int i = 0; i < before.length; i++) max = Math.max(max, Math.abs(after[i] - before[i]));
    return new double[] {max, Math.abs(l.logZ() - z)};
  }

  @Test
  void theScheduleScalesBothAdamSteps() {
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 8, 4);
    LearnerConfig constant = new LearnerConfig(1e-2, 0.1, 0, 0, 0);
    LearnerConfig decayed = new LearnerConfig(1e-2, 0.1, 0, 0, 0, LearningRateSchedule.cosine(3, 0.01));
    double[] c = updateAfter(constant, 3, batch);
    double[] d = updateAfter(decayed, 3, batch); // past the horizon: 1 % of the step size
    assertEquals(0.01, d[0] / c[0], 1e-3);
    assertEquals(0.01, d[1] / c[1], 1e-3);
  }

  @Test
  void stepsReduceTheLossOnAFixedBatch() {
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 16, 3);
    Learner l = learner(3);
    double first = l.step(batch).loss();
    double last = first;
    for (int i = 0; i < 100; i++) last = l.step(batch).loss();
    assertEquals(101, l.steps());
    assertNotEquals(0.0, l.logZ());
    org.junit.jupiter.api.Assertions.assertTrue(last < 0.1 * first, first + " -> " + last);
  }

  @Test
  void restoreRefusesAnotherArchitecture() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    learner(1).save(new DataOutputStream(bytes));
    PolicyArchitecture wider = new PolicyArchitecture(arch.featureSize(), arch.numActions(),
        arch.numBackwardActions(), 2, 32, "relu", false, true, true);
    Learner other = new Learner(cfg, new PolicyNetwork(wider, 1e-3, 1, DataType.FLOAT), Objectives.byName("TB", 0.9), env);
    assertThrows(java.io.IOException.class,
        () -> other.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }
}
