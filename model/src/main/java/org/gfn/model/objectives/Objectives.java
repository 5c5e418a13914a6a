package org.gfn.model.objectives;

import org.gfn.model.policy.QuantileFlows;

/** Builds an objective from its configured name. */
public final class Objectives {
  private Objectives() {}

  /** As below, QM with the default 8 neutral quantiles and κ = 1, SDB with a 2 × 64 dynamics model at 1e-3. */
  public static Objective byName(String name, double subtbLambda) {
    return byName(name, subtbLambda, new QuantileFlows(8, QuantileFlows.Distortion.NEUTRAL, 1.0, 1.0),
        new DynamicsSettings(2, 64, 1e-3));
  }

  /**
   * @param name TB, DB, FLDB, SDB, SubTB, FM, QM, ZVar, RKL or FKL (case-insensitive)
   * @param subtbLambda λ of SubTB
   * @param quantiles QM's quantile flows
   * @param dynamics SDB's learned dynamics model
   */
  public static Objective byName(String name, double subtbLambda, QuantileFlows quantiles, DynamicsSettings dynamics) {
    return switch (name.toUpperCase(java.util.Locale.ROOT)) {
      case "TB" -> new TrajectoryBalance();
      case "DB" -> new DetailedBalance(false);
      case "FLDB" -> new DetailedBalance(true);
      case "SDB" -> new DetailedBalance(false, dynamics);
      case "SUBTB" -> new SubTrajectoryBalance(subtbLambda);
      case "FM" -> new FlowMatching();
      case "QM" -> new QuantileMatching(quantiles);
      case "ZVAR", "VARGRAD" -> new LogPartitionVariance();
      case "RKL" -> new ReverseKL();
      case "FKL" -> new ForwardKL();
      default -> throw new IllegalArgumentException(
          "unknown objective '" + name + "'; use TB, DB, FLDB, SDB, SubTB, FM, QM, ZVar, RKL or FKL");
    };
  }
}
