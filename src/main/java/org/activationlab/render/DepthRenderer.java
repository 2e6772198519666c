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
    Rectangle2D area = Axes.dataArea(width, height, m.theme(), true, widestLabel(m));
    return new PlotFrame(area, new Viewport(0.5, m.maxDepth() + 0.5, Math.log10(r[0]), Math.log10(r[1])));
  }

  /** The widest decade label the y axis may show. */
  private static String widestLabel(DepthModel m) {
    double[] r = yRange(m);
    String lo = NiceTicks.decadeLabel(r[0]);
    String hi = NiceTicks.decadeLabel(r[1]);
    return lo.length() >= hi.length() ? lo : hi;
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
    Labels labels = new Labels(g, width, height);
    Axes.drawTitle(labels, theme.text("depth.title"), a, theme);
    Axes.drawXLabels(labels, f, theme, ns, x -> Long.toString(Math.round(x)));
    Axes.drawYLabels(labels, theme, logTicks, f::toPixelY, a,
        y -> NiceTicks.decadeLabel(Math.pow(10, y)));

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
    drawLegend(labels, f, m);
  }

  /**
   * The legend in the corner of the plot the lines leave emptiest; names too long are shortened
   * and rows the plot has no height for are summed up as "+n more".
   */
  private static void drawLegend(Labels labels, PlotFrame f, DepthModel m) {
    if (m.series().isEmpty()) {
      return;
    }
    Graphics2D g = labels.graphics();
    Rectangle2D a = f.area();
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    double fs = theme.fontSize();
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    double rowH = Labels.lineHeight(g.getFont());
    int fit = (int) Math.floor((a.getHeight() - fs - pad * 2) / rowH);
    int n = m.series().size();
    int shown = n <= fit ? n : fit - 1;
    if (fit < 1) {
      return;
    }
    double maxText = Math.max(fs * 3, a.getWidth() * 0.6 - pad * 3 - sample);
    List<String> labelsShown = new java.util.ArrayList<>();
    double textW = 0;
    for (int i = 0; i < shown; i++) {
      DepthSeries s = m.series().get(i);
      String suffix = ": " + NiceTicks.significant(s.maxAbsDerivative(), 3) + "ⁿ";
      String name = Labels.fit(s.label(), g.getFont(), maxText - fm.stringWidth(suffix));
      String l = name.isEmpty() ? suffix.substring(2) : name + suffix;
      labelsShown.add(l);
      textW = Math.max(textW, fm.stringWidth(l));
    }
    String more = shown < n ? theme.text("legend.more", n - shown) : null;
    if (more != null) {
      textW = Math.max(textW, fm.stringWidth(more) - sample - pad);
    }
    double w = pad * 3 + sample + textW;
    double h = pad * 2 + rowH * (shown + (more != null ? 1 : 0));
    // the corner the lines leave emptiest (bottom left for falling lines)
    int per = Math.max(2, (int) (a.getWidth() / 3));
    double[] xs = new double[n * per];
    double[] ys = new double[n * per];
    int k = 0;
    for (DepthSeries s : m.series()) {
      for (int i = 0; i < per; i++) {
        double depth = 1 + (m.maxDepth() - 1) * i / (per - 1.0);
        xs[k] = f.toPixelX(depth);
        ys[k++] = f.toPixelY(Math.log10(clamp(Math.pow(s.maxAbsDerivative(), depth))));
      }
    }
    Rectangle2D at = Labels.emptiestCorner(a, w, h, fs * 0.5, xs, ys, k);
    double x0 = at.getX();
    double y0 = at.getY();
    RoundRectangle2D box = new RoundRectangle2D.Double(x0, y0, w, h, 8, 8);
    g.setColor(theme.panel());
    g.fill(box);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(box);
    double y = y0 + pad + fm.getAscent();
    for (int i = 0; i < shown; i++) {
      g.setColor(m.series().get(i).color());
      g.setStroke(new BasicStroke((float) theme.lineWidth()));
      g.draw(new Line2D.Double(x0 + pad, y - fm.getAscent() / 3.0, x0 + pad + sample,
          y - fm.getAscent() / 3.0));
      g.setColor(theme.foreground());
      labels.draw(labelsShown.get(i), x0 + pad * 2 + sample, y);
      y += rowH;
    }
    if (more != null) {
      g.setColor(theme.muted());
      labels.draw(more, x0 + pad, y);
    }
  }
}
