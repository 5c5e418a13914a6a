package org.gfn.model.objectives;

/**
 * Detailed balance (Bengio et al. 2023, §4.2), and with {@code forwardLooking} forward-looking DB
 * (Pan et al. 2023). For each transition s → s' of a trajectory,
 * δ = log F(s) + log P_F(s'|s) − log F(s') − log P_B(s|s'), and for the exit from x,
 * δ = log F(x) + log P_F(exit|x) − log R(x); loss = mean δ² over all of them.
 *
 * <p>Stochastic DB (Pan et al. 2023, for environments whose transitions are random) replaces
 * log P_F(s'|s) by log Σ_a P_F(a|s) T̂(s'|s, a), T̂ a learned dynamics model: the paper's constraint
 * F(s) P_F(a|s) T(s'|s, a) = F(s') P_B(s, a|s') with P_B(s, a|s') = P_B(s|s') times the posterior of
 * the chosen action a, which sums a out. Without stochastic transitions and with T̂ exact it is DB.
 *
 * <p>FL-DB parametrises log F(s) = log F̃(s) − E(s) with the environment's intermediate energy
 * E(s) = −log R(s), so the network learns only the residual flow F̃; the exit term then reduces to
 * log F̃(x) + log P_F(exit|x).
 */
public final class DetailedBalance extends TrajectoryObjective {
  private final boolean forwardLooking;
  private final DynamicsSettings dynamics;

  public DetailedBalance(boolean forwardLooking) {
    this(forwardLooking, null);
  }

  /**
   * With {@code dynamics}, stochastic DB (Pan et al. 2023): the transition term is the probability
   * that the policy's choice moves s to s' through a learned dynamics model T̂,
   * log Σ_a P_F(a|s) T̂(s'|s, a), instead of log P_F(a|s) of the chosen action.
   */
  public DetailedBalance(boolean forwardLooking, DynamicsSettings dynamics) {
    this.forwardLooking = forwardLooking;
    this.dynamics = dynamics;
  }

  @Override
  public String name() {
    return dynamics != null ? "SDB" : forwardLooking ? "FLDB" : "DB";
  }

  @Override
  public DynamicsSettings dynamics() {
    return dynamics;
  }

  @Override
  public boolean needsFlowHead() {
    return true;
  }

  @Override
  boolean needsStateRewards() {
    return forwardLooking;
  }

  @Override
  double loss(TrajectoryTerms t) {
    int terms = 0;
    for (int i = 0; i < t.count(); i++) terms += t.length(i);
    double loss = 0;
    for (int i = 0; i < t.count(); i++) {
      int a = t.first(i);
      int len = t.length(i);
      for (int k = 0; k < len; k++) {
        int row = a + k;
        double d;
        if (k < len - 1) {
          d = t.logF[row] + t.logPF[row] - t.logF[row + 1] - t.logPB[row + 1];
        } else {
          d = t.logF[row] + t.logPF[row] - t.logReward(i);
        }
        loss += d * d / terms;
        double g = 2 * d / terms;
        t.dLogF[row] += g;
        t.dLogPF[row] += g;
        if (k < len - 1) {
          t.dLogF[row + 1] -= g;
          t.dLogPB[row + 1] -= g;
        }
      }
    }
    return loss;
  }

  @Override
  double logZEstimate(TrajectoryTerms t) {
    return t.count() == 0 ? Double.NaN : t.logF[t.first(0)];
  }
}
