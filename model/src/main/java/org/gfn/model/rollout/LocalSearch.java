package org.gfn.model.rollout;

import java.io.Serializable;

/**
 * Local search on sampled objects (LS-GFN, Kim et al., ICLR 2024): each of {@code revisions}
 * rounds takes a fresh backward path of the current object x with P_B, destroys its last
 * {@code backtrackSteps} steps and rebuilds them with the behaviour policy into x', and keeps x'
 * when {@code accept} says so. {@code revisions = 0} turns local search off.
 *
 * @param accept GREEDY keeps x' when R(x') &gt; R(x) (the paper's deterministic filtering);
 *     METROPOLIS with probability min(1, R(x')·P_B(τ'|x')·π(τ) / (R(x)·P_B(τ|x)·π(τ'))), τ and τ'
 *     the destroyed and the rebuilt segment (exit included in π), which leaves R/Z invariant
 */
public record LocalSearch(int backtrackSteps, int revisions, Accept accept) implements Serializable {
  /** How a revision is accepted. */
  public enum Accept { GREEDY, METROPOLIS }

  public static final LocalSearch OFF = new LocalSearch(1, 0, Accept.GREEDY);

  public LocalSearch {
    if (backtrackSteps < 1) throw new IllegalArgumentException("local-search backtrack-steps must be >= 1, got " + backtrackSteps);
    if (revisions < 0) throw new IllegalArgumentException("local-search revisions must be >= 0, got " + revisions);
    if (accept == null) throw new IllegalArgumentException("local-search accept must be greedy or metropolis");
  }

  public boolean enabled() {
    return revisions > 0;
  }

  /**
   * Trajectories per sampled object: the sample and the object after each revision. A batch of
   * n trajectories therefore holds n / groupSize() sampled objects.
   */
  public int groupSize() {
    return 1 + revisions;
  }
}
