package org.activationlab.render;

/**
 * Per-layer gradient magnitudes over training time, for {@link GradientHistoryRenderer}.
 *
 * @param values {@code values[layer][column]}: a magnitude ≥ 0 per layer (input side first) and
 *     recorded column; NaN where nothing was recorded
 * @param steps the training step of each column, increasing; older columns may stand for several
 *     merged steps, so the spacing need not be even
 * @param layerLabels one label per layer, e.g. "1", "2", …, "out"
 * @param metric what the values are, e.g. "mean |δ|" or "RMS ∂L/∂W"
 * @param scale colours of the heatmap
 * @param theme colours and fonts
 */
public record GradientHistoryModel(
    double[][] values, long[] steps, String[] layerLabels, String metric, DecadeScale scale,
    Theme theme, java.util.List<Marker> markers) {

  /**
   * An alert over columns {@code from}..{@code to} (inclusive) of layer rows {@code firstLayer}..
   * {@code lastLayer}, outlined on the heatmap ({@link org.activationlab.training.RunAlerts}).
   */
  public record Marker(int firstLayer, int lastLayer, int from, int to) {
    /** One layer's alert. */
    public Marker(int layer, int from, int to) {
      this(layer, layer, from, to);
    }
  }

  /** A history without alerts. */
  public GradientHistoryModel(double[][] values, long[] steps, String[] layerLabels,
      String metric, DecadeScale scale, Theme theme) {
    this(values, steps, layerLabels, metric, scale, theme, java.util.List.of());
  }

  public GradientHistoryModel {
    markers = java.util.List.copyOf(markers);
    if (values.length != layerLabels.length) {
      throw new IllegalArgumentException("one label per layer");
    }
    for (double[] row : values) {
      if (row.length != steps.length) {
        throw new IllegalArgumentException("one value per layer and column");
      }
    }
  }

  public int layers() {
    return values.length;
  }

  public int columns() {
    return steps.length;
  }
}
