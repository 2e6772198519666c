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
    Theme theme) {

  public GradientHistoryModel {
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
