package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A logarithmic colour scale for magnitudes spanning many decades (gradients: 1e-12 … 1e2):
 * log10 of the value mapped onto a colour map, exact zeros in a colour of their own, and a legend
 * with a label per decade. Values outside the range are clamped to its ends (the Lab fits the
 * range to what it shows, {@link DecadeRange#fitting}); NaN and ±∞ (a diverged run) get {@link
 * #NON_FINITE_COLOR} and a legend entry of their own.
 *
 * @param minExponent log10 of the smallest magnitude shown distinctly (e.g. −12)
 * @param maxExponent log10 of the largest (e.g. 2)
 * @param map the colour map
 * @param zeroColor colour of exact zeros (and of "no data")
 */
public record DecadeScale(int minExponent, int maxExponent, ColorMap map, Color zeroColor) {

  /** The Lab's gradient scale: 1e-12 … 1e2 on viridis, zeros in mid grey. */
  public static final DecadeScale GRADIENTS =
      new DecadeScale(-12, 2, ColorMap.VIRIDIS, new Color(0x9a, 0x9a, 0x9a));

  /** NaN or ±∞: the magenta of the gradient heatmap, which no viridis colour comes near. */
  public static final Color NON_FINITE_COLOR = new Color(0xD8, 0x1B, 0x60);

  /** Gradient magnitudes over {@code range} on viridis, zeros in mid grey. */
  public static DecadeScale gradients(DecadeRange range) {
    return new DecadeScale(range.min(), range.max(), GRADIENTS.map(), GRADIENTS.zeroColor());
  }

  public DecadeScale {
    if (minExponent >= maxExponent) {
      throw new IllegalArgumentException("minExponent must be below maxExponent");
    }
  }

  /** Position of a magnitude on the scale in [0, 1]; NaN for zero, negative or NaN input. */
  public double position(double magnitude) {
    if (!(magnitude > 0)) {
      return Double.NaN;
    }
    double t = (Math.log10(magnitude) - minExponent) / (maxExponent - minExponent);
    return Math.max(0, Math.min(1, t));
  }

  /** Opaque ARGB of a magnitude; zeros get {@link #zeroColor()}, NaN and ±∞ {@link
   * #NON_FINITE_COLOR}. */
  public int argb(double magnitude) {
    if (!Double.isFinite(magnitude)) {
      return NON_FINITE_COLOR.getRGB();
    }
    double t = position(magnitude);
    return Double.isNaN(t) ? zeroColor.getRGB() : map.argb(t);
  }

  public Color color(double magnitude) {
    return new Color(argb(magnitude), true);
  }

  /**
   * Draws a vertical legend: the colour bar from 10^max (top) to 10^min (bottom) with decade labels
   * (every k-th when space is short) and a swatch for exact zero below it.
   *
   * @param box where the legend goes (bar on the left, labels to its right)
   */
  public void drawLegend(Graphics2D g, Rectangle2D box, Theme theme, String title) {
    double fs = theme.fontSize();
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    double top = box.getMinY() + (title == null ? 0 : fm.getHeight() + 4);
    double barW = Math.min(fs * 1.1, box.getWidth() * 0.3);
    double zeroH = fm.getHeight() * 2.6; // the swatches for 0 and for NaN/∞
    double barH = Math.max(10, box.getMaxY() - top - zeroH - fm.getHeight() * 0.6);
    if (title != null) {
      g.setColor(theme.foreground());
      g.drawString(title, (float) box.getMinX(), (float) (box.getMinY() + fm.getAscent()));
    }
    int steps = (int) Math.max(2, barH);
    for (int i = 0; i < steps; i++) {
      double t = 1 - i / (steps - 1.0);
      g.setColor(map.color(t));
      g.fill(new Rectangle2D.Double(box.getMinX(), top + barH * i / steps, barW, barH / steps + 1));
    }
    g.setColor(theme.muted());
    g.setStroke(theme.thinStroke());
    g.draw(new Rectangle2D.Double(box.getMinX(), top, barW, barH));
    int decades = maxExponent - minExponent;
    int every = Math.max(1, (int) Math.ceil(decades / Math.max(1.0, barH / (fm.getHeight() * 1.05))));
    for (int e = maxExponent; e >= minExponent; e--) {
      if (Math.floorMod(e, every) != 0 && e != maxExponent && e != minExponent) {
        continue;
      }
      double y = top + barH * (maxExponent - e) / (double) decades;
      g.drawString(NiceTicks.decadeLabel(Math.pow(10, e)), (float) (box.getMinX() + barW + 4),
          (float) (y + fm.getAscent() / 2.0 - 1));
    }
    double zy = top + barH + fm.getHeight() * 0.6;
    g.setColor(zeroColor);
    g.fill(new Rectangle2D.Double(box.getMinX(), zy, barW, fm.getHeight() * 0.9));
    g.setColor(theme.muted());
    g.drawString("0", (float) (box.getMinX() + barW + 4), (float) (zy + fm.getAscent() * 0.85));
    zy += fm.getHeight() * 1.3;
    g.setColor(NON_FINITE_COLOR);
    g.fill(new Rectangle2D.Double(box.getMinX(), zy, barW, fm.getHeight() * 0.9));
    g.setColor(theme.muted());
    g.drawString(theme.text("scale.nonFinite"), (float) (box.getMinX() + barW + 4),
        (float) (zy + fm.getAscent() * 0.85));
  }
}
