package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Train loss (solid), test loss (dashed) on the left axis, linear or logarithmic, and test accuracy
 * (dotted, right axis 0–100 %) over training steps.
 */
public final class LossChartRenderer {

  static final Color TRAIN = Palette.color(0);
  static final Color TEST = Palette.color(1);
  static final Color ACCURACY = Palette.color(2);

  /** The loss frame: x in steps, y in loss (or log10 of loss on a log axis). */
  public PlotFrame frame(double width, double height, LossChartModel m) {
    double fs = m.theme().fontSize();
    Rectangle2D a = new Rectangle2D.Double(fs * 4.0, fs * 2.0, Math.max(10, width - fs * 7.5),
        Math.max(10, height - fs * 4.6));
    double x0 = m.steps().length == 0 ? 0 : m.steps()[0];
    double x1 = m.steps().length == 0 ? 1 : Math.max(x0 + 1, m.steps()[m.steps().length - 1]);
    double[] y = lossRange(m);
    return new PlotFrame(a, new Viewport(x0, x1, y[0], y[1]));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, LossChartModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    PlotFrame f = frame(width, height, m);
    Rectangle2D a = f.area();
    Viewport v = f.viewport();
    int target = Axes.targetTicks(a.getHeight(), theme);
    List<Double> ys;
    java.util.function.DoubleFunction<String> yLabel;
    if (m.logLoss()) {
      ys = NiceTicks.decades(Math.pow(10, v.yMin()), Math.pow(10, v.yMax()), target).stream()
          .map(Math::log10).toList();
      yLabel = y -> NiceTicks.decadeLabel(Math.pow(10, y));
    } else {
      ys = NiceTicks.linear(v.yMin(), v.yMax(), target);
      double step = NiceTicks.step(v.yMin(), v.yMax(), target);
      yLabel = y -> NiceTicks.label(y, step);
    }
    List<Double> xs = NiceTicks.whole(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    double xStep = NiceTicks.step(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    Axes.drawGrid(g, f, theme, xs, ys);
    Axes.drawFrame(g, a, theme);
    Axes.drawXLabels(g, f, theme, xs, x -> NiceTicks.label(x, Math.max(1, xStep)));
    Axes.drawYLabels(g, theme, ys, f::toPixelY, a, yLabel);
    drawAccuracyAxis(g, a, theme);
    Axes.drawTitle(g, theme.text(m.logLoss() ? "loss.titleLog" : "loss.title"), a, theme);

    java.awt.Shape clip = g.getClip();
    g.clip(a);
    DoubleUnaryOperator lossY = m.logLoss() ? y -> f.toPixelY(Math.log10(y)) : f::toPixelY;
    g.setStroke(theme.seriesStroke());
    g.setColor(TRAIN);
    g.draw(line(m.steps(), m.trainLoss(), f, lossY, m.logLoss(), false));
    g.setStroke(theme.dashedStroke());
    g.setColor(TEST);
    // the test loss is measured now and then, not every step: join the measured points
    g.draw(line(m.steps(), m.testLoss(), f, lossY, m.logLoss(), true));
    g.setStroke(theme.dottedStroke());
    g.setColor(ACCURACY);
    g.draw(line(m.steps(), m.accuracy(), f,
        acc -> a.getMaxY() - acc * a.getHeight(), false, true));
    g.setClip(clip);
    drawKey(g, a, theme);
    if (m.steps().length < 2) { // step 0 alone is a point, not yet a curve
      Axes.drawEmptyMessage(g, a, theme, theme.text("loss.empty"));
    }
  }

  /**
   * The polyline of a series; a missing value breaks it, unless {@code bridgeGaps} (for series
   * sampled only in some columns).
   */
  private static Path2D line(long[] steps, double[] values, PlotFrame f, DoubleUnaryOperator toY,
      boolean positiveOnly, boolean bridgeGaps) {
    Path2D.Double path = new Path2D.Double();
    boolean open = false;
    for (int i = 0; i < steps.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v) || (positiveOnly && v <= 0)) {
        open &= bridgeGaps && Double.isNaN(v);
        continue;
      }
      double px = f.toPixelX(steps[i]);
      double py = toY.applyAsDouble(v);
      if (open) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        open = true;
      }
    }
    return path;
  }

  private static void drawAccuracyAxis(Graphics2D g, Rectangle2D a, Theme theme) {
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    g.setColor(ACCURACY);
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = a.getMaxY() - pct / 100.0 * a.getHeight();
      g.draw(new Line2D.Double(a.getMaxX(), y, a.getMaxX() + 4, y));
      g.drawString(pct + "%", (float) (a.getMaxX() + 6), (float) (y + fm.getAscent() / 2.0 - 1));
    }
  }

  private static void drawKey(Graphics2D g, Rectangle2D a, Theme theme) {
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    double x = a.getMinX();
    double y = a.getMaxY() + fm.getHeight() * 2.1;
    double sample = theme.fontSize() * 1.6;
    String[] labels = {theme.text("loss.train"), theme.text("loss.test"),
        theme.text("loss.accuracy")};
    double needed = 0;
    for (String label : labels) {
      needed += sample + 4 + fm.stringWidth(label) + theme.fontSize();
    }
    if (needed > a.getWidth() + theme.fontSize() * 3) {
      labels = new String[] {theme.text("loss.trainShort"), theme.text("loss.testShort"),
          theme.text("loss.accuracyShort")}; // narrow picture or large fonts
    }
    Color[] colors = {TRAIN, TEST, ACCURACY};
    for (int i = 0; i < labels.length; i++) {
      g.setColor(colors[i]);
      g.setStroke(i == 0 ? theme.seriesStroke() : i == 1 ? theme.dashedStroke() : theme.dottedStroke());
      g.draw(new Line2D.Double(x, y - fm.getAscent() / 3.0, x + sample, y - fm.getAscent() / 3.0));
      x += sample + 4;
      g.setColor(theme.muted());
      g.drawString(labels[i], (float) x, (float) y);
      x += fm.stringWidth(labels[i]) + theme.fontSize();
    }
  }

  /** Loss axis range: [0, max] linear, whole decades around the positive values on a log axis. */
  static double[] lossRange(LossChartModel m) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double[] series : new double[][] {m.trainLoss(), m.testLoss()}) {
      for (double v : series) {
        if (Double.isFinite(v) && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi == 0) {
      return m.logLoss() ? new double[] {-3, 0} : new double[] {0, 1};
    }
    if (m.logLoss()) {
      double min = Math.floor(Math.log10(lo));
      double max = Math.ceil(Math.log10(hi));
      return new double[] {min, max > min ? max : min + 1};
    }
    return new double[] {0, hi * 1.05};
  }
}
