package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gfn.envs.StateSpace;
import org.gfn.envs.phylo.Alignment;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.envs.phylo.Trees;
import org.gfn.model.metrics.ParsimonyTracker;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;

/** Best parsimony, distinct best topologies and the best-tree list against exhaustive enumeration. */
class ParsimonyTrackerTest {

  @Test
  void findsTheMostParsimoniousTopologiesOfAnEnumerableAlignment() {
    Random rng = new Random(5);
    List<String> names = new ArrayList<>();
    List<String> seqs = new ArrayList<>();
    for (int t = 0; t < 5; t++) {
      names.add("t" + t);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < 30; s++) sb.append("ACGT".charAt(rng.nextInt(4)));
      seqs.add(sb.toString());
    }
    PhyloForest env = new PhyloForest(Alignment.of(names, seqs), 0, 1);
    // every rooted tree, exhaustively: the minimum and the unrooted topologies that reach it
    StateSpace space = StateSpace.of(env);
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < space.size(); i++) {
      if (space.isTerminal(i)) min = Math.min(min, env.parsimony(space.state(i)));
    }
    Set<String> best = new HashSet<>();
    for (int i = 0; i < space.size(); i++) {
      if (space.isTerminal(i) && env.parsimony(space.state(i)) == min) {
        best.add(java.util.Arrays.toString(Trees.topology(space.state(i), 5)));
      }
    }
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), env.numActions(), env.numBackwardActions(),
        1, 4, "relu", true, false, false);
    Trajectory[] ts = new RolloutSampler(env, new SequenceTaskTrainingTest.Uniform(arch))
        .sample(6000, Exploration.ON_POLICY, 1, 0, 0);
    ParsimonyTracker tracker = new ParsimonyTracker(env);
    for (Trajectory t : ts) tracker.observe(t);
    Map<String, Object> m = tracker.toMap();
    assertEquals((long) min, m.get("best_parsimony"));
    assertEquals((long) best.size(), m.get("distinct_best_trees"));
    double recent = 0;
    for (int i = ts.length - 1000; i < ts.length; i++) recent += env.parsimony(ts[i].terminal());
    assertEquals(recent / 1000, (double) m.get("mean_parsimony"), 1e-9, "mean of the newest 1,000 samples");
    List<String> lines = tracker.bestTrees();
    assertEquals(15, lines.size(), "5 taxa have 15 unrooted topologies, all sampled, each listed once");
    assertTrue(lines.get(0).startsWith(min + "\t("), lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      assertTrue(Integer.parseInt(lines.get(i).split("\t")[0]) >= Integer.parseInt(lines.get(i - 1).split("\t")[0]), "sorted");
    }
  }
}
