package org.activationlab.render;

import java.util.List;

/**
 * The depth chart: max|f′|ⁿ for n = 1…maxDepth.
 *
 * @param series one line per function
 * @param maxDepth largest n (e.g. 30)
 * @param theme colours and fonts
 */
public record DepthModel(List<DepthSeries> series, int maxDepth, Theme theme) {
  public DepthModel {
    series = List.copyOf(series);
    if (maxDepth < 2) {
      throw new IllegalArgumentException("maxDepth must be at least 2");
    }
  }
}
