package org.activationlab.render;

import java.util.List;

/**
 * What the per-layer gradient heatmap shows: one row per layer (input side first), one cell per
 * neuron coloured by log10 of its mean |δ| over the fixed decade range [{@code decadeMin}, {@code
 * decadeMax}]; exact zeros get their own colour, dead units a ✕.
 *
 * @param title text above the picture (may be null)
 * @param rows the layers, input side first
 * @param decadeMin log10 of the smallest magnitude on the scale (e.g. −12)
 * @param decadeMax log10 of the largest (e.g. 2)
 */
public record GradientHeatmapModel(String title, List<Row> rows, int decadeMin, int decadeMax) {

  public static final int DEFAULT_DECADE_MIN = -12;
  public static final int DEFAULT_DECADE_MAX = 2;

  /**
   * One layer.
   *
   * @param label e.g. {@code 1 sigmoid}
   * @param magnitudes mean |δ| per neuron (≥ 0; NaN = not measured)
   * @param dead dead flag per neuron (same length)
   * @param deadFraction share of dead units
   * @param saturatedFraction share of saturated units
   */
  public record Row(String label, double[] magnitudes, boolean[] dead, double deadFraction,
      double saturatedFraction) {
    public Row {
      magnitudes = magnitudes.clone();
      dead = dead.clone();
      if (dead.length != magnitudes.length) {
        throw new IllegalArgumentException("one dead flag per magnitude");
      }
    }

    public int width() {
      return magnitudes.length;
    }

    public double magnitude(int j) {
      return magnitudes[j];
    }

    public boolean isDead(int j) {
      return dead[j];
    }
  }

  public GradientHeatmapModel {
    rows = List.copyOf(rows);
    if (decadeMax <= decadeMin) {
      throw new IllegalArgumentException("decadeMax must exceed decadeMin");
    }
  }

  /** Widest row. */
  public int maxWidth() {
    int w = 1;
    for (Row r : rows) {
      w = Math.max(w, r.width());
    }
    return w;
  }
}
