package org.gfn.spark.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.gfn.model.config.SettingsException;
import org.gfn.model.train.MetricNames;

/**
 * A sweep: a base preset, grid axes, random axes, seeds, a budget per trial and the metric to
 * rank by, read from the {@code sweep} block of a HOCON file (keys documented in
 * docs/sweeps.md). {@link #trials()} expands it into trials with stable ids, so a restarted sweep
 * recognises the trials it already ran.
 */
public record SweepSpec(File base, String mode, Map<String, List<String>> grid,
    Map<String, double[]> logUniform, Map<String, double[]> uniform, int randomTrials, List<Long> seeds,
    long trajectories, double seconds, String metric, boolean minimise, int maxAttempts,
    Map<String, String> fixed, long randomSeed) {

  private static final Set<String> KEYS = Set.of("base", "mode", "grid", "random", "random-trials", "seeds",
      "budget", "metric", "goal", "max-attempts", "set", "random-seed");

  /** One trial: its id, parameter assignment (axis key → value) and seed. */
  public record Trial(String id, Map<String, String> params, long seed) implements java.io.Serializable {}

  /**
   * The settings in which spec {@code now} differs from the spec {@code saved} with a sweep's
   * results ("key: old -> new"); empty when they describe the same sweep.
   */
  static java.util.List<String> differences(File saved, File now) {
    Map<String, String> a = flatten(saved);
    Map<String, String> b = flatten(now);
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add(k + ": " + a.get(k) + " -> " + b.get(k));
    }
    return out;
  }

  private static Map<String, String> flatten(File f) {
    Map<String, String> m = new java.util.TreeMap<>();
    ConfigFactory.parseFile(f).resolve().entrySet()
        .forEach(e -> m.put(e.getKey(), e.getValue().render(com.typesafe.config.ConfigRenderOptions.concise())));
    return m;
  }

  static SweepSpec parse(File file) {
    if (!file.isFile()) throw new SettingsException("sweep spec " + file + " does not exist");
    Config c;
    try {
      c = ConfigFactory.parseFile(file).resolve();
    } catch (ConfigException e) {
      throw new SettingsException("sweep spec " + file + " is malformed: " + e.getMessage(), e);
    }
    if (!c.hasPath("sweep")) throw new SettingsException("sweep spec " + file + " has no 'sweep' block");
    Config s = c.getConfig("sweep");
    for (String k : s.root().keySet()) {
      if (!KEYS.contains(k)) throw new SettingsException("unknown key sweep." + k + " in " + file + " (a typo?); allowed: " + new java.util.TreeSet<>(KEYS));
    }
    try {
      File dir = file.getAbsoluteFile().getParentFile();
      File named = new File(s.getString("base"));
      File base = named.isAbsolute() ? named : new File(dir, s.getString("base"));
      if (!base.isFile()) throw new SettingsException("sweep.base = " + s.getString("base") + ": " + base + " does not exist");
      String mode = s.hasPath("mode") ? s.getString("mode").toLowerCase(Locale.ROOT) : "packed";
      if (!mode.equals("packed") && !mode.equals("distributed")) {
        throw new SettingsException("sweep.mode = " + mode + " is not allowed; use packed or distributed");
      }
      Map<String, List<String>> grid = new LinkedHashMap<>();
      if (s.hasPath("grid")) {
        for (Map.Entry<String, ConfigValue> e : s.getConfig("grid").entrySet()) {
          String key = flat(e.getKey());
          if (!(e.getValue().unwrapped() instanceof List<?> list) || list.isEmpty()) {
            throw new SettingsException("sweep.grid." + key + " must be a non-empty list of values");
          }
          List<String> values = new ArrayList<>();
          for (Object v : list) values.add(String.valueOf(v));
          grid.put(key, values);
        }
      }
      Map<String, double[]> logU = new LinkedHashMap<>();
      Map<String, double[]> unif = new LinkedHashMap<>();
      if (s.hasPath("random")) {
        for (Map.Entry<String, ConfigValue> e : s.getConfig("random").entrySet()) {
          List<String> parts = com.typesafe.config.ConfigUtil.splitPath(e.getKey());
          String kind = parts.get(parts.size() - 1);
          String key = String.join(".", parts.subList(0, parts.size() - 1));
          List<Double> b = s.getConfig("random").getDoubleList(e.getKey());
          if (kind.equals("log-uniform")) {
            double[] lim = bounds(b, "sweep.random." + key + ".log-uniform");
            if (!(lim[0] > 0)) throw new SettingsException("sweep.random." + key + ".log-uniform needs bounds > 0");
            logU.put(key, lim);
          } else if (kind.equals("uniform")) {
            unif.put(key, bounds(b, "sweep.random." + key + ".uniform"));
          } else {
            throw new SettingsException("sweep.random." + key + " needs log-uniform = [lo, hi] or uniform = [lo, hi]");
          }
        }
      }
      int randomTrials = s.hasPath("random-trials") ? s.getInt("random-trials") : (logU.isEmpty() && unif.isEmpty() ? 0 : 8);
      if (randomTrials < 0) throw new SettingsException("sweep.random-trials must be >= 0");
      if (randomTrials > 0 && logU.isEmpty() && unif.isEmpty()) {
        throw new SettingsException("sweep.random-trials = " + randomTrials + " but sweep.random defines no axis");
      }
      List<Long> seeds = s.hasPath("seeds") ? s.getLongList("seeds") : List.of(1L);
      long traj = s.hasPath("budget.trajectories") ? s.getLong("budget.trajectories") : 0;
      double secs = s.hasPath("budget.seconds") ? s.getDouble("budget.seconds") : 0;
      if (traj <= 0 && secs <= 0) throw new SettingsException("sweep.budget needs trajectories > 0 or seconds > 0");
      String metric = s.hasPath("metric") ? s.getString("metric") : "exact_sum_l1";
      if (!MetricNames.RANKABLE.contains(metric)) {
        throw new SettingsException("sweep.metric = " + metric + "; use one of " + String.join(", ", MetricNames.RANKABLE));
      }
      String goal = s.hasPath("goal") ? s.getString("goal") : "minimize";
      if (!goal.equals("minimize") && !goal.equals("maximize")) throw new SettingsException("sweep.goal must be minimize or maximize");
      int attempts = s.hasPath("max-attempts") ? s.getInt("max-attempts") : 2;
      if (attempts < 1) throw new SettingsException("sweep.max-attempts must be >= 1");
      Map<String, String> fixed = new LinkedHashMap<>();
      if (s.hasPath("set")) {
        for (Map.Entry<String, ConfigValue> e : s.getConfig("set").entrySet()) {
          fixed.put(flat(e.getKey()), e.getValue().render(com.typesafe.config.ConfigRenderOptions.concise()));
        }
      }
      long randomSeed = s.hasPath("random-seed") ? s.getLong("random-seed") : 0;
      return new SweepSpec(base, mode, grid, logU, unif, randomTrials, seeds, traj, secs, metric,
          goal.equals("minimize"), attempts, fixed, randomSeed);
    } catch (ConfigException e) {
      throw new SettingsException("sweep spec " + file + ": " + e.getMessage(), e);
    }
  }

  /** A path expression ("a.b" or "\"a.b\"") as plain dotted key. */
  private static String flat(String path) {
    return String.join(".", com.typesafe.config.ConfigUtil.splitPath(path));
  }

  private static double[] bounds(List<Double> v, String key) {
    if (v.size() != 2 || !(v.get(0) < v.get(1))) throw new SettingsException(key + " must be [lo, hi] with lo < hi");
    return new double[] {v.get(0), v.get(1)};
  }

  /** Every trial: grid combinations × random samples (or one) × seeds. */
  List<Trial> trials() {
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : combos) {
        for (String v : axis.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.put(axis.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    if (randomTrials > 0) {
      Random rng = new Random(randomSeed);
      List<Map<String, String>> next = new ArrayList<>();
      for (int i = 0; i < randomTrials; i++) {
        Map<String, String> sample = new LinkedHashMap<>();
        for (var e : logUniform.entrySet()) {
          double lo = Math.log(e.getValue()[0]);
          double hi = Math.log(e.getValue()[1]);
          sample.put(e.getKey(), String.format(Locale.ROOT, "%.6g", Math.exp(lo + rng.nextDouble() * (hi - lo))));
        }
        for (var e : uniform.entrySet()) {
          sample.put(e.getKey(), String.format(Locale.ROOT, "%.6g", e.getValue()[0] + rng.nextDouble() * (e.getValue()[1] - e.getValue()[0])));
        }
        for (Map<String, String> c : combos) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.putAll(sample);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Trial> out = new ArrayList<>();
    for (Map<String, String> c : combos) {
      for (long seed : seeds) out.add(new Trial(id(c, seed), c, seed));
    }
    return out;
  }

  /** The axes' names, grid first. */
  List<String> axes() {
    List<String> a = new ArrayList<>(grid.keySet());
    a.addAll(logUniform.keySet());
    a.addAll(uniform.keySet());
    return a;
  }

  private static String id(Map<String, String> params, long seed) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((new TreeMap<>(params) + "|seed=" + seed).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest()).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
