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
