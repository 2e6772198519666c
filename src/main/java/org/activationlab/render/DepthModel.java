package org.activationlab.render;

import java.util.List;

/**
 * The depth chart: for n = 1…maxDepth, max|f′|ⁿ (the best case, solid) and, for series that have
 * them, the typical ∏χ under the initialisation (dashed).
 *
 * @param series one function each
 * @param maxDepth largest n (e.g. 30)
 * @param init the initialisation the typical lines assume
 * @param theme colours and fonts
 */
public record DepthModel(List<DepthSeries> series, int maxDepth, DepthInit init, Theme theme) {
  public DepthModel {
    series = List.copyOf(series);
    if (maxDepth < 2) {
      throw new IllegalArgumentException("maxDepth must be at least 2");
    }
    for (DepthSeries s : series) {
      if (s.hasFactors() && s.factors().length < maxDepth) {
        throw new IllegalArgumentException("a factor per layer up to maxDepth: " + s.label());
      }
    }
  }

  /** With the default initialisation. */
  public DepthModel(List<DepthSeries> series, int maxDepth, Theme theme) {
    this(series, maxDepth, DepthInit.DEFAULT, theme);
  }
}
