package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.gfn.model.config.ConfigLoader;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.ebgfn.EnergyBasedSettings;
import org.gfn.model.learn.LearningRateSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir File dir;

  private static String failure(String hocon) {
    return assertThrows(SettingsException.class, () -> Settings.load(ConfigFactory.parseString(hocon))).getMessage();
  }

  @Test
  void defaultsAreTheTorchgfnBaseline() {
    Settings s = Settings.load(ConfigFactory.empty());
    assertEquals("tb", s.objective());
    assertEquals(256, s.policy().width());
    assertEquals(16, s.train().batchSize());
    assertEquals(1e-3, s.learner().learningRate());
    assertEquals(0.1, s.learner().logZLearningRate());
  }

  @Test
  void cosineScheduleDecaysOverTheRunByDefault() {
    assertEquals(LearningRateSchedule.CONSTANT, Settings.load(ConfigFactory.empty()).learner().schedule());
    LearningRateSchedule c = Settings.load(ConfigFactory.parseString(
        "gfn.learner { schedule = cosine, final-lr-fraction = 0.2 }, gfn.train { batch-size = 10, trajectories = 1000 }"))
        .learner().schedule();
    assertEquals(100, c.decaySteps());
    assertEquals(1.0, c.multiplier(0), 1e-12);
    assertEquals(0.6, c.multiplier(50), 1e-12);
    assertEquals(0.2, c.multiplier(100), 1e-12);
    assertEquals(0.2, c.multiplier(5000), 1e-12);
    assertTrue(c.multiplier(30) > c.multiplier(31));
    assertEquals(7, Settings.load(ConfigFactory.parseString("gfn.learner { schedule = cosine, decay-steps = 7 }"))
        .learner().schedule().decaySteps());
    assertTrue(failure("gfn.learner.final-lr-fraction = 0").contains("gfn.learner.final-lr-fraction"));
    assertTrue(failure("gfn.learner.schedule = linear").contains("cosine"));
  }

  @Test
  void energyBasedModeNeedsTheIsingEnvironment() {
    assertFalse(EnergyBasedSettings.read(Settings.load(ConfigFactory.empty())).enabled());
    String m = assertThrows(SettingsException.class, () -> EnergyBasedSettings.read(Settings.load(
        ConfigFactory.parseString("gfn.ebgfn.enabled = true")))).getMessage();
    assertTrue(m.contains("gfn.env.type = ising"), m);
    String range = assertThrows(SettingsException.class, () -> EnergyBasedSettings.read(Settings.load(
        ConfigFactory.parseString("gfn.ebgfn.gibbs-thin = 0")))).getMessage();
    assertTrue(range.contains("gfn.ebgfn.gibbs-thin"), range);
  }

  @Test
  void localSearchIsOffByDefaultAndNeedsWholeGroupsPerBatch() {
    assertFalse(Settings.load(ConfigFactory.empty()).train().localSearch().enabled());
    var on = Settings.load(ConfigFactory.parseString(
        "gfn.explore.local-search { enabled = true, revisions = 3, backtrack-steps = 2, accept = metropolis }"));
    assertEquals(new org.gfn.model.rollout.LocalSearch(2, 3, org.gfn.model.rollout.LocalSearch.Accept.METROPOLIS),
        on.train().localSearch());
    String m = failure("gfn.explore.local-search { enabled = true, revisions = 2 }");
    assertTrue(m.contains("gfn.train.batch-size = 16") && m.contains("multiple of 1 + gfn.explore.local-search.revisions = 3"), m);
    assertTrue(failure("gfn.explore.local-search { enabled = true, accept = best }").contains("gfn.explore.local-search.accept"));
    assertTrue(failure("gfn.explore.local-search { enabled = true, revisions = 0 }").contains("gfn.explore.local-search.revisions"));
  }

  @Test
  void temperatureConditioningIsOffByDefaultAndRefusesWhatItCannotTrain() {
    assertEquals(null, Settings.load(ConfigFactory.empty()).temperature());
    var on = Settings.load(ConfigFactory.parseString("gfn.conditioning.temperature { enabled = true, mode = layer, "
        + "distribution = log-uniform, min = 0.5, max = 4, hidden = 8, eval-betas = [0.5, 4] }")).temperature();
    assertEquals(org.gfn.model.policy.TemperatureConditioning.Mode.LAYER, on.mode());
    assertEquals(org.gfn.model.policy.TemperatureConditioning.Distribution.LOG_UNIFORM, on.distribution());
    assertEquals(0.5, on.min());
    assertEquals(4.0, on.max());
    assertEquals(8, on.extraFeatures());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, 4}, on.evalBetas());
    String t = "gfn.conditioning.temperature.enabled = true\n";
    assertTrue(failure(t + "gfn.objective.name = DB").contains("set gfn.objective.name = TB"));
    assertTrue(failure(t + "gfn.explore.local-search.enabled = true").contains("cannot be combined"));
    assertTrue(failure(t + "gfn.conditioning.temperature { min = 3, max = 2 }").contains("must be >= gfn.conditioning.temperature.min"));
    assertTrue(failure(t + "gfn.conditioning.temperature.min = 0").contains("gfn.conditioning.temperature.min"));
    assertTrue(failure(t + "gfn.conditioning.temperature.mode = film").contains("logit-scaling, layer"));
    assertTrue(failure(t + "gfn.conditioning.temperature.eval-betas = []").contains("gfn.conditioning.temperature.eval-betas"));
    assertTrue(failure(t + "gfn.conditioning.temperature.eval-betas = [1, -2]").contains("eval-betas"));
  }

  @Test
  void theVariationalBaselinesAreObjectivesThatRefuseLocalSearch() {
    assertEquals("rkl", Settings.load(ConfigFactory.parseString("gfn.objective.name = RKL")).objective());
    assertEquals("fkl", Settings.load(ConfigFactory.parseString("gfn.objective.name = fkl")).objective());
    String m = failure("gfn.objective.name = RKL\ngfn.explore.local-search.enabled = true");
    assertTrue(m.contains("behaviour log-probability") && m.contains("gfn.explore.local-search"), m);
  }

  @Test
  void quantileMatchingReadsItsQuantilesAndRefusesWhatItCannotTrain() {
    assertEquals(null, Settings.load(ConfigFactory.parseString("gfn.objective.name = TB")).quantiles());
    org.gfn.model.policy.QuantileFlows q = Settings.load(ConfigFactory.parseString(
        "gfn.objective.name = QM\ngfn.objective.qm { quantiles = 4, distortion = cvar, eta = 0.5 }")).quantiles();
    assertEquals(new org.gfn.model.policy.QuantileFlows(4, org.gfn.model.policy.QuantileFlows.Distortion.CVAR, 0.5, 1.0), q);
    String m = failure("gfn.objective.name = QM\ngfn.objective.qm { distortion = cvar, eta = 1.5 }");
    assertTrue(m.contains("gfn.objective.qm.eta"), m);
    m = failure("gfn.objective.name = QM\ngfn.objective.qm.quantiles = 0");
    assertTrue(m.contains("gfn.objective.qm.quantiles"), m);
    m = failure("gfn.env.type = phylo\ngfn.policy.type = set\ngfn.objective.name = QM");
    assertTrue(m.contains("QM needs gfn.policy.type = mlp"), m);
    m = failure("gfn.env.type = phylo\ngfn.policy { type = set, aggregation = mean }");
    assertTrue(m.contains("gfn.policy.aggregation = mean is for graph policies"), m);
    assertTrue(failure("gfn.policy.aggregation = max").contains("gfn.policy.aggregation"));
    m = failure("gfn.policy.flow-readout = sum");
    assertTrue(m.contains("gfn.policy.flow-readout = sum and flow-trunk = separate are for set and graph policies"), m);
    assertTrue(failure("gfn.policy.flow-trunk = separate").contains("are for set and graph policies"));
    m = failure("gfn.env.type = phylo\ngfn.policy { type = set, flow-trunk = separate }\ngfn.objective.name = TB");
    assertTrue(m.contains("gfn.policy.flow-trunk = separate builds a trunk for log F, which TB does not read"), m);
    m = failure("gfn.env.hypergrid.reward-noise = 0.5\ngfn.explore.local-search.enabled = true");
    assertTrue(m.contains("reward-noise") && m.contains("local-search"), m);
    assertTrue(failure("gfn.env.hypergrid.reward-noise = -1").contains("gfn.env.hypergrid.reward-noise"));
  }

  @Test
  void unknownKeysAreTypos() {
    String m = failure("gfn.train.batch-sise = 32");
    assertTrue(m.contains("gfn.train.batch-sise"), m);
  }

  @Test
  void wrongTypesNameTheKey() {
    String m = failure("gfn.policy.width = wide");
    assertTrue(m.contains("gfn.policy.width") && m.contains("wrong type"), m);
  }

  @Test
  void outOfRangeValuesNameTheKeyAndTheRange() {
    String m = failure("gfn.sampler.epsilon = 1.5");
    assertTrue(m.contains("gfn.sampler.epsilon") && m.contains("[0.0, 1.0]"), m);
    assertTrue(failure("gfn.env.hypergrid.r0 = 0").contains("gfn.env.hypergrid.r0"));
    assertTrue(failure("gfn.objective.name = PPO").contains("TB, DB"));
    assertTrue(failure("gfn.train.trajectories = 3").contains("gfn.train.trajectories"));
  }

  @Test
  void filesAndOverridesCompose() throws Exception {
    File f = new File(dir, "p.conf");
    Files.writeString(f.toPath(), "gfn { objective.name = DB, train.batch-size = 8 }");
    Settings s = Settings.load(ConfigLoader.load(f, List.of("train.batch-size=4", "gfn.policy.width=32")));
    assertEquals("db", s.objective());
    assertEquals(4, s.train().batchSize());
    assertEquals(32, s.policy().width());
  }

  @Test
  void malformedOrMissingFilesAreNamed() throws Exception {
    File bad = new File(dir, "bad.conf");
    Files.writeString(bad.toPath(), "gfn { objective { name = TB ");
    String m = assertThrows(SettingsException.class, () -> ConfigLoader.load(bad, List.of())).getMessage();
    assertTrue(m.contains("bad.conf") && m.contains("malformed"), m);
    File none = new File(dir, "none.conf");
    assertTrue(assertThrows(SettingsException.class, () -> ConfigLoader.load(none, List.of())).getMessage().contains("does not exist"));
    assertThrows(SettingsException.class, () -> ConfigLoader.load(null, List.of("nonsense")));
    assertEquals("a.B$C", ConfigLoader.load(null, List.of("env.reward-class=a.B$C")).getString("gfn.env.reward-class"));
  }
}
