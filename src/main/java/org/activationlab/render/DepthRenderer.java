package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * How a gradient shrinks (or grows) through n layers at best: max|f′|ⁿ on a log axis. Sigmoid's
 * 0.25ⁿ falls 0.6 decades per layer; ReLU's 1ⁿ stays flat. Values beyond [1e-30, 1e30] are drawn
 * at the edge.
 */
public final class DepthRenderer {

  /** Smallest and largest values drawn; beyond them lines are pinned to the edge. */
  public static final double FLOOR = 1e-30;
  public static final double CEILING = 1e30;

  /** The y range (decade-aligned) for a model. */
  public static double[] yRange(DepthModel m) {
    double lo = 0.1;
    double hi = 10;
    for (DepthSeries s : m.series()) {
      for (int n = 1; n <= m.maxDepth(); n++) {
        double v = clamp(Math.pow(s.maxAbsDerivative(), n));
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return new double[] {Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))};
  }

  static double clamp(double v) {
    if (Double.isNaN(v)) {
      return FLOOR;
    }
    return Math.max(FLOOR, Math.min(CEILING, v));
  }

  /** The data area and mapping; y in the frame is log10 of the value. */
  public PlotFrame frame(double width, double height, DepthModel m) {
    double[] r = yRange(m);
    Rectangle2D area = Axes.dataArea(width, height, m.theme(), true, "1e−30");
    return new PlotFrame(area, new Viewport(0.5, m.maxDepth() + 0.5, Math.log10(r[0]), Math.log10(r[1])));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, DepthModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    PlotFrame f = frame(width, height, m);
    Rectangle2D a = f.area();
    double[] r = yRange(m);
    // decades are thin: allow about one label per two text lines
    int target = (int) Math.max(2, a.getHeight() / (theme.fontSize() * 2.4));
    List<Double> decades = NiceTicks.decades(r[0], r[1], target);
    List<Double> logTicks = decades.stream().map(Math::log10).toList();
    List<Double> ns = NiceTicks.linear(1, m.maxDepth(), Axes.targetTicks(a.getWidth(), theme));
    Axes.drawGrid(g, f, theme, ns, logTicks);
    Axes.drawFrame(g, a, theme);
    Axes.drawXLabels(g, f, theme, ns, x -> Long.toString(Math.round(x)));
    Axes.drawYLabels(g, theme, logTicks, f::toPixelY, a, y -> NiceTicks.decadeLabel(Math.pow(10, y)));
    Axes.drawTitle(g, theme.text("depth.title"), a, theme);

    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(a.getX() - 6, a.getY() - 6, a.getWidth() + 12, a.getHeight() + 12));
    double r0 = theme.lineWidth() * 1.3;
    for (DepthSeries s : m.series()) {
      Path2D.Double path = new Path2D.Double();
      for (int n = 1; n <= m.maxDepth(); n++) {
        double px = f.toPixelX(n);
        double py = f.toPixelY(Math.log10(clamp(Math.pow(s.maxAbsDerivative(), n))));
        if (n == 1) {
          path.moveTo(px, py);
        } else {
          path.lineTo(px, py);
        }
      }
      g.setColor(s.color());
      g.setStroke(theme.seriesStroke());
      g.draw(path);
      for (int n = 1; n <= m.maxDepth(); n++) {
        double px = f.toPixelX(n);
        double py = f.toPixelY(Math.log10(clamp(Math.pow(s.maxAbsDerivative(), n))));
        g.fill(new Ellipse2D.Double(px - r0, py - r0, 2 * r0, 2 * r0));
      }
    }
    g.setClip(clip);
    drawLegend(g, a, m);
  }

  private static void drawLegend(Graphics2D g, Rectangle2D a, DepthModel m) {
    if (m.series().isEmpty()) {
      return;
    }
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    double fs = theme.fontSize();
    String[] labels = m.series().stream()
        .map(s -> s.label() + ": " + NiceTicks.significant(s.maxAbsDerivative(), 3) + "ⁿ")
        .toArray(String[]::new);
    double textW = 0;
    for (String l : labels) {
      textW = Math.max(textW, fm.stringWidth(l));
    }
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    double rowH = fm.getHeight();
    double w = pad * 3 + sample + textW;
    double h = pad * 2 + rowH * labels.length;
    // bottom left: the lines start at the top left and fall to the right, so this corner is free
    double x0 = a.getMinX() + fs * 0.5;
    double y0 = a.getMaxY() - h - fs * 0.5;
    RoundRectangle2D box = new RoundRectangle2D.Double(x0, y0, w, h, 8, 8);
    g.setColor(theme.panel());
    g.fill(box);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(box);
    double y = y0 + pad + fm.getAscent();
    for (int i = 0; i < labels.length; i++) {
      g.setColor(m.series().get(i).color());
      g.setStroke(new BasicStroke((float) theme.lineWidth()));
      g.draw(new Line2D.Double(x0 + pad, y - fm.getAscent() / 3.0, x0 + pad + sample,
          y - fm.getAscent() / 3.0));
      g.setColor(theme.foreground());
      g.drawString(labels[i], (float) (x0 + pad * 2 + sample), (float) y);
      y += rowH;
    }
  }
}
