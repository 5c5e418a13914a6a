package org.gfn.model.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.util.List;

/**
 * Builds a run's configuration: a HOCON preset file, then {@code key=value} overrides (a key
 * without the {@code gfn.} prefix gets it), then JVM system properties {@code -Dgfn.x=y}, over the
 * modules' reference.conf defaults. Errors name the file or the override.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * @param file preset file, or null for the defaults alone
   * @param overrides {@code key=value} strings (HOCON values)
   */
  public static Config load(File file, List<String> overrides) {
    Config c = ConfigFactory.empty();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) throw new SettingsException("override '" + o + "' must look like key=value");
      String key = o.substring(0, eq).trim();
      if (!key.startsWith("gfn.")) key = "gfn." + key;
      String value = o.substring(eq + 1).trim();
      Config one;
      try {
        one = ConfigFactory.parseString(key + " = " + (value.isEmpty() ? "\"\"" : value));
      } catch (ConfigException e) {
        // not a HOCON value (e.g. a class name with '$'): take it as a plain string
        one = ConfigFactory.parseString(key + " = " + com.typesafe.config.ConfigUtil.quoteString(value));
      }
      c = one.withFallback(c);
    }
    if (file != null) {
      if (!file.isFile()) throw new SettingsException("configuration file " + file + " does not exist");
      try {
        c = c.withFallback(ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false)));
      } catch (ConfigException e) {
        throw new SettingsException("configuration file " + file + " is malformed: " + e.getMessage(), e);
      }
    }
    Config props = ConfigFactory.systemProperties();
    if (props.hasPath("gfn")) c = props.withOnlyPath("gfn").withFallback(c);
    return c;
  }
}
