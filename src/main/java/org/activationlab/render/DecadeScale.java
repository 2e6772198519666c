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
   * (every k-th when space is short, never closer than a line) and a swatch for exact zero below
   * it. Labels that would leave {@code box}'s picture or meet other text are left out.
   *
   * @param box where the legend goes (bar on the left, labels to its right)
   */
  public void drawLegend(Graphics2D g, Rectangle2D box, Theme theme, String title) {
    drawLegend(new Labels(g, Double.MAX_VALUE, Double.MAX_VALUE), box, theme, title);
  }

  void drawLegend(Labels labels, Rectangle2D box, Theme theme, String title) {
    Graphics2D g = labels.graphics();
    double fs = theme.fontSize();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double line = Labels.lineHeight(g.getFont());
    double top = box.getMinY() + (title == null ? line / 2 : line + 4 + line / 2);
    double barW = Math.min(fs * 1.1, box.getWidth() * 0.3);
    // below the bar: half a label, a gap, the swatches for 0 and for NaN/∞ with their labels
    double zeroRow = line / 2 + 4 + line + 2 + line;
    double barH = Math.max(10, box.getMaxY() - top - zeroRow);
    if (title != null) {
      g.setColor(theme.foreground());
      labels.draw(title, box.getMinX(), box.getMinY() + fm.getAscent());
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
    double perDecade = barH / decades;
    // every k-th decade, k a 1-2-5 step, so labels stand a line and a bit apart
    int every = 1;
    for (int k : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
      every = k;
      if (perDecade * k >= line * 1.15) {
        break;
      }
    }
    for (int e = maxExponent; e >= minExponent; e--) {
      if (Math.floorMod(e, every) != 0) {
        continue;
      }
      double y = top + barH * (maxExponent - e) / (double) decades;
      labels.draw(NiceTicks.decadeLabel(Math.pow(10, e)), box.getMinX() + barW + 4,
          y + fm.getAscent() / 2.0 - 1);
    }
    double zy = top + barH + line / 2 + 4;
    g.setColor(zeroColor);
    g.fill(new Rectangle2D.Double(box.getMinX(), zy, barW, line * 0.8));
    g.setColor(theme.muted());
    labels.draw("0", box.getMinX() + barW + 4, zy + fm.getAscent());
    zy += line + 2;
    g.setColor(NON_FINITE_COLOR);
    g.fill(new Rectangle2D.Double(box.getMinX(), zy, barW, line * 0.8));
    g.setColor(theme.muted());
    labels.draw(theme.text("scale.nonFinite"), box.getMinX() + barW + 4, zy + fm.getAscent());
  }
}
