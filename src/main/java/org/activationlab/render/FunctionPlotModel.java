package org.activationlab.render;

import java.util.List;

/**
 * What the function plot shows.
 *
 * @param series up to six functions
 * @param viewport visible data range
 * @param showValue draw f (solid)
 * @param showDerivative draw f′ (dashed, same colour)
 * @param theme colours and fonts
 * @param crosshairX data x of the hover crosshair, NaN for none
 * @param title text above the plot, null or empty for none
 * @param selected index of the series drawn on top of the others (the one the user selected),
 *     −1 for none
 */
public record FunctionPlotModel(
    List<PlotSeries> series,
    Viewport viewport,
    boolean showValue,
    boolean showDerivative,
    Theme theme,
    double crosshairX,
    String title,
    int selected) {

  public FunctionPlotModel {
    series = List.copyOf(series);
  }

  /** A plot with no series selected. */
  public FunctionPlotModel(List<PlotSeries> series, Viewport viewport, boolean showValue,
      boolean showDerivative, Theme theme, double crosshairX, String title) {
    this(series, viewport, showValue, showDerivative, theme, crosshairX, title, -1);
  }

  /** A plot without crosshair or title. */
  public static FunctionPlotModel of(List<PlotSeries> series, Viewport viewport, Theme theme) {
    return new FunctionPlotModel(series, viewport, true, true, theme, Double.NaN, null);
  }
}
