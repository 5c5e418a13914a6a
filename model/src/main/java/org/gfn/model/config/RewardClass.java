package org.gfn.model.config;

/** {@code gfn.env.reward-class}: a user's reward implementation, checked before any work. */
final class RewardClass {
  private RewardClass() {}

  /** Checks that a custom reward class exists and implements LogReward; "" means built-in. */
  static String check(String name) {
    if (name.isBlank()) return "";
    try {
      Class<?> c = Class.forName(name.trim(), false, Thread.currentThread().getContextClassLoader());
      if (!org.gfn.envs.LogReward.class.isAssignableFrom(c)) {
        throw new SettingsException("gfn.env.reward-class = " + name + " does not implement org.gfn.envs.LogReward");
      }
      c.getConstructor();
    } catch (ClassNotFoundException e) {
      throw new SettingsException("gfn.env.reward-class = " + name + " is not on the classpath", e);
    } catch (NoSuchMethodException e) {
      throw new SettingsException("gfn.env.reward-class = " + name + " needs a public no-argument constructor", e);
    }
    return name.trim();
  }
}
