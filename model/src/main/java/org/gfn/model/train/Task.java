package org.gfn.model.train;

import org.gfn.envs.BitSequenceModes;
import org.gfn.envs.Environment;
import org.gfn.envs.PrependAppendSequence;
import org.gfn.envs.RewardTable;
import org.gfn.envs.StateSpace;
import org.gfn.envs.graph.NodeSetFamily;
import org.gfn.envs.graph.NodeSetProblem;
import org.gfn.envs.phylo.PhyloBayesForest;
import org.gfn.envs.phylo.PhyloBayesSteps;
import org.gfn.envs.phylo.PhyloForest;
import org.gfn.model.metrics.Discovery;
import org.gfn.model.metrics.ParsimonyTracker;
import org.gfn.model.metrics.PosteriorTracker;
import org.gfn.model.metrics.SolutionTracker;
import org.gfn.model.metrics.TopKTracker;

/**
 * An environment with what evaluating it needs: its exact state space when enumerable (else
 * null), the bit-sequence modes when it is that task, the reward table of a data-backed sequence
 * task (TFBind8, QM9), and that task's top fraction (else null / 0), and the held-out evaluation of
 * a family of graphs that holds some out (a fresh one per call; else null).
 */
public record Task(Environment env, StateSpace space, BitSequenceModes modes, RewardTable rewards,
    double topFraction, java.util.function.Supplier<Discovery> heldOut) {

  public Task(Environment env, StateSpace space, BitSequenceModes modes) {
    this(env, space, modes, null, 0, null);
  }

  /**
   * What to track about sampled objects: top-K discovery and the best 100 objects for a
   * data-backed sequence task, the best trees for the phylogenetic one (the best and recent log R
   * for the Bayesian one), the best solutions of a
   * graph problem (with the held-out graphs' evaluation when a family holds some out); else null.
   */
  public Discovery discoveryTracker() {
    if (heldOut != null) return heldOut.get();
    Environment base = env.unwrap(); // under random actions, the task's own environment
    if (base instanceof NodeSetFamily family) return new SolutionTracker(family);
    if (base instanceof PhyloForest forest) return new ParsimonyTracker(forest);
    if (base instanceof PhyloBayesForest || base instanceof PhyloBayesSteps) return new PosteriorTracker();
    if (base instanceof NodeSetProblem graphProblem) return new SolutionTracker(graphProblem);
    if (base instanceof org.gfn.envs.HyperGrid && space != null) return new org.gfn.model.metrics.ModesFound(space);
    return rewards == null ? null : new TopKTracker((PrependAppendSequence) base, topK());
  }

  /** The codes of the true top-K objects (K = topFraction of all), or an empty array. */
  public int[] topK() {
    return rewards == null ? new int[0] : rewards.topK((int) Math.max(1, Math.round(topFraction * rewards.size())));
  }
}
