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
 */
public record FunctionPlotModel(
    List<PlotSeries> series,
    Viewport viewport,
    boolean showValue,
    boolean showDerivative,
    Theme theme,
    double crosshairX,
    String title) {

  public FunctionPlotModel {
    series = List.copyOf(series);
  }

  /** A plot without crosshair or title. */
  public static FunctionPlotModel of(List<PlotSeries> series, Viewport viewport, Theme theme) {
    return new FunctionPlotModel(series, viewport, true, true, theme, Double.NaN, null);
  }
}
