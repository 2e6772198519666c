package org.activationlab.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

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
    double left = Math.max(fs * 2.5, textWidth(widestYLabel, theme.smallFont()) + fs * 0.9);
    double top = withTitle ? fs * 2.3 : fs * 0.9;
    double bottom = fs * 2.2;
    double right = fs * 1.2;
    return new Rectangle2D.Double(left, top, Math.max(10, width - left - right),
        Math.max(10, height - top - bottom));
  }

  /** Width of {@code s} in {@code font}, measured before a Graphics2D exists. */
  static double textWidth(String s, Font font) {
    return Labels.width(s, font);
  }

  /** Draws grid, zero lines, frame and labels for a linear x and linear y frame. */
  public static void drawLinear(Labels labels, PlotFrame f, Theme theme) {
    Graphics2D g = labels.graphics();
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
    drawXLabels(labels, f, theme, xs, x -> NiceTicks.label(x, xStep));
    drawYLabels(labels, theme, ys, f::toPixelY, a, y -> NiceTicks.label(y, yStep));
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

  /**
   * Which of {@code n} evenly spread labels to show: every k-th, for the smallest k that leaves
   * {@code gap} between neighbours ({@code extent(i)} is label i's half-extent along the axis,
   * {@code at(i)} its centre), counted from {@code anchor} (the label of 0 where there is one).
   */
  static int thinning(int n, int anchor, java.util.function.IntToDoubleFunction at,
      java.util.function.IntToDoubleFunction extent, double gap) {
    for (int k = 1; k < n; k++) {
      boolean ok = true;
      int previous = -1;
      for (int i = Math.floorMod(anchor, k); i < n && ok; i += k) {
        if (previous >= 0) {
          ok = Math.abs(at.applyAsDouble(i) - at.applyAsDouble(previous))
              >= extent.applyAsDouble(i) + extent.applyAsDouble(previous) + gap;
        }
        previous = i;
      }
      if (ok) {
        return k;
      }
    }
    return Math.max(1, n);
  }

  /**
   * Tick labels under the data area, centred on their ticks (moved inwards at the picture's
   * edges), every k-th where they would crowd.
   */
  static void drawXLabels(Labels labels, PlotFrame f, Theme theme, List<Double> xs,
      DoubleFunction<String> label) {
    Graphics2D g = labels.graphics();
    Rectangle2D a = f.area();
    g.setFont(theme.smallFont());
    g.setColor(theme.muted());
    FontMetrics fm = Labels.metrics(g);
    String[] text = xs.stream().map(label::apply).toArray(String[]::new);
    int every = thinning(xs.size(), xs.indexOf(0.0), i -> f.toPixelX(xs.get(i)),
        i -> fm.stringWidth(text[i]) / 2.0, theme.fontSize() * 0.6);
    int anchor = Math.max(0, xs.indexOf(0.0));
    for (int i = Math.floorMod(anchor, every); i < xs.size(); i += every) {
      labels.drawCentred(text[i], f.toPixelX(xs.get(i)), a.getMaxY() + fm.getAscent() + 4);
    }
  }

  /** Tick labels left of the data area, every k-th where they would crowd. */
  static void drawYLabels(Labels labels, Theme theme, List<Double> ys, DoubleUnaryOperator toPixelY,
      Rectangle2D a, DoubleFunction<String> label) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    g.setColor(theme.muted());
    FontMetrics fm = Labels.metrics(g);
    double line = Labels.lineHeight(g.getFont());
    int every = thinning(ys.size(), ys.indexOf(0.0), i -> toPixelY.applyAsDouble(ys.get(i)),
        i -> line / 2, theme.fontSize() * 0.15);
    int anchor = Math.max(0, ys.indexOf(0.0));
    for (int i = Math.floorMod(anchor, every); i < ys.size(); i += every) {
      String s = label.apply(ys.get(i));
      double py = toPixelY.applyAsDouble(ys.get(i));
      labels.draw(s, a.getMinX() - fm.stringWidth(s) - 6, py + fm.getAscent() / 2.0 - 1);
    }
  }

  /**
   * Title above the data area, starting at its left edge; moved left, then shortened, where it
   * would leave the picture.
   */
  /**
   * The room above a plot area that {@link #drawTitle} needs: its baseline sits 0.7 em above
   * the area, so the title font's ascent (taller in a CJK font) must fit over that.
   */
  static double titleRoom(Theme theme) {
    return Math.max(theme.fontSize() * 2.0,
        Labels.ascent(theme.titleFont()) + theme.fontSize() * 0.7 + 1);
  }

  /**
   * The room below a plot area for a line of small text whose baseline sits {@code lines} small
   * lines (with leading) under the area, as keys and captions are placed: at least {@code
   * minimum} em. The leading counts: the fonts AWT picks for a Chinese locale have much of it.
   */
  static double keyRoom(Theme theme, double lines, double minimum) {
    java.awt.Font small = theme.smallFont();
    return Math.max(theme.fontSize() * minimum,
        Labels.metrics(small).getHeight() * lines + Labels.descent(small) + 1);
  }

  static void drawTitle(Labels labels, String title, Rectangle2D a, Theme theme) {
    if (title == null || title.isEmpty()) {
      return;
    }
    Graphics2D g = labels.graphics();
    g.setFont(theme.titleFont());
    g.setColor(theme.foreground());
    double margin = theme.fontSize() * 0.5;
    String t = Labels.fit(title, g.getFont(), labels.width() - 2 * margin);
    double x = Math.max(margin, Math.min(a.getMinX(),
        labels.width() - margin - Labels.width(t, g.getFont())));
    labels.draw(t, x, a.getMinY() - theme.fontSize() * 0.7);
  }

  /** A muted one-line message centred in {@code area}, for a picture with nothing to show yet. */
  public static void drawEmptyMessage(Labels labels, Rectangle2D area, Theme theme, String text) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.font());
    g.setColor(theme.muted());
    String t = Labels.fit(text, g.getFont(), labels.width() - theme.fontSize());
    FontMetrics fm = Labels.metrics(g);
    labels.drawCentred(t, area.getCenterX(), area.getCenterY() + fm.getAscent() / 2.0);
  }
}
