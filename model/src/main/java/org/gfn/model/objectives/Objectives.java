package org.gfn.model.objectives;

/** Builds an objective from its configured name. */
public final class Objectives {
  private Objectives() {}

  /**
   * @param name TB, DB, FLDB, SubTB, FM, ZVar, RKL or FKL (case-insensitive)
   * @param subtbLambda λ of SubTB
   */
  public static Objective byName(String name, double subtbLambda) {
    return switch (name.toUpperCase(java.util.Locale.ROOT)) {
      case "TB" -> new TrajectoryBalance();
      case "DB" -> new DetailedBalance(false);
      case "FLDB" -> new DetailedBalance(true);
      case "SUBTB" -> new SubTrajectoryBalance(subtbLambda);
      case "FM" -> new FlowMatching();
      case "ZVAR", "VARGRAD" -> new LogPartitionVariance();
      case "RKL" -> new ReverseKL();
      case "FKL" -> new ForwardKL();
      default -> throw new IllegalArgumentException(
          "unknown objective '" + name + "'; use TB, DB, FLDB, SubTB, FM, ZVar, RKL or FKL");
    };
  }
}
