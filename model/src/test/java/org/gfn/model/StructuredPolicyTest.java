package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import com.typesafe.config.ConfigFactory;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.model.config.Settings;
import org.gfn.model.config.SettingsException;
import org.gfn.model.learn.Learner;
import org.gfn.model.learn.LearnerConfig;
import org.gfn.model.learn.LearningRateSchedule;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.Objectives;
import org.gfn.model.policy.EntityStructure;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.model.policy.StructuredNetwork;
import org.gfn.model.train.Components;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The set policy as a whole: its parameter gradient under TB and FL-DB against finite differences
 * (double), the executors' plain-Java forward against the DL4J learner's (1e-5), and permutation
 * equivariance of the set and graph policies.
 */
class StructuredPolicyTest {

  static PhyloForest phylo(int taxa, int sites, long seed) {
    return new PhyloForest(alignment(taxa, sites, seed), 10, 2);
  }

  /** A parsimony forest, or ("bayes") the Bayesian forest with 3 branch-length steps. */
  static Environment forest(String kind, int taxa, int sites, long seed) {
    return kind.equals("bayes") ? new PhyloBayesSteps(alignment(taxa, sites, seed), 3, 0.05, 10) : phylo(taxa, sites, seed);
  }

  static Alignment alignment(int taxa, int sites, long seed) {
    Random rng = new Random(seed);
    List<String> names = new ArrayList<>();
    List<String> seqs = new ArrayList<>();
    for (int t = 0; t < taxa; t++) {
      names.add("t" + t);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sites; s++) sb.append("ACGT-".charAt(rng.nextInt(5)));
      seqs.add(sb.toString());
    }
    return Alignment.of(names, seqs);
  }

  static PolicyArchitecture setArch(Environment env, String activation, int layers) {
    return setArch(env, activation, layers, 8);
  }

  static PolicyArchitecture setArch(Environment env, String activation, int layers, int width) {
    return new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(), 2, width,
        activation, false, true, true, new EntityStructure("set", env.entityLayout(), layers, 2));
  }

  @ParameterizedTest
  @CsvSource({"TB,parsimony", "FLDB,parsimony", "TB,bayes", "FLDB,bayes"})
  void wholePolicyGradientMatchesFiniteDifferences(String objective, String kind) {
    Environment env = forest(kind, 5, 6, 1);
    assertTrue(wholeGradientChecks(env, setArch(env, "tanh", 2), objective) > 100);
  }

  /** Checks every 3rd mixer and 7th encoder parameter's gradient against finite differences; returns how many were non-zero. */
  private static int wholeGradientChecks(Environment env, PolicyArchitecture arch, String objective) {
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 3, DataType.DOUBLE);
    Objective obj = Objectives.byName(objective, 0.9);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 4, 7);
    Objective.Prepared p = obj.prepare(batch, env, arch);
    net.backward(p.compute(net.forward(p.features(), p.rows()), 0.3).dOutputs());
    double[] g = net.gradient();
    double[] base = net.exactParams();
    double h = 1e-6;
    int checked = 0;
    int encoder = arch.encoderParams();
    for (int i = 0; i < base.length; i += (i < encoder ? 7 : 3)) {
      double[] x = base.clone();
      x[i] = base[i] + h;
      net.setParams(x);
      double up = p.compute(net.forward(p.features(), p.rows()), 0.3).loss();
      x[i] = base[i] - h;
      net.setParams(x);
      double down = p.compute(net.forward(p.features(), p.rows()), 0.3).loss();
      double fd = (up - down) / (2 * h);
      assertEquals(fd, g[i], 1e-6 + 1e-4 * Math.abs(fd), objective + " parameter " + i + (i < encoder ? " (encoder)" : ""));
      if (Math.abs(fd) > 1e-7) checked++;
    }
    net.setParams(base);
    return checked;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mean", "sum"})
  void aSeparateFlowTrunkFeedsLogFAloneAndItsGradientMatchesFiniteDifferences(String readout) {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = mis, graph { instance = er, nodes = 9, edge-probability = 0.4, seed = 3 } }
        gfn.policy { type = graph, width = 6, mix-layers = 2, activation = tanh, flow-trunk = separate, flow-readout = %s }
        gfn.objective.name = FLDB
        """.formatted(readout)));
    Environment env = Components.task(s).env();
    PolicyArchitecture arch = Components.architecture(s, env, Components.objective(s));
    assertTrue(arch.structure().separateFlow());
    assertTrue(wholeGradientChecks(env, arch, "FLDB") > 40);
    // parameters: encoder, the policy's trunk, then the flow's trunk of the same size
    int enc = arch.encoderParams();
    int trunk = (arch.paramCount() - enc) / 2;
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 5, DataType.DOUBLE);
    double[] p = net.exactParams();
    Random rng = new Random(2);
    for (int i = 0; i < p.length; i++) p[i] += 0.1 * rng.nextGaussian(); // the summed readout starts at w_F = 0
    net.setParams(p);
    float[] x = new float[env.featureSize()];
    env.encode(env.initialState(), x, 0);
    double[] base = net.forward(x, 1);
    p[enc + 1] += 0.5; // the policy trunk's first block
    net.setParams(p);
    double[] policyMoved = net.forward(x, 1);
    p[enc + 1] -= 0.5;
    p[enc + trunk + 1] += 0.5; // the flow trunk's first block
    net.setParams(p);
    double[] flowMoved = net.forward(x, 1);
    int f = arch.flowOffset();
    assertEquals(base[f], policyMoved[f], 1e-12, "log F must not read the policy's blocks");
    assertTrue(Math.abs(base[f] - flowMoved[f]) > 1e-6, "log F must read the flow trunk");
    double logits = 0;
    for (int a = 0; a < arch.numActions(); a++) {
      assertEquals(base[a], flowMoved[a], 1e-12, "the logits must not read the flow trunk");
      logits += Math.abs(base[a] - policyMoved[a]);
    }
    assertTrue(logits > 1e-6, "the logits must read the policy trunk");
    PolicyEvaluator ev = net.snapshot(0).evaluator();
    float[] out = new float[arch.outputWidth()];
    ev.evaluate(x, 1, out);
    for (int k = 0; k < out.length; k++) assertEquals(flowMoved[k], out[k], 1e-5, "executor output " + k);
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsimony", "bayes"})
  void executorForwardMatchesTheLearnersNetwork(String kind) {
    Environment env = forest(kind, 6, 20, 2);
    PolicyArchitecture arch = setArch(env, "relu", 2, 32); // wide enough for the learner's BLAS path
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 5, DataType.FLOAT);
    Objective.Prepared p = Objectives.byName("TB", 0.9).prepare(Fixtures.trajectories(env, arch, 6, 3), env, arch);
    double[] expected = net.forward(p.features(), p.rows());
    PolicyEvaluator ev = net.snapshot(0).evaluator();
    float[] out = new float[expected.length];
    ev.evaluate(p.features(), p.rows(), out);
    double max = 0;
    for (int i = 0; i < out.length; i++) max = Math.max(max, Math.abs(out[i] - expected[i]));
    assertTrue(max < 1e-5, "max |plain Java − DL4J| = " + max);
    float[] again = new float[out.length];
    ev.evaluate(p.features(), p.rows(), again); // every entity now served from the cache
    for (int i = 0; i < out.length; i++) assertEquals(out[i], again[i], 0f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsimony", "bayes"})
  void theKeyedStatePathMatchesTheFeaturePath(String kind) {
    Environment env = forest(kind, 7, 30, 6);
    PolicyArchitecture arch = setArch(env, "relu", 2, 16);
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 8, DataType.FLOAT);
    List<int[]> states = new ArrayList<>();
    for (Trajectory t : Fixtures.trajectories(env, arch, 5, 9)) {
      for (int k = 0; k <= t.length(); k++) states.add(t.state(k));
    }
    int rows = states.size();
    float[] features = new float[rows * env.featureSize()];
    for (int r = 0; r < rows; r++) env.encode(states.get(r), features, r * env.featureSize());
    float[] byFeatures = new float[rows * arch.outputWidth()];
    net.snapshot(0).evaluator().evaluate(features, rows, byFeatures);
    for (int pass = 0; pass < 2; pass++) { // the second pass is served from the key cache
      float[] byKeys = new float[byFeatures.length];
      PolicyEvaluator ev = net.snapshot(0).evaluator();
      ev.evaluateStates(env, states.toArray(new int[0][]), rows, new float[features.length], byKeys);
      if (pass == 1) ev.evaluateStates(env, states.toArray(new int[0][]), rows, new float[features.length], byKeys);
      for (int i = 0; i < byKeys.length; i++) assertEquals(byFeatures[i], byKeys[i], 0f, "output " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsimony", "bayes"})
  void theLearnersKeyedPathMatchesItsFeaturePath(String kind) {
    Environment env = forest(kind, 7, 30, 6);
    PolicyArchitecture arch = setArch(env, "tanh", 2, 16);
    StructuredNetwork net = new StructuredNetwork(arch, 1e-3, step -> 1.0, 8, DataType.DOUBLE);
    Objective.Prepared p = Objectives.byName("FLDB", 0.9).prepare(Fixtures.trajectories(env, arch, 6, 4), env, arch);
    assertTrue(p.states() != null, "trajectory objectives hand the learner their states");
    double[] byKeys = net.forwardStates(env, p.states(), p.rows(), p::features);
    Objective.Result r = p.compute(byKeys, 0.3);
    net.backward(r.dOutputs());
    double[] gKeys = net.gradient();
    double[] byFeatures = net.forward(p.features(), p.rows());
    net.backward(r.dOutputs());
    double[] gFeatures = net.gradient();
    for (int i = 0; i < byKeys.length; i++) assertEquals(byFeatures[i], byKeys[i], 1e-12, "output " + i);
    for (int i = 0; i < gKeys.length; i++) {
      assertEquals(gFeatures[i], gKeys[i], 1e-10 * (1 + Math.abs(gFeatures[i])), "gradient " + i);
    }
  }

  @Test
  void permutingTheEntitiesPermutesTheSetPolicysLogits() {
    PhyloForest env = phylo(6, 10, 3);
    PolicyArchitecture arch = setArch(env, "elu", 2);
    int[] s = env.step(env.step(env.initialState(), env.mergeAction(1, 4)), env.mergeAction(0, 2));
    float[] x = new float[env.featureSize()];
    env.encode(s, x, 0);
    assertEquivariant(arch, x, new StructuredNetwork(arch, 1e-3, step -> 1.0, 9, DataType.FLOAT).snapshot(0).evaluator());
  }

  @Test
  void permutingTheNodesPermutesTheGraphPolicysLogits() {
    int n = 6;
    EntityLayout layout = new EntityLayout(n, 1 + 3 + n, false, true);
    PolicyArchitecture arch = new PolicyArchitecture(n * layout.features(), layout.forwardActions(), n, 1, 8,
        "tanh", false, true, true, new EntityStructure("graph", layout, 3, 1));
    Random rng = new Random(4);
    float[] x = new float[arch.featureSize()];
    for (int i = 0; i < n; i++) {
      int b = i * layout.features();
      x[b] = i == 2 ? 0f : 1f;
      for (int k = 1; k < 4; k++) x[b + k] = (float) rng.nextGaussian();
      for (int j = 0; j < i; j++) {
        if (rng.nextBoolean()) x[b + 4 + j] = x[j * layout.features() + 4 + i] = 1f;
      }
    }
    assertEquivariant(arch, x, new StructuredNetwork(arch, 1e-3, step -> 1.0, 2, DataType.FLOAT).snapshot(0).evaluator());
  }

  @Test
  void aLearnerWithTheSetPolicyRestoresItsCompleteState() throws Exception {
    PhyloForest env = phylo(5, 8, 4);
    PolicyArchitecture arch = setArch(env, "relu", 1);
    LearnerConfig config = new LearnerConfig(1e-2, 0.1, 0, 0, 0, LearningRateSchedule.CONSTANT);
    Learner a = new Learner(config, new StructuredNetwork(arch, 1e-2, step -> 1.0, 1, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
    List<Trajectory> batch = Fixtures.trajectories(env, arch, 8, 2);
    for (int i = 0; i < 3; i++) a.step(batch);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    a.save(new java.io.DataOutputStream(bytes));
    Learner b = new Learner(config, new StructuredNetwork(arch, 1e-2, step -> 1.0, 99, DataType.FLOAT),
        Objectives.byName("TB", 0.9), env);
    b.restore(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(a.steps(), b.steps());
    double la = a.step(batch).loss();
    double lb = b.step(batch).loss();
    assertEquals(la, lb, 1e-5 * Math.abs(la), "the same next step: parameters and both Adams restored");
    float[] pa = a.liveSnapshot().params();
    float[] pb = b.liveSnapshot().params();
    double max = 0;
    for (int i = 0; i < pa.length; i++) max = Math.max(max, Math.abs(pa[i] - pb[i]));
    assertTrue(max < 1e-5, "parameters after the next step differ by " + max);
  }

  @Test
  void aSetPolicyNeedsAnEnvironmentWithEntities() {
    Settings s = Settings.load(ConfigFactory.parseString("gfn.policy.type = set"));
    SettingsException e = assertThrows(SettingsException.class,
        () -> Components.learner(s, Components.task(s.env()).env()));
    assertTrue(e.getMessage().contains("gfn.policy.type = set") && e.getMessage().contains("mlp"), e.getMessage());
    Settings g = Settings.load(ConfigFactory.parseString("gfn.env.type = phylo\ngfn.policy.type = graph"));
    assertThrows(SettingsException.class, () -> Components.learner(g, Components.task(g.env()).env()));
    Settings h = Settings.load(ConfigFactory.parseString("gfn.env.type = phylo\ngfn.policy { type = set, width = 10, heads = 4 }"));
    assertThrows(SettingsException.class, () -> Components.learner(h, Components.task(h.env()).env()));
  }

  @Test
  void refusesAnArchitectureThatDoesNotMatchTheEntityView() {
    PhyloForest env = phylo(5, 4, 1);
    EntityStructure st = new EntityStructure("set", env.entityLayout(), 1, 3);
    assertThrows(IllegalArgumentException.class, () -> new PolicyArchitecture(env.featureSize(), env.numActions(),
        env.numBackwardActions(), 1, 8, "relu", false, true, true, st)); // 8 not divisible by 3 heads
    assertThrows(IllegalArgumentException.class, () -> new EntityStructure("graph", env.entityLayout(), 1, 1));
  }

  /** Output under the permutation π (new entity k is old entity π[k]) is the permuted output. */
  private static void assertEquivariant(PolicyArchitecture arch, float[] x, PolicyEvaluator ev) {
    EntityLayout e = arch.structure().layout();
    int n = e.entities();
    int f = e.features();
    int[] pi = {3, 0, 5, 1, 4, 2};
    float[] y = new float[x.length];
    for (int k = 0; k < n; k++) {
      System.arraycopy(x, pi[k] * f, y, k * f, f);
      if (e.adjacency()) {
        for (int l = 0; l < n; l++) y[k * f + f - n + l] = x[pi[k] * f + f - n + pi[l]];
      }
    }
    float[] a = new float[arch.outputWidth()];
    float[] b = new float[arch.outputWidth()];
    ev.evaluate(x, 1, a);
    ev.evaluate(y, 1, b);
    int checked = 0;
    for (int k = 0; k < n; k++) {
      assertEquals(a[arch.backwardOffset() + pi[k]], b[arch.backwardOffset() + k], 1e-5, "backward logit of " + k);
      if (!e.pairActions()) assertEquals(a[pi[k]], b[k], 1e-5, "entity logit " + k);
      for (int l = k + 1; l < n && e.pairActions(); l++) {
        int i = Math.min(pi[k], pi[l]);
        int j = Math.max(pi[k], pi[l]);
        assertEquals(a[pair(n, i, j)], b[pair(n, k, l)], 1e-5, "pair logit " + k + "," + l);
        if (a[pair(n, i, j)] != 0f) checked++;
      }
      if (a[arch.backwardOffset() + pi[k]] != 0f) checked++;
    }
    assertEquals(a[arch.numActions() - 1], b[arch.numActions() - 1], 1e-5, "exit logit");
    assertEquals(a[arch.flowOffset()], b[arch.flowOffset()], 1e-5, "log F");
    assertTrue(checked >= 3, "non-zero logits compared: " + checked);
    boolean moved = false; // the entities differ, so the unpermuted comparison must fail somewhere
    for (int k = 0; k < n; k++) moved |= Math.abs(a[arch.backwardOffset() + k] - b[arch.backwardOffset() + k]) > 1e-4;
    assertTrue(moved, "a permutation that changes nothing would not test equivariance");
  }

  private static int pair(int n, int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** A graph policy on a 12-node MIS graph with {@code policy} settings added, and its initial state's outputs. */
  private record Initial(PolicyArchitecture arch, float[] out) {}

  private static Initial initialOutputs(String policy) {
    Settings s = Settings.load(ConfigFactory.parseString("""
        gfn.env { type = mis, graph { instance = er, nodes = 12, edge-probability = 0.4, seed = 3 } }
        gfn.policy { type = graph, width = 16, mix-layers = 2, %s }
        gfn.objective.name = FLDB
        """.formatted(policy)));
    Environment env = Components.task(s).env();
    PolicyArchitecture arch = Components.architecture(s, env, Components.objective(s));
    float[] x = new float[env.featureSize()];
    env.encode(env.initialState(), x, 0);
    PolicyEvaluator ev = new StructuredNetwork(arch, 1e-3, step -> 1.0, 7, DataType.FLOAT).snapshot(0).evaluator();
    float[] out = new float[arch.outputWidth()];
    ev.evaluate(x, 1, out);
    return new Initial(arch, out);
  }

  @Test
  void theMeanAggregationSettingReachesTheGinBlocks() {
    Initial sum = initialOutputs("aggregation = sum");
    Initial mean = initialOutputs("aggregation = mean");
    assertTrue(mean.arch().structure().meanAggregation() && !sum.arch().structure().meanAggregation());
    double diff = 0;
    for (int k = 0; k < sum.out().length; k++) diff += Math.abs(sum.out()[k] - mean.out()[k]);
    assertTrue(diff > 1e-3, "same parameters, sum and mean aggregation give the same outputs: " + diff);
  }

  @Test
  void theSumFlowReadoutSettingReachesTheHeads() {
    Initial mean = initialOutputs("flow-readout = mean");
    Initial sum = initialOutputs("flow-readout = sum");
    assertTrue(sum.arch().structure().sumFlowReadout() && !mean.arch().structure().sumFlowReadout());
    // the sum readout's per-entity weights start at 0 (a sum over 12 nodes would start far from 0)
    assertEquals(0, sum.out()[sum.arch().flowOffset()], 0);
    float f = mean.out()[mean.arch().flowOffset()];
    assertTrue(Math.abs(f) > 1e-4, "the mean readout's head starts random: " + f);
  }
}
