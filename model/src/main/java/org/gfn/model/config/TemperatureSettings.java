package org.gfn.model.config;

import java.util.List;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.model.rollout.LocalSearch;
import org.gfn.model.rollout.Seeds;

/** Reads and checks {@code gfn.conditioning.temperature} (Logit-GFN). */
final class TemperatureSettings {
  private static final String KEY = "gfn.conditioning.temperature";

  private TemperatureSettings() {}

  /** The conditioning, or null when disabled; refuses combinations it does not support. */
  static TemperatureConditioning read(ConfigReader r, String objective, String policyType, LocalSearch ls, long seed) {
    if (!r.bool(KEY + ".enabled")) return null;
    if (!objective.equalsIgnoreCase("TB")) {
      throw new SettingsException(KEY + " trains a learned log Z(beta) with trajectory balance: set gfn.objective.name = TB (is "
          + objective + ")");
    }
    if (!policyType.equals("mlp")) {
      throw new SettingsException(KEY + " needs gfn.policy.type = mlp (is " + policyType + ")");
    }
    if (ls.enabled()) {
      throw new SettingsException(KEY + " and gfn.explore.local-search cannot be combined yet: disable one of them");
    }
    double min = r.doubleIn(KEY + ".min", 0, 1e4, true);
    double max = r.doubleIn(KEY + ".max", 0, 1e4, true);
    if (max < min) throw new SettingsException(KEY + ".max = " + max + " must be >= " + KEY + ".min = " + min);
    String mode = r.oneOf(KEY + ".mode", List.of("logit-scaling", "layer"));
    String dist = r.oneOf(KEY + ".distribution", List.of("uniform", "log-uniform"));
    return TemperatureConditioning.initial(
        mode.equals("layer") ? TemperatureConditioning.Mode.LAYER : TemperatureConditioning.Mode.LOGIT_SCALING,
        dist.equals("uniform") ? TemperatureConditioning.Distribution.UNIFORM : TemperatureConditioning.Distribution.LOG_UNIFORM,
        min, max, r.intIn(KEY + ".hidden", 1, 4096), r.doublesIn(KEY + ".eval-betas", 0, 1e4),
        Seeds.derive(seed, 0x7e3b));
  }
}
