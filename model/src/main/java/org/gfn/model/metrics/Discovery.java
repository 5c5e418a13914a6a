package org.gfn.model.metrics;

import java.util.Map;
import org.gfn.replay.Trajectory;

/**
 * What a task tracks about the objects its sampler finds, beyond exact metrics: true top-K
 * objects of the sequence tasks ({@link TopKTracker}), the best trees of the phylogenetic task
 * ({@link ParsimonyTracker}), the best solutions of a graph problem ({@link SolutionTracker}). Sees every fresh trajectory that arrives; its figures go into each
 * metrics record and the summary. Used by one thread; {@link #toMap()} has no side effects.
 */
public interface Discovery {
  void observe(Trajectory t);

  /** Its figures under their metric names. */
  Map<String, Object> toMap();
}
