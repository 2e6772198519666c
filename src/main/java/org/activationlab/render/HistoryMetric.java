package org.activationlab.render;

import java.util.Arrays;

/** Which per-layer gradient magnitude the gradient history shows. */
public enum HistoryMetric {
  /** Mean |δ| over the batch and the layer's units (= |∂L/∂b| on average). */
  MEAN_ABS_DELTA("meanAbsDelta", "mean |δ|"),
  /** Root mean square of ∂L/∂W over the layer's weights. */
  WEIGHT_RMS("weightRms", "RMS ∂L/∂W");

  private final String id;
  private final String label;

  HistoryMetric(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name in scenario files. */
  public String id() {
    return id;
  }

  /** The name the pictures and controls show, in English. */
  public String label() {
    return label;
  }

  /** The name in {@code locale}'s language (the render bundle; English where it has none). */
  public String label(java.util.Locale locale) {
    return Texts.get(locale, "history.metric." + id);
  }

  /**
   * The metric named {@code id} in a file.
   *
   * @throws IllegalArgumentException naming the valid ids
   */
  public static HistoryMetric parse(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("view.historyMetric must be meanAbsDelta or weightRms "
            + "(got '" + id + "')"));
  }
}
