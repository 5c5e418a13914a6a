package org.gfn.model.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Typed, range-checked reads of {@code gfn.*} keys that fail with the key's full path, and the
 * unknown-key check that catches typos: every key under {@code gfn} must exist in the merged
 * reference.conf files.
 */
public final class ConfigReader {
  private final Config config;

  public ConfigReader(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  /** Fails on any key under {@code root} that the reference configuration does not define. */
  public static void rejectUnknownKeys(Config config, Config reference, String root) {
    if (!config.hasPath(root)) return;
    TreeSet<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : config.getConfig(root).entrySet()) {
      String key = root + "." + e.getKey();
      if (!reference.hasPath(key)) unknown.add(key);
    }
    if (!unknown.isEmpty()) {
      throw new SettingsException("unknown configuration key" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + " (a typo?); every key is listed with its meaning in the modules' reference.conf");
    }
  }

  public int intIn(String key, int min, int max) {
    int v = wrap(key, () -> config.getInt(key));
    if (v < min || v > max) throw range(key, v, "an integer in [" + min + ", " + max + "]");
    return v;
  }

  public long longAtLeast(String key, long min) {
    long v = wrap(key, () -> config.getLong(key));
    if (v < min) throw range(key, v, "an integer >= " + min);
    return v;
  }

  public long anyLong(String key) {
    return wrap(key, () -> config.getLong(key));
  }

  public double doubleIn(String key, double min, double max, boolean minOpen) {
    double v = wrap(key, () -> config.getDouble(key));
    boolean low = minOpen ? !(v > min) : !(v >= min);
    if (low || v > max || Double.isNaN(v)) {
      throw range(key, v, "a number in " + (minOpen ? "(" : "[") + min + ", " + max + "]");
    }
    return v;
  }

  public double anyDouble(String key) {
    double v = wrap(key, () -> config.getDouble(key));
    if (!Double.isFinite(v)) throw range(key, v, "a finite number");
    return v;
  }

  public boolean bool(String key) {
    return wrap(key, () -> config.getBoolean(key));
  }

  /** A string that must be one of {@code allowed} (case-insensitive); returned lower-case. */
  public String oneOf(String key, List<String> allowed) {
    String v = wrap(key, () -> config.getString(key)).toLowerCase(Locale.ROOT);
    for (String a : allowed) if (a.toLowerCase(Locale.ROOT).equals(v)) return v;
    throw new SettingsException(key + " = '" + v + "' is not allowed; use one of " + String.join(", ", allowed));
  }

  /** A non-empty list of numbers, each in (min, max]. */
  public double[] doublesIn(String key, double min, double max) {
    List<Double> v = wrap(key, () -> config.getDoubleList(key));
    if (v.isEmpty()) throw range(key, v, "a non-empty list");
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = v.get(i);
      if (!(a[i] > min) || a[i] > max) throw range(key, v, "a list of numbers in (" + min + ", " + max + "]");
    }
    return a;
  }

  public String string(String key) {
    return wrap(key, () -> config.getString(key));
  }

  private static SettingsException range(String key, Object v, String what) {
    return new SettingsException(key + " = " + v + " is out of range; it must be " + what);
  }

  private interface Read<T> {
    T get();
  }

  private static <T> T wrap(String key, Read<T> r) {
    try {
      return r.get();
    } catch (ConfigException.Missing e) {
      throw new SettingsException(key + " is missing; it has no default in reference.conf", e);
    } catch (ConfigException.WrongType e) {
      throw new SettingsException(key + " has the wrong type: " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw new SettingsException(key + ": " + e.getMessage(), e);
    }
  }
}
