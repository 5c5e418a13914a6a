package org.gfn.model.rollout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local-search proposals and acceptances as a rollout source reports them: since the last
 * evaluation ({@link #window}, metrics.jsonl) and over the run ({@link #total}, summary.json);
 * empty maps when local search made no proposal.
 */
public final class LocalSearchCounts {
  public static final String ACCEPTANCE = "local_search_acceptance";
  public static final String PROPOSALS = "local_search_proposals";

  private long proposals;
  private long accepted;
  private long windowProposals;
  private long windowAccepted;

  public synchronized void add(long proposals, long accepted) {
    this.proposals += proposals;
    this.accepted += accepted;
    windowProposals += proposals;
    windowAccepted += accepted;
  }

  /** The acceptance since the last call, and resets the window. */
  public synchronized Map<String, Object> window() {
    Map<String, Object> m = map(windowProposals, windowAccepted);
    windowProposals = 0;
    windowAccepted = 0;
    return m;
  }

  public synchronized Map<String, Object> total() {
    return map(proposals, accepted);
  }

  private static Map<String, Object> map(long proposals, long accepted) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (proposals == 0) return m;
    m.put(ACCEPTANCE, accepted / (double) proposals);
    m.put(PROPOSALS, proposals);
    return m;
  }
}
