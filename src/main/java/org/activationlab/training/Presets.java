package org.activationlab.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Lab's ready-made scenarios, each showing one phenomenon within its default step count
 * ({@link Scenario#steps()}). Titles and explanations (what to look for) come from the bundle
 * {@code org/activationlab/training/presets[_zh].properties} under {@code NAME.title} and {@code
 * NAME.explanation}.
 */
public final class Presets {

  /** A preset: its name (the command-line id) and scenario. */
  public record Preset(String name, Scenario scenario) {
    public String title(Locale locale) {
      return text(name + ".title", locale);
    }

    public String explanation(Locale locale) {
      return text(name + ".explanation", locale);
    }

    public int steps() {
      return scenario.steps();
    }
  }

  private static final String BUNDLE = "org.activationlab.training.presets";
  private static final Map<String, Preset> ALL = new LinkedHashMap<>();
  /** English stays English on a Chinese system: no fallback to the default locale. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  static {
    Scenario base = Scenario.defaults();
    // shallow default: learns the circle
    add("playground", base.withSettings(ordered(
        "hidden", "4,2", "activation", "tanh", "optimizer", "sgd", "learningRate", "0.1",
        "batchSize", "10", "steps", "1500")));
    Scenario deep = base.withSettings(ordered(
        "hidden", "8x8", "init", "glorot_uniform", "biasInit", "zeros", "optimizer", "sgd",
        "learningRate", "0.1", "batchSize", "10", "steps", "300"));
    add("deep-sigmoid", deep.withSetting("activation", "sigmoid"));
    add("deep-tanh", deep.withSettings(ordered("activation", "tanh", "init",
        "normal:stddev=0.15")));
    add("xavier-tanh", deep.withSettings(ordered("activation", "tanh", "init",
        "glorot_normal")));
    add("relu-he", deep.withSettings(ordered("activation", "relu", "init", "he_normal")));
    Scenario dead = base.withSettings(ordered(
        "hidden", "16,16,16", "init", "he_normal", "biasInit", "constant:value=-0.5",
        "optimizer", "sgd", "learningRate", "1.5", "batchSize", "10", "steps", "300"));
    add("dead-relu", dead.withSetting("activation", "relu"));
    add("leaky-relu", dead.withSetting("activation", "leaky_relu:negative_slope=0.1"));
    add("exploding", deep.withSettings(ordered("hidden", "8x6", "activation",
        "leaky_relu:negative_slope=0.1", "init", "normal:stddev=3", "learningRate", "0.01",
        "steps", "100")));
  }

  private Presets() {}

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void add(String name, Scenario s) {
    ALL.put(name, new Preset(name, s));
  }

  /** All presets in display order. */
  public static List<Preset> all() {
    return List.copyOf(ALL.values());
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * The preset named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid presets
   */
  public static Preset get(String name) {
    Preset p = ALL.get(name.trim().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new IllegalArgumentException("unknown preset '" + name + "'; valid: "
          + String.join(", ", ALL.keySet()));
    }
    return p;
  }

  /** A text of the presets bundle (also hints such as {@link TrainingSnapshot#HINT_DIVERGED} and {@link
   * Divergence.Reason#key()}). */
  public static String text(String key, Locale locale) {
    try {
      return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
