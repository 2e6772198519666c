package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Train loss (solid), test loss (dashed) on the left axis, linear or logarithmic, and test accuracy
 * (dotted, right axis 0–100 %) over training steps. Two runs compared: each run's train loss
 * (solid) and test accuracy (dotted) in that run's colour ({@link SideBySide#A_COLOR}, {@link
 * SideBySide#B_COLOR}), both on the same axes; the test losses are left out, as four curves are
 * what a class can still tell apart.
 */
public final class LossChartRenderer {

  static final Color TRAIN = Palette.color(0);
  static final Color TEST = Palette.color(1);
  static final Color ACCURACY = Palette.color(2);

  /** The loss frame: x in steps, y in loss (or log10 of loss on a log axis). */
  public PlotFrame frame(double width, double height, LossChartModel m) {
    Theme theme = m.theme();
    double fs = theme.fontSize();
    // room for the title above and the tick labels and key below, by the fonts' own metrics
    // (a CJK font's ascent and line are taller than a Latin one's of the same size)
    double top = Axes.titleRoom(theme);
    double bottom = Axes.keyRoom(theme, 2.1, 2.6);
    double h = Math.max(10, height - top - bottom);
    double x0 = firstStep(m);
    double x1 = Math.max(x0 + 1, lastStep(m));
    if (m.compared() != null) {
      x0 = Math.min(x0, firstStep(m.compared()));
      x1 = Math.max(x1, lastStep(m.compared()));
    }
    double[] y = lossRange(m);
    Viewport v = new Viewport(x0, x1, y[0], y[1]);
    // room left for the widest loss label, right for "100%"
    double widest = 0;
    YTicks ticks = yTicks(m, v, h);
    for (double t : ticks.values()) {
      widest = Math.max(widest, Labels.width(ticks.label().apply(t), theme.smallFont()));
    }
    double left = Math.max(fs * 2.5, widest + fs * 0.9);
    double right = Labels.width("100%", theme.smallFont()) + fs * 0.9;
    Rectangle2D a = new Rectangle2D.Double(left, top, Math.max(10, width - left - right), h);
    return new PlotFrame(a, v);
  }

  private static double firstStep(LossChartModel m) {
    return m.steps().length == 0 ? 0 : m.steps()[0];
  }

  private static double lastStep(LossChartModel m) {
    return m.steps().length == 0 ? 1 : m.steps()[m.steps().length - 1];
  }

  /** The loss axis's ticks and how they are labelled. */
  private record YTicks(List<Double> values, java.util.function.DoubleFunction<String> label) {}

  private static YTicks yTicks(LossChartModel m, Viewport v, double areaHeight) {
    int target = Axes.targetTicks(areaHeight, m.theme());
    if (m.logLoss()) {
      return new YTicks(NiceTicks.decades(Math.pow(10, v.yMin()), Math.pow(10, v.yMax()), target)
          .stream().map(Math::log10).toList(), y -> NiceTicks.decadeLabel(Math.pow(10, y)));
    }
    double step = NiceTicks.step(v.yMin(), v.yMax(), target);
    return new YTicks(NiceTicks.linear(v.yMin(), v.yMax(), target),
        y -> NiceTicks.label(y, step));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, LossChartModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    PlotFrame f = frame(width, height, m);
    Rectangle2D a = f.area();
    Viewport v = f.viewport();
    YTicks y = yTicks(m, v, a.getHeight());
    List<Double> ys = y.values();
    List<Double> xs = NiceTicks.whole(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    double xStep = NiceTicks.step(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    Axes.drawGrid(g, f, theme, xs, ys);
    Axes.drawFrame(g, a, theme);
    Labels labels = new Labels(g, width, height);
    boolean hasTest = m.compared() != null || anyFinite(m.testLoss());
    boolean hasAccuracy = m.compared() != null || anyFinite(m.accuracy());
    Axes.drawTitle(labels, theme.text((m.logLoss() ? "loss.titleLog" : "loss.title")
        + (hasAccuracy ? "" : "NoAccuracy")), a, theme);
    if (m.compared() == null) {
      drawKey(labels, a, theme, hasTest, hasAccuracy);
    } else {
      drawComparedKey(labels, a, theme);
    }
    Axes.drawXLabels(labels, f, theme, xs, x -> NiceTicks.label(x, Math.max(1, xStep)));
    Axes.drawYLabels(labels, theme, ys, f::toPixelY, a, y.label());
    if (hasAccuracy) { // regression and runs recorded without a test set have none
      drawAccuracyAxis(labels, a, theme);
    }

    java.awt.Shape clip = g.getClip();
    g.clip(a);
    DoubleUnaryOperator lossY = m.logLoss() ? t -> f.toPixelY(Math.log10(t)) : f::toPixelY;
    if (m.compared() != null) {
      for (LossChartModel run : new LossChartModel[] {m, m.compared()}) {
        g.setColor(run == m ? SideBySide.A_COLOR : SideBySide.B_COLOR);
        g.setStroke(theme.seriesStroke());
        g.draw(line(run.steps(), run.trainLoss(), f, lossY, m.logLoss(), false));
        g.setStroke(theme.dottedStroke());
        g.draw(line(run.steps(), run.accuracy(), f,
            acc -> a.getMaxY() - acc * a.getHeight(), false, true));
      }
      g.setClip(clip);
      return;
    }
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
    if (m.steps().length < 2) { // step 0 alone is a point, not yet a curve
      Axes.drawEmptyMessage(labels, a, theme, theme.text("loss.empty"));
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

  /** 0–100 % on the right, every 25 % or fewer where the axis is short. */
  private static void drawAccuracyAxis(Labels labels, Rectangle2D a, Theme theme) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    g.setColor(ACCURACY);
    double line = Labels.lineHeight(g.getFont());
    int step = a.getHeight() / 4 >= line ? 25 : a.getHeight() / 2 >= line ? 50 : 100;
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = a.getMaxY() - pct / 100.0 * a.getHeight();
      g.draw(new Line2D.Double(a.getMaxX(), y, a.getMaxX() + 4, y));
      if (pct % step == 0) {
        labels.draw(pct + "%", a.getMaxX() + 6, y + fm.getAscent() / 2.0 - 1);
      }
    }
  }

  /** The key of two runs: each run's loss and accuracy in its colour. */
  private static void drawComparedKey(Labels labels, Rectangle2D a, Theme theme) {
    String[] text = {theme.text("loss.compare.loss", "A"), theme.text("loss.compare.loss", "B"),
        theme.text("loss.compare.accuracy", "A"), theme.text("loss.compare.accuracy", "B")};
    Color[] colors = {SideBySide.A_COLOR, SideBySide.B_COLOR, SideBySide.A_COLOR,
        SideBySide.B_COLOR};
    Stroke[] strokes = {theme.seriesStroke(), theme.seriesStroke(), theme.dottedStroke(),
        theme.dottedStroke()};
    drawEntries(labels, a, theme, text, colors, strokes);
  }

  private static boolean anyFinite(double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The key under the plot, of the series there are; short words where the long ones do not
   * fit, none where none do.
   */
  private static void drawKey(Labels labels, Rectangle2D a, Theme theme, boolean hasTest,
      boolean hasAccuracy) {
    boolean[] shown = {true, hasTest, hasAccuracy};
    String[] longText = {theme.text("loss.train"), theme.text("loss.test"),
        theme.text("loss.accuracy")};
    String[] shortText = {theme.text("loss.trainShort"), theme.text("loss.testShort"),
        theme.text("loss.accuracyShort")};
    Color[] colors = {TRAIN, TEST, ACCURACY};
    Stroke[] strokes = {theme.seriesStroke(), theme.dashedStroke(), theme.dottedStroke()};
    java.util.List<Integer> keep = new java.util.ArrayList<>();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i]) {
        keep.add(i);
      }
    }
    String[] text = keep.stream().map(i -> longText[i]).toArray(String[]::new);
    labels.graphics().setFont(theme.smallFont());
    if (a.getMinX() + entriesWidth(text, theme, Labels.metrics(labels.graphics()))
        - theme.fontSize() > labels.width()) { // narrow picture or large fonts
      text = keep.stream().map(i -> shortText[i]).toArray(String[]::new);
    }
    drawEntries(labels, a, theme, text, keep.stream().map(i -> colors[i]).toArray(Color[]::new),
        keep.stream().map(i -> strokes[i]).toArray(Stroke[]::new));
  }

  private static double entriesWidth(String[] text, Theme theme, FontMetrics fm) {
    double needed = 0;
    for (String label : text) {
      needed += theme.fontSize() * 1.6 + 4 + fm.stringWidth(label) + theme.fontSize();
    }
    return needed;
  }

  /** Entries in a row under the plot, as many as fit; further left rather than lose one. */
  private static void drawEntries(Labels labels, Rectangle2D a, Theme theme, String[] text,
      Color[] colors, Stroke[] strokes) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double y = a.getMaxY() + fm.getHeight() * 2.1;
    double sample = theme.fontSize() * 1.6;
    double x = Math.max(theme.fontSize() * 0.5, Math.min(a.getMinX(),
        labels.width() - entriesWidth(text, theme, fm) + theme.fontSize()));
    for (int i = 0; i < text.length; i++) {
      Rectangle2D box = labels.box(text[i], x + sample + 4, y);
      // a pixel to spare: metrics differ by a fraction between graphics (screen, SVG, PDF)
      if (!labels.fits(box) || box.getMaxX() > labels.width() - 1) {
        break;
      }
      g.setColor(colors[i]);
      g.setStroke(strokes[i]);
      g.draw(new Line2D.Double(x, y - fm.getAscent() / 3.0, x + sample, y - fm.getAscent() / 3.0));
      x += sample + 4;
      g.setColor(theme.muted());
      labels.draw(text[i], x, y);
      x += fm.stringWidth(text[i]) + theme.fontSize();
    }
  }

  /** Loss axis range: [0, max] linear, whole decades around the positive values on a log axis. */
  static double[] lossRange(LossChartModel m) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    double[][] all = m.compared() == null ? new double[][] {m.trainLoss(), m.testLoss()}
        : new double[][] {m.trainLoss(), m.compared().trainLoss()};
    for (double[] series : all) {
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
