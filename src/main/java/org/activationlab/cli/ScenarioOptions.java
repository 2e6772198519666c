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

  /** {@code --preset NAME} or {@code --config FILE}, exactly one (a picocli argument group). */
  static final class Source {
    @picocli.CommandLine.Option(names = "--preset", required = true,
        description = "a preset; see 'presets'")
    String preset;

    @picocli.CommandLine.Option(names = "--config", required = true,
        description = "scenario file (activation-lab/scenario JSON; its lab part) or a plain "
            + "JSON object of fields named like the --set keys")
    Path config;

    /** How the command line named it, e.g. {@code --preset deep-sigmoid}. */
    String describe() {
      return preset != null ? "--preset " + preset : "--config " + config;
    }
  }

  /** The scenario named by {@code source} with the {@code --set} settings applied. */
  static Scenario scenario(Source source, List<String> settings, PrintWriter err) {
    return scenario(source.preset, source.config, settings, Map.of(), err);
  }

  /** As {@link #scenario(Source, List, PrintWriter)}, then {@code extras} (e.g. --steps). */
  static Scenario scenario(Source source, List<String> settings, Map<String, String> extras,
      PrintWriter err) {
    return scenario(source.preset, source.config, settings, extras, err);
  }

  /**
   * The preset (when {@code preset} is not null) or the config file, with the settings applied in
   * order and the result checked once.
   */
  static Scenario scenario(String preset, Path config, List<String> settings,
      Map<String, String> extras, PrintWriter err) {
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
    Map<String, String> set = parse(settings, "--set");
    set.putAll(extras);
    return s.withSettings(set);
  }

  /**
   * {@code base} with {@code settings} ({@code key=value} each, given to {@code option}) applied
   * in order and the result checked once.
   */
  static Scenario settings(Scenario base, List<String> settings, String option) {
    return base.withSettings(parse(settings, option));
  }

  private static Map<String, String> parse(List<String> settings, String option) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String kv : settings) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new Cli.UsageException(option + " needs key=value (got '" + kv + "'); keys: "
            + String.join(", ", Scenario.KEYS));
      }
      set.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
    }
    return set;
  }
}
