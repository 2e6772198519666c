package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.activationlab.training.GridSnapshot;

/**
 * The decision boundary for 2-D data: the class probability over the plane as an image (binary:
 * the blue–white–red diverging map of P(class 1), lightened, white at 0.5; K classes: the class colours of
 * {@link Palette} mixed by probability and lightened), training samples as filled circles and
 * test samples as rings in their class colour. For 1-D regression: the fitted curve over the
 * samples.
 */
public final class DecisionBoundaryRenderer {

  /** The plot frame (data area and mapping). */
  public PlotFrame frame(double width, double height, DecisionBoundaryModel m, Theme theme) {
    GridSnapshot g = m.grid();
    Rectangle2D area = Axes.dataArea(width, height, theme, hasTitle(m), "−1.0");
    if (g.dimensions() == 2) {
      // one unit is as long across as up: a circle of data stays a circle in any panel
      double xr = g.xMax() - g.xMin();
      double yr = g.yMax() - g.yMin();
      double scale = Math.min(area.getWidth() / xr, area.getHeight() / yr);
      double w = xr * scale;
      double h = yr * scale;
      Rectangle2D square = new Rectangle2D.Double(area.getX() + (area.getWidth() - w) / 2,
          area.getY() + (area.getHeight() - h) / 2, w, h);
      return new PlotFrame(square, new Viewport(g.xMin(), g.xMax(), g.yMin(), g.yMax()));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] a : new double[][] {m.trainTargets(), m.testTargets(), g.values()}) {
      for (double v : a) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      lo = -1;
      hi = 1;
    }
    double pad = 0.08 * (hi - lo);
    return new PlotFrame(area, new Viewport(g.xMin(), g.xMax(), lo - pad, hi + pad));
  }

  private static boolean hasTitle(DecisionBoundaryModel m) {
    return m.title() != null && !m.title().isEmpty();
  }

  /** The colour of the background at grid cell (ix, iy) (2-D only). */
  public static int cellArgb(DecisionBoundaryModel m, int ix, int iy) {
    GridSnapshot g = m.grid();
    if (m.classes() <= 2) {
      double p = g.value(ix, iy, 0);
      int c = ColorMap.DIVERGING.argb(Double.isFinite(p) ? p : 0.5);
      // lightened so that samples in the class colours stand out on either side
      return 0xFF000000 | (lighten((c >> 16) & 0xFF) << 16) | (lighten((c >> 8) & 0xFF) << 8)
          | lighten(c & 0xFF);
    }
    double r = 0;
    double gr = 0;
    double b = 0;
    for (int c = 0; c < g.channels(); c++) {
      double p = g.value(ix, iy, c);
      if (!Double.isFinite(p)) {
        continue;
      }
      Color k = Palette.color(c);
      r += p * k.getRed();
      gr += p * k.getGreen();
      b += p * k.getBlue();
    }
    // lighten halfway towards white so the samples stand out
    int ri = (int) Math.round((r + 255) / 2);
    int gi = (int) Math.round((gr + 255) / 2);
    int bi = (int) Math.round((b + 255) / 2);
    return 0xFF000000 | (clamp(ri) << 16) | (clamp(gi) << 8) | clamp(bi);
  }

  private static int lighten(int channel) {
    return (int) Math.round(channel * 0.55 + 255 * 0.45);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, DecisionBoundaryModel m,
      Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(theme.background());
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    PlotFrame f = frame(width, height, m, theme);
    Rectangle2D a = f.area();
    Labels labels = new Labels(g, width, height);
    drawTitle(labels, m.title(), a, width, theme);
    if (m.grid().dimensions() == 2) {
      drawPlane(g, f, m);
      Axes.drawFrame(g, a, theme);
      Viewport v = f.viewport();
      int tx = Axes.targetTicks(a.getWidth(), theme);
      int ty = Axes.targetTicks(a.getHeight(), theme);
      List<Double> xs = NiceTicks.linear(v.xMin(), v.xMax(), tx);
      List<Double> ys = NiceTicks.linear(v.yMin(), v.yMax(), ty);
      double xStep = NiceTicks.step(v.xMin(), v.xMax(), tx);
      double yStep = NiceTicks.step(v.yMin(), v.yMax(), ty);
      Axes.drawXLabels(labels, f, theme, xs, x -> NiceTicks.label(x, xStep));
      Axes.drawYLabels(labels, theme, ys, f::toPixelY, a, y -> NiceTicks.label(y, yStep));
      drawPoints(g, f, m, theme);
    } else {
      Axes.drawLinear(labels, f, theme);
      drawCurve(g, f, m, theme);
    }
    drawLegend(labels, f, width, m, theme);
  }

  /**
   * The title above the plot, moved left and shortened where the square plot is narrower than
   * it: it never leaves the picture.
   */
  private static void drawTitle(Labels labels, String title, Rectangle2D a, double width,
      Theme theme) {
    if (title == null || title.isEmpty()) {
      return;
    }
    Graphics2D g = labels.graphics();
    double margin = theme.fontSize() * 0.8;
    g.setFont(theme.titleFont());
    FontMetrics fm = Labels.metrics(g);
    String t = title;
    while (t.length() > 1 && fm.stringWidth(t) > width - 2 * margin) {
      t = t.substring(0, t.length() - 2) + "…";
    }
    double x = Math.max(margin, Math.min(a.getMinX(), width - margin - fm.stringWidth(t)));
    g.setColor(theme.foreground());
    labels.draw(t, x, a.getMinY() - theme.fontSize() * 0.7);
  }

  private static void drawPlane(Graphics2D g, PlotFrame f, DecisionBoundaryModel m) {
    int res = m.grid().resolution();
    BufferedImage img = new BufferedImage(res, res, BufferedImage.TYPE_INT_ARGB);
    for (int iy = 0; iy < res; iy++) {
      for (int ix = 0; ix < res; ix++) {
        img.setRGB(ix, res - 1 - iy, cellArgb(m, ix, iy));
      }
    }
    Rectangle2D a = f.area();
    Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, (int) Math.round(a.getX()), (int) Math.round(a.getY()),
        (int) Math.round(a.getWidth()), (int) Math.round(a.getHeight()), null);
    if (old != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }
  }

  private static double radius(Theme theme) {
    return theme.fontSize() * 0.32;
  }

  private static void drawPoints(Graphics2D g, PlotFrame f, DecisionBoundaryModel m,
      Theme theme) {
    double r = radius(theme);
    java.awt.Shape clip = g.getClip();
    g.clip(f.area());
    g.setStroke(new BasicStroke((float) (theme.lineWidth() * 0.45)));
    double[] x = m.trainInputs();
    double[] t = m.trainTargets();
    for (int i = 0; i < t.length; i++) {
      Ellipse2D c = new Ellipse2D.Double(f.toPixelX(x[2 * i]) - r, f.toPixelY(x[2 * i + 1]) - r,
          2 * r, 2 * r);
      g.setColor(Palette.color((int) t[i]));
      g.fill(c);
      g.setColor(Color.WHITE);
      g.draw(c);
    }
    x = m.testInputs();
    t = m.testTargets();
    g.setStroke(new BasicStroke((float) (theme.lineWidth() * 0.9)));
    for (int i = 0; i < t.length; i++) {
      Ellipse2D c = new Ellipse2D.Double(f.toPixelX(x[2 * i]) - r, f.toPixelY(x[2 * i + 1]) - r,
          2 * r, 2 * r);
      g.setColor(Color.WHITE);
      g.fill(c);
      g.setColor(Palette.color((int) t[i]));
      g.draw(c);
    }
    g.setClip(clip);
  }

  private static void drawCurve(Graphics2D g, PlotFrame f, DecisionBoundaryModel m,
      Theme theme) {
    double r = radius(theme) * 0.8;
    java.awt.Shape clip = g.getClip();
    g.clip(f.area());
    double[] x = m.trainInputs();
    double[] t = m.trainTargets();
    g.setColor(Palette.color(0));
    for (int i = 0; i < t.length; i++) {
      g.fill(new Ellipse2D.Double(f.toPixelX(x[i]) - r, f.toPixelY(t[i]) - r, 2 * r, 2 * r));
    }
    x = m.testInputs();
    t = m.testTargets();
    g.setStroke(new BasicStroke((float) (theme.lineWidth() * 0.6)));
    for (int i = 0; i < t.length; i++) {
      g.draw(new Ellipse2D.Double(f.toPixelX(x[i]) - r, f.toPixelY(t[i]) - r, 2 * r, 2 * r));
    }
    GridSnapshot gr = m.grid();
    Path2D.Double path = new Path2D.Double();
    boolean open = false;
    for (int ix = 0; ix < gr.resolution(); ix++) {
      double v = gr.value(ix, 0, 0);
      if (!Double.isFinite(v)) {
        open = false;
        continue;
      }
      double px = f.toPixelX(gr.x(ix));
      double py = f.toPixelY(v);
      if (open) {
        path.lineTo(px, py);
      } else {
        path.moveTo(px, py);
        open = true;
      }
    }
    g.setColor(Palette.color(1));
    g.setStroke(theme.seriesStroke());
    g.draw(path);
    g.setClip(clip);
  }

  /** The key: beside the plot where there is room (it hides no sample), else in its corner. */
  private static void drawLegend(Labels labels, PlotFrame f, double width,
      DecisionBoundaryModel m, Theme theme) {
    Rectangle2D a = f.area();
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double r = radius(theme);
    String[] keys = m.grid().dimensions() == 2
        ? new String[] {theme.text("boundary.train"), theme.text("boundary.test")}
        : new String[] {theme.text("boundary.train"), theme.text("boundary.test"),
            theme.text("boundary.network")};
    double textW = 0;
    for (String s : keys) {
      textW = Math.max(textW, fm.stringWidth(s));
    }
    double pad = theme.fontSize() * 0.45;
    double rowH = fm.getHeight();
    double w = pad * 3 + 2 * r + textW + (m.grid().dimensions() == 2 ? 0 : r);
    double h = pad * 2 + rowH * keys.length;
    boolean beside = width - a.getMaxX() >= w + 2 * pad;
    double x0 = a.getMaxX() + pad;
    double y0 = a.getMinY();
    if (!beside) { // inside: the corner with the fewest samples
      boolean flat = m.grid().dimensions() != 2;
      double[] in = m.trainInputs();
      double[] t = m.trainTargets();
      double[] xs = new double[t.length];
      double[] ys = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        xs[i] = f.toPixelX(flat ? in[i] : in[2 * i]);
        ys[i] = f.toPixelY(flat ? t[i] : in[2 * i + 1]);
      }
      Rectangle2D corner = Labels.emptiestCorner(a, w, h, pad, xs, ys, t.length);
      x0 = corner.getX();
      y0 = corner.getY();
    }
    g.setColor(theme.panel());
    g.fill(new Rectangle2D.Double(x0, y0, w, h));
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(new Rectangle2D.Double(x0, y0, w, h));
    for (int i = 0; i < keys.length; i++) {
      double cy = y0 + pad + rowH * (i + 0.5);
      double cx = x0 + pad + r;
      Ellipse2D c = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
      g.setColor(Palette.color(i == 2 ? 1 : 0));
      if (i == 0) {
        g.fill(c);
      } else if (i == 1) {
        g.setStroke(new BasicStroke((float) (theme.lineWidth() * 0.9)));
        g.draw(c);
      } else {
        g.setStroke(theme.seriesStroke());
        g.draw(new java.awt.geom.Line2D.Double(cx - r * 1.5, cy, cx + r * 1.5, cy));
      }
      g.setColor(theme.foreground());
      labels.draw(keys[i], cx + r * 2 + pad * 0.5, cy + fm.getAscent() / 2.0 - 1);
    }
  }
}
