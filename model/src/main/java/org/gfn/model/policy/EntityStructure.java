package org.gfn.model.policy;

import java.io.Serializable;
import org.gfn.envs.EntityLayout;

/**
 * The structured part of a set or graph policy's shape: how the environment's features split into
 * entities ({@link EntityLayout}) and how the entities are mixed. {@code set}: {@code mixLayers}
 * blocks of multi-head self-attention over the present entities (each followed by a feed-forward
 * sublayer, both residual), as PhyloGFN's transformer; {@code graph}: {@code mixLayers} GIN blocks,
 * h' = MLP(h + Σ_neighbours h), or with {@code meanAggregation} h' = MLP(h + mean_neighbours h), over
 * the layout's adjacency. log F(s) is read from the state's mean embedding, or with
 * {@code sumFlowReadout} as a sum of per-entity terms (an extensive readout: a flow that grows with
 * the number of entities still to act on, as forward-looking flows on graphs do). With
 * {@code separateFlow}, log F comes from a second stack of mixing blocks and heads of its own.
 *
 * @param kind set | graph
 * @param layout the environment's entity view
 * @param mixLayers mixing blocks (≥ 0)
 * @param heads attention heads (set only; must divide the width)
 * @param meanAggregation graph only: average the neighbours' embeddings instead of summing them
 * @param sumFlowReadout log F(s) = Σ_i h_i·w_F + b_F over the state's entities instead of a head on
 *     the mean embedding
 * @param separateFlow log F from mixing blocks and heads of its own on the shared per-entity encoder
 */
public record EntityStructure(String kind, EntityLayout layout, int mixLayers, int heads, boolean meanAggregation,
    boolean sumFlowReadout, boolean separateFlow) implements Serializable {

  /** GIN's sum aggregation (graph) or attention (set), log F from the mean embedding. */
  public EntityStructure(String kind, EntityLayout layout, int mixLayers, int heads) {
    this(kind, layout, mixLayers, heads, false, false, false);
  }

  public EntityStructure {
    if (!kind.equals("set") && !kind.equals("graph")) {
      throw new IllegalArgumentException("unknown structured policy type '" + kind + "'; use set or graph");
    }
    if (kind.equals("graph") && !layout.adjacency()) {
      throw new IllegalArgumentException("a graph policy needs an environment whose entity view has an adjacency");
    }
    if (mixLayers < 0) throw new IllegalArgumentException("policy mix-layers must be >= 0, got " + mixLayers);
    if (heads < 1) throw new IllegalArgumentException("policy heads must be >= 1, got " + heads);
    if (meanAggregation && !kind.equals("graph")) {
      throw new IllegalArgumentException("mean aggregation is a graph policy's (gfn.policy.aggregation)");
    }
  }

  public boolean graph() {
    return kind.equals("graph");
  }

  public int entities() {
    return layout.entities();
  }
}
