package org.activationlab.render;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Grid, zero axes, frame and tick labels of a rectangular plot area: shared by every chart so they
 * all look alike. Linear or logarithmic y.
 */
public final class Axes {

  private Axes() {}

  /** Reserved space around the data area for tick labels and a title, in picture units. */
  public static Rectangle2D dataArea(double width, double height, Theme theme, boolean withTitle,
      String widestYLabel) {
    double fs = theme.fontSize();
    double left = Math.max(fs * 2.5, textWidth(widestYLabel, fs * 0.86) + fs * 1.1);
    double top = withTitle ? fs * 2.3 : fs * 0.9;
    double bottom = fs * 2.2;
    double right = fs * 1.2;
    return new Rectangle2D.Double(left, top, Math.max(10, width - left - right),
        Math.max(10, height - top - bottom));
  }

  /** Rough width estimate for layout before a Graphics2D exists (0.55 em per character). */
  static double textWidth(String s, double size) {
    return s == null ? 0 : s.length() * size * 0.55;
  }

  /** Draws grid, zero lines, frame and labels for a linear x and linear y frame. */
  public static void drawLinear(Graphics2D g, PlotFrame f, Theme theme) {
    Viewport v = f.viewport();
    Rectangle2D a = f.area();
    List<Double> xs = NiceTicks.linear(v.xMin(), v.xMax(), targetTicks(a.getWidth(), theme));
    List<Double> ys = NiceTicks.linear(v.yMin(), v.yMax(), targetTicks(a.getHeight(), theme) );
    double xStep = NiceTicks.step(v.xMin(), v.xMax(), targetTicks(a.getWidth(), theme));
    double yStep = NiceTicks.step(v.yMin(), v.yMax(), targetTicks(a.getHeight(), theme));
    drawGrid(g, f, theme, xs, ys);
    // zero axes, stronger than the grid
    g.setColor(theme.muted());
    g.setStroke(theme.thinStroke());
    if (v.xMin() < 0 && v.xMax() > 0) {
      double px = f.toPixelX(0);
      g.draw(new Line2D.Double(px, a.getMinY(), px, a.getMaxY()));
    }
    if (v.yMin() < 0 && v.yMax() > 0) {
      double py = f.toPixelY(0);
      g.draw(new Line2D.Double(a.getMinX(), py, a.getMaxX(), py));
    }
    drawFrame(g, a, theme);
    drawXLabels(g, f, theme, xs, x -> NiceTicks.label(x, xStep));
    drawYLabels(g, theme, ys, f::toPixelY, a, y -> NiceTicks.label(y, yStep));
  }

  static int targetTicks(double pixels, Theme theme) {
    return (int) Math.max(2, Math.min(12, pixels / (theme.fontSize() * 5.5)));
  }

  static void drawGrid(Graphics2D g, PlotFrame f, Theme theme, List<Double> xs, List<Double> ys) {
    Rectangle2D a = f.area();
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    for (double x : xs) {
      double px = f.toPixelX(x);
      g.draw(new Line2D.Double(px, a.getMinY(), px, a.getMaxY()));
    }
    for (double y : ys) {
      double py = f.toPixelY(y);
      g.draw(new Line2D.Double(a.getMinX(), py, a.getMaxX(), py));
    }
  }

  static void drawFrame(Graphics2D g, Rectangle2D a, Theme theme) {
    g.setColor(theme.muted());
    g.setStroke(theme.thinStroke());
    g.draw(a);
  }

  static void drawXLabels(Graphics2D g, PlotFrame f, Theme theme, List<Double> xs,
      DoubleFunction<String> label) {
    Rectangle2D a = f.area();
    g.setFont(theme.smallFont());
    g.setColor(theme.muted());
    FontMetrics fm = g.getFontMetrics();
    for (double x : xs) {
      String s = label.apply(x);
      double px = f.toPixelX(x);
      g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), (float) (a.getMaxY() + fm.getAscent() + 4));
    }
  }

  static void drawYLabels(Graphics2D g, Theme theme, List<Double> ys,
      java.util.function.DoubleUnaryOperator toPixelY, Rectangle2D a, DoubleFunction<String> label) {
    g.setFont(theme.smallFont());
    g.setColor(theme.muted());
    FontMetrics fm = g.getFontMetrics();
    for (double y : ys) {
      String s = label.apply(y);
      double py = toPixelY.applyAsDouble(y);
      g.drawString(s, (float) (a.getMinX() - fm.stringWidth(s) - 6),
          (float) (py + fm.getAscent() / 2.0 - 1));
    }
  }

  /** Title at the top left of the picture. */
  static void drawTitle(Graphics2D g, String title, Rectangle2D a, Theme theme) {
    if (title == null || title.isEmpty()) {
      return;
    }
    g.setFont(theme.titleFont());
    g.setColor(theme.foreground());
    g.drawString(title, (float) a.getMinX(), (float) (a.getMinY() - theme.fontSize() * 0.7));
  }

  /** A muted one-line message centred in {@code area}, for a picture with nothing to show yet. */
  public static void drawEmptyMessage(Graphics2D g, Rectangle2D area, Theme theme, String text) {
    g.setFont(theme.font());
    FontMetrics fm = g.getFontMetrics();
    g.setColor(theme.muted());
    g.drawString(text, (float) (area.getCenterX() - fm.stringWidth(text) / 2.0),
        (float) (area.getCenterY() + fm.getAscent() / 2.0));
  }
}
