package org.activationlab.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one picture placed by measured boxes. A label's box is its font's logical box —
 * advance wide, ascent above the baseline, descent below — and a label is drawn only if that box
 * lies inside the picture and meets no label placed before it. Renderers lay their text out first
 * (fewer ticks, thinned row labels, shorter titles, legends moved) and draw through this as the
 * last guard: a label that would still collide is left out, never drawn over another.
 */
final class Labels {

  /** For measuring before a Graphics2D exists: antialiased, integer advances, as on screen. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, false);

  /** Overlaps up to this much (rounding) do not count. */
  private static final double SLACK = 0.01;

  private final Graphics2D g;
  private final Rectangle2D picture;
  private final List<Rectangle2D> placed = new ArrayList<>();

  /** The labels of a picture of {@code width} × {@code height} drawn onto {@code g}. */
  Labels(Graphics2D g, double width, double height) {
    this.g = g;
    this.picture = new Rectangle2D.Double(0, 0, width, height);
  }

  Graphics2D graphics() {
    return g;
  }

  double width() {
    return picture.getWidth();
  }

  double height() {
    return picture.getHeight();
  }

  /** Per thread, a Graphics2D of AWT's own for measuring. */
  private static final ThreadLocal<Graphics2D> MEASURE = ThreadLocal.withInitial(() -> {
    Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB)
        .createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
        java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  });

  /**
   * AWT's metrics of {@code g}'s current font, whatever {@code g} is. Renderers lay text out with
   * these rather than {@code Labels.metrics(g)}: FXGraphics2D's metrics (the screen) give a line
   * height equal to the ascent, with no descent, so lines laid out with them crowd each other.
   */
  static java.awt.FontMetrics metrics(Graphics2D g) {
    return MEASURE.get().getFontMetrics(g.getFont());
  }

  /** AWT's metrics of {@code font}. */
  static java.awt.FontMetrics metrics(Font font) {
    return MEASURE.get().getFontMetrics(font);
  }

  /** Advance of {@code s} in {@code font}. */
  static double width(String s, Font font) {
    return s == null || s.isEmpty() ? 0 : font.getStringBounds(s, FRC).getWidth();
  }

  /** Ascent plus descent of {@code font}: the height of a line of text set solid. */
  static double lineHeight(Font font) {
    LineMetrics m = font.getLineMetrics("0", FRC);
    return m.getAscent() + m.getDescent();
  }

  static double ascent(Font font) {
    return font.getLineMetrics("0", FRC).getAscent();
  }

  static double descent(Font font) {
    return font.getLineMetrics("0", FRC).getDescent();
  }

  /** The box of {@code s} in the current font with its baseline starting at (x, baseline). */
  Rectangle2D box(String s, double x, double baseline) {
    Rectangle2D b = g.getFont().getStringBounds(s, g.getFontRenderContext());
    return new Rectangle2D.Double(x + b.getX(), baseline + b.getY(), b.getWidth(), b.getHeight());
  }

  /** Whether a box lies inside the picture and meets no placed label. */
  boolean fits(Rectangle2D box) {
    if (box.getMinX() < -SLACK || box.getMinY() < -SLACK
        || box.getMaxX() > picture.getWidth() + SLACK
        || box.getMaxY() > picture.getHeight() + SLACK) {
      return false;
    }
    for (Rectangle2D p : placed) {
      if (meets(p, box)) {
        return false;
      }
    }
    return true;
  }

  static boolean meets(Rectangle2D a, Rectangle2D b) {
    return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()) > SLACK
        && Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()) > SLACK;
  }

  /** Draws {@code s} in the current font and colour if it fits; returns whether it was drawn. */
  boolean draw(String s, double x, double baseline) {
    if (s == null || s.isBlank()) {
      return false;
    }
    Rectangle2D box = box(s, x, baseline);
    if (!fits(box)) {
      return false;
    }
    g.drawString(s, (float) x, (float) baseline);
    placed.add(box);
    return true;
  }

  /**
   * Draws {@code s} centred on {@code cx}, moved sideways as far as needed to stay inside the
   * picture (a tick label at the edge of a plot), if it then fits.
   */
  boolean drawCentred(String s, double cx, double baseline) {
    double w = box(s, 0, baseline).getWidth();
    double x = Math.max(0, Math.min(picture.getWidth() - w, cx - w / 2));
    return draw(s, x, baseline);
  }

  /** Marks a region as taken (a legend panel): no later label may go there. */
  void reserve(Rectangle2D region) {
    placed.add(region);
  }

  /** {@code s} shortened with an ellipsis to at most {@code w} wide in {@code font} ("" if not even "…" fits). */
  static String fit(String s, Font font, double w) {
    if (s == null || width(s, font) <= w) {
      return s;
    }
    String t = s;
    while (!t.isEmpty() && width(t.strip() + "…", font) > w) {
      t = t.substring(0, t.length() - 1);
    }
    return t.isEmpty() && width("…", font) > w ? "" : t.strip() + "…";
  }

  /**
   * Of the four corners of {@code area} (inset by {@code inset}), the one where a {@code w} ×
   * {@code h} box covers the fewest of the points (x[i], y[i]); ties go to top left, top right,
   * bottom right, bottom left in that order.
   */
  static Rectangle2D emptiestCorner(Rectangle2D area, double w, double h, double inset,
      double[] x, double[] y, int n) {
    Rectangle2D[] corners = {
        new Rectangle2D.Double(area.getMinX() + inset, area.getMinY() + inset, w, h),
        new Rectangle2D.Double(area.getMaxX() - inset - w, area.getMinY() + inset, w, h),
        new Rectangle2D.Double(area.getMaxX() - inset - w, area.getMaxY() - inset - h, w, h),
        new Rectangle2D.Double(area.getMinX() + inset, area.getMaxY() - inset - h, w, h)};
    Rectangle2D best = corners[0];
    int fewest = Integer.MAX_VALUE;
    for (Rectangle2D c : corners) {
      int hits = 0;
      for (int i = 0; i < n; i++) {
        hits += c.contains(x[i], y[i]) ? 1 : 0;
      }
      if (hits < fewest) {
        fewest = hits;
        best = c;
      }
    }
    return best;
  }
}
