package org.gfn.model.config;

import java.util.List;
import org.gfn.model.policy.QuantileFlows;

/** Reads and checks {@code gfn.objective.qm} (quantile matching). */
final class QuantileSettings {
  private static final String KEY = "gfn.objective.qm";

  private QuantileSettings() {}

  /** The quantile flows of objective QM, or null for every other objective. */
  static QuantileFlows read(ConfigReader r, String objective, String policyType) {
    if (!objective.equalsIgnoreCase("QM")) return null;
    if (!policyType.equals("mlp")) {
      throw new SettingsException("gfn.objective.name = QM needs gfn.policy.type = mlp (is " + policyType + ")");
    }
    int n = r.intIn(KEY + ".quantiles", 1, 256);
    double kappa = r.doubleIn(KEY + ".kappa", 0, 1e6, true);
    String d = r.oneOf(KEY + ".distortion", List.of("neutral", "cvar", "wang"));
    QuantileFlows.Distortion distortion = switch (d) {
      case "cvar" -> QuantileFlows.Distortion.CVAR;
      case "wang" -> QuantileFlows.Distortion.WANG;
      default -> QuantileFlows.Distortion.NEUTRAL;
    };
    double eta = distortion == QuantileFlows.Distortion.CVAR ? r.doubleIn(KEY + ".eta", 0, 1, true)
        : r.doubleIn(KEY + ".eta", -10, 10, false);
    return new QuantileFlows(n, distortion, eta, kappa);
  }
}
