package org.gfn.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.gfn.model.train.SettingsException;

/**
 * Command lines of the form {@code POSITIONAL [--flag value ...]} (inspect, sweep): one positional
 * argument and flags that each take one value. Errors carry the usage line.
 */
record JobArgs(String positional, Map<String, String> flags) {

  static JobArgs parse(String[] args, Set<String> allowed, String what, String usage) {
    String positional = null;
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (allowed.contains(args[i]) && i + 1 < args.length) {
        flags.put(args[i], args[++i]);
      } else if (!args[i].startsWith("--") && positional == null) {
        positional = args[i];
      } else {
        throw new SettingsException("unexpected argument '" + args[i] + "'\n" + usage);
      }
    }
    if (positional == null) throw new SettingsException("no " + what + " given\n" + usage);
    return new JobArgs(positional, flags);
  }

  String flag(String name) {
    return flags.get(name);
  }
}
