package org.activationlab.render;

/**
 * The data rectangle a plot shows, in data units. Immutable: zoom and pan return new viewports.
 *
 * @param xMin left edge
 * @param xMax right edge, &gt; xMin
 * @param yMin bottom edge
 * @param yMax top edge, &gt; yMin
 */
public record Viewport(double xMin, double xMax, double yMin, double yMax) {

  /** What the Explorer opens with: wide enough for the interesting part of every function. */
  public static final Viewport DEFAULT = new Viewport(-5, 5, -1.5, 3);

  /** Spans smaller than this (or larger than its inverse) are refused by {@link #isUsable()}. */
  private static final double MIN_SPAN = 1e-6;
  private static final double MAX_SPAN = 1e7;

  /** @throws IllegalArgumentException if a bound is not finite or min ≥ max */
  public Viewport {
    if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin)
        && Double.isFinite(yMax))) {
      throw new IllegalArgumentException("viewport bounds must be finite");
    }
    if (!(xMin < xMax && yMin < yMax)) {
      throw new IllegalArgumentException("viewport needs min < max on both axes");
    }
  }

  public double width() {
    return xMax - xMin;
  }

  public double height() {
    return yMax - yMin;
  }

  /** Whether the spans are in the range a plot can label sensibly. */
  public boolean isUsable() {
    return width() >= MIN_SPAN && height() >= MIN_SPAN && width() <= MAX_SPAN
        && height() <= MAX_SPAN;
  }

  /** Scales both spans by {@code factor} (&lt; 1 zooms in) keeping (x, y) where it is. */
  public Viewport zoomAt(double factor, double x, double y) {
    return new Viewport(x - (x - xMin) * factor, x + (xMax - x) * factor,
        y - (y - yMin) * factor, y + (yMax - y) * factor);
  }

  /** Shifts the view by (dx, dy) data units. */
  public Viewport pan(double dx, double dy) {
    return new Viewport(xMin + dx, xMax + dx, yMin + dy, yMax + dy);
  }
}
