package org.activationlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.export.ScenarioFile;
import org.activationlab.export.ScenarioFileException;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;

/**
 * The scenario of a command from {@code --preset NAME} or {@code --config FILE} and {@code --set
 * key=value} overrides, read as {@code train} reads them: a scenario file's unknown fields are
 * warnings on stderr, everything else that is wrong is bad input naming the valid choices.
 */
final class ScenarioOptions {

  private ScenarioOptions() {}

  /**
   * The preset (when {@code preset} is not null) or the config file, with the settings applied in
   * order and the result checked once.
   */
  static Scenario scenario(String preset, Path config, List<String> settings, PrintWriter err) {
    Scenario s;
    if (preset != null) {
      s = Presets.get(preset).scenario();
    } else {
      ScenarioFile.Loaded loaded;
      try {
        loaded = ScenarioFile.readConfig(config);
      } catch (ScenarioFileException e) {
        throw new Cli.UsageException("config " + e.getMessage());
      }
      for (String w : loaded.warnings()) {
        err.println("warning: " + config + ": " + w);
      }
      s = loaded.document().lab();
    }
    Map<String, String> set = new LinkedHashMap<>();
    for (String kv : settings) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new Cli.UsageException("--set needs key=value (got '" + kv + "'); keys: "
            + String.join(", ", Scenario.KEYS));
      }
      set.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
    }
    return s.withSettings(set);
  }
}
