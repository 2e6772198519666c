package org.activationlab.render;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.activationlab.training.LayerSnapshot;

/**
 * What the per-layer gradient heatmap shows: one row per layer (input side first), one cell per
 * neuron coloured by log10 of its mean |δ| over the decade range [{@code decadeMin}, {@code
 * decadeMax}] (fitted to the values, or locked by the user); exact zeros get their own colour,
 * dead units a ✕.
 *
 * @param title text above the picture (may be null)
 * @param rows the layers, input side first
 * @param decadeMin log10 of the smallest magnitude on the scale (e.g. −12)
 * @param decadeMax log10 of the largest (e.g. 2)
 * @param locked whether the range was locked (values may then lie outside it: the legend shows
 *     which ends they pass)
 */
public record GradientHeatmapModel(String title, List<Row> rows, int decadeMin, int decadeMax,
    boolean locked) {

  /**
   * One layer: a label (e.g. {@code 1 sigmoid}), per neuron a mean |δ| (≥ 0; NaN = not measured)
   * and a dead flag, and the shares of dead and saturated units and of inactive (unit, sample)
   * pairs. A share that does not apply to the layer's function is NaN: the saturated share of a
   * function that does not saturate, the inactive share of one that is not ReLU-like ({@link
   * org.activationlab.activation.Flatness}). A row reads its values through functions, so a row
   * of an immutable snapshot copies nothing.
   */
  public record Row(String label, int width, IntToDoubleFunction magnitudes, IntPredicate deadFlags,
      double deadFraction, double saturatedFraction, double inactiveFraction, double layerMean) {

    /** A row whose mean is that of its cells. */
    public Row(String label, int width, IntToDoubleFunction magnitudes, IntPredicate deadFlags,
        double deadFraction, double saturatedFraction, double inactiveFraction) {
      this(label, width, magnitudes, deadFlags, deadFraction, saturatedFraction,
          inactiveFraction, Double.NaN);
    }

    /** A row of given values (copied), with no inactive share. */
    public static Row of(String label, double[] magnitudes, boolean[] dead, double deadFraction,
        double saturatedFraction) {
      return of(label, magnitudes, dead, deadFraction, saturatedFraction, Double.NaN);
    }

    /** A row of given values (copied). */
    public static Row of(String label, double[] magnitudes, boolean[] dead, double deadFraction,
        double saturatedFraction, double inactiveFraction) {
      if (dead.length != magnitudes.length) {
        throw new IllegalArgumentException("one dead flag per magnitude");
      }
      double[] m = magnitudes.clone();
      boolean[] d = dead.clone();
      return new Row(label, m.length, j -> m[j], j -> d[j], deadFraction, saturatedFraction,
          inactiveFraction);
    }

    /** The row of a snapshot's layer: its inactive share only if its function is ReLU-like. */
    public Row(String label, LayerSnapshot layer) {
      this(label, layer.width(), layer::neuronGrad, layer::isDead, layer.deadFraction(),
          layer.saturatedFraction(),
          layer.flatness().reportsInactive() ? layer.inactiveFraction() : Double.NaN);
    }

    public double magnitude(int j) {
      return magnitudes.applyAsDouble(j);
    }

    public boolean isDead(int j) {
      return deadFlags.test(j);
    }

    /**
     * The layer's mean |δ|: as stated when the cells are bins of a wide layer ({@code layerMean}),
     * otherwise the mean over its cells (NaN if any is NaN).
     */
    public double mean() {
      if (!Double.isNaN(layerMean)) {
        return layerMean;
      }
      double sum = 0;
      for (int j = 0; j < width; j++) {
        sum += magnitude(j);
      }
      return width == 0 ? Double.NaN : sum / width;
    }
  }

  public GradientHeatmapModel {
    rows = List.copyOf(rows);
    if (decadeMax <= decadeMin) {
      throw new IllegalArgumentException("decadeMax must exceed decadeMin");
    }
  }

  /** A model whose range is not locked. */
  public GradientHeatmapModel(String title, List<Row> rows, int decadeMin, int decadeMax) {
    this(title, rows, decadeMin, decadeMax, false);
  }

  /** Whether some positive finite magnitude lies above (+1) or below (−1) the range. */
  public boolean exceeds(int side) {
    for (Row r : rows) {
      for (int j = 0; j < r.width(); j++) {
        double v = r.magnitude(j);
        if (v > 0 && Double.isFinite(v)
            && (side > 0 ? Math.log10(v) > decadeMax : Math.log10(v) < decadeMin)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the cells' values are, for the legend: mean |δ| unless the title's first words name
   * another quantity ({@link RunMetric}'s label, for runs recorded without δ).
   */
  public String legend(Theme theme) {
    for (RunMetric m : RunMetric.values()) {
      String label = m.label(theme.locale());
      if (m != RunMetric.MEAN_ABS_DELTA && title != null && title.startsWith(label)) {
        return label;
      }
    }
    return theme.text("heatmap.legend");
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
