package org.activationlab.render;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.activationlab.training.LayerSnapshot;

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
   * One layer: a label, a mean |δ| (≥ 0; NaN = not measured) and a dead flag per neuron, the
   * shares of dead and saturated units.
   */
  public static final class Row {
    private final String label;
    private final int width;
    private final IntToDoubleFunction magnitude;
    private final IntPredicate dead;
    private final double deadFraction;
    private final double saturatedFraction;

    /** A row of given values (copied). */
    public Row(String label, double[] magnitudes, boolean[] dead, double deadFraction,
        double saturatedFraction) {
      if (dead.length != magnitudes.length) {
        throw new IllegalArgumentException("one dead flag per magnitude");
      }
      double[] m = magnitudes.clone();
      boolean[] d = dead.clone();
      this.label = label;
      this.width = m.length;
      this.magnitude = j -> m[j];
      this.dead = j -> d[j];
      this.deadFraction = deadFraction;
      this.saturatedFraction = saturatedFraction;
    }

    /** The row of a snapshot's layer (read from the immutable snapshot, not copied). */
    public Row(String label, LayerSnapshot layer) {
      this.label = label;
      this.width = layer.width();
      this.magnitude = layer::neuronGrad;
      this.dead = layer::isDead;
      this.deadFraction = layer.deadFraction();
      this.saturatedFraction = layer.saturatedFraction();
    }

    /** E.g. {@code 1 sigmoid}. */
    public String label() {
      return label;
    }

    public int width() {
      return width;
    }

    public double magnitude(int j) {
      return magnitude.applyAsDouble(j);
    }

    public boolean isDead(int j) {
      return dead.test(j);
    }

    public double deadFraction() {
      return deadFraction;
    }

    public double saturatedFraction() {
      return saturatedFraction;
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
