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
    return new PlotFrame(legend(width, height, m).area(), viewport(m));
  }

  private static Viewport viewport(DepthModel m) {
    double[] r = yRange(m);
    return new Viewport(0.5, m.maxDepth() + 0.5, Math.log10(r[0]), Math.log10(r[1]));
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
    drawLegend(labels, legend(width, height, m), m);
  }

  /**
   * The legend's place and rows.
   *
   * @param area the data area
   * @param box the legend's panel, null for none
   * @param rows the first {@code rows.size()} series' labels as shown
   * @param more "+n more" for the series left out, or null
   * @param line whether the legend is one line beside the title (no panel)
   */
  private record Legend(Rectangle2D area, Rectangle2D box, List<String> rows, String more,
      boolean line) {}

  /**
   * The legend goes in a corner no line passes through, else on one line beside the title if it
   * fits there, else beside the plot (which narrows) if the plot keeps most of the width, else in
   * the corner the lines leave emptiest. Names too long
   * are shortened and rows the plot has no height for are summed up as "+n more".
   */
  private static Legend legend(double width, double height, DepthModel m) {
    Theme theme = m.theme();
    Rectangle2D full = Axes.dataArea(width, height, theme, true, widestLabel(m));
    if (m.series().isEmpty()) {
      return new Legend(full, null, List.of(), null, false);
    }
    java.awt.Font font = theme.smallFont();
    double fs = theme.fontSize();
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    double rowH = Labels.lineHeight(font);
    int n = m.series().size();
    double maxText = Math.max(fs * 3, Math.min(width * 0.4, full.getWidth() * 0.6) - pad * 3
        - sample);
    // inside the plot: as many rows as its height takes
    Legend inside = panel(full, (int) Math.floor((full.getHeight() - fs - pad * 2) / rowH),
        maxText, m);
    double w = inside.box() == null ? 0 : inside.box().getWidth();
    double h = inside.box() == null ? 0 : inside.box().getHeight();
    // where the lines run: sampled along each (they start at the top left and fall or stay)
    PlotFrame f = new PlotFrame(full, viewport(m));
    int per = Math.max(2, (int) (full.getWidth() / 3));
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
    Rectangle2D corner = Labels.emptiestCorner(full, w, h, fs * 0.5, xs, ys, k);
    boolean covers = false;
    Rectangle2D grown = new Rectangle2D.Double(corner.getX() - theme.lineWidth() * 2,
        corner.getY() - theme.lineWidth() * 2, corner.getWidth() + theme.lineWidth() * 4,
        corner.getHeight() + theme.lineWidth() * 4);
    for (int i = 0; i < k && !covers; i++) {
      covers = grown.contains(xs[i], ys[i]);
    }
    if (inside.box() != null && !covers && inside.more() == null) {
      return new Legend(full, corner, inside.rows(), null, false);
    }
    // one line beside the title, if every function fits there
    java.awt.Font title = theme.titleFont();
    double x = Math.max(fs * 0.5, full.getMinX())
        + Labels.width(theme.text("depth.title"), title) + fs * 1.2;
    double lineW = -fs * 0.8;
    List<String> all = new java.util.ArrayList<>();
    for (DepthSeries s : m.series()) {
      String l = s.label() + ": " + NiceTicks.significant(s.maxAbsDerivative(), 3) + "ⁿ";
      all.add(l);
      lineW += sample + 4 + Labels.width(l, font) + fs * 0.8;
    }
    double baseline = full.getMinY() - fs * 0.7;
    if (x + lineW <= width - fs * 0.5 && baseline - Labels.ascent(font) >= 0) {
      return new Legend(full, new Rectangle2D.Double(x, baseline - Labels.ascent(font), lineW,
          rowH), all, null, true);
    }
    // beside the plot, down to the picture's bottom, if the plot keeps 60 % of its width
    double gap = fs * 0.8;
    Legend beside = panel(full, (int) Math.floor((height - full.getY() - pad * 2 - 2) / rowH),
        full.getWidth() * 0.4 - gap - pad * 3 - sample, m);
    if (beside.box() != null
        && full.getWidth() - beside.box().getWidth() - gap >= full.getWidth() * 0.6) {
      Rectangle2D narrower = new Rectangle2D.Double(full.getX(), full.getY(),
          full.getWidth() - beside.box().getWidth() - gap, full.getHeight());
      return new Legend(narrower, new Rectangle2D.Double(narrower.getMaxX() + gap, full.getY(),
          beside.box().getWidth(), beside.box().getHeight()), beside.rows(), beside.more(),
          false);
    }
    return inside.box() == null ? inside
        : new Legend(full, corner, inside.rows(), inside.more(), false);
  }

  /**
   * A panel legend of at most {@code fit} rows (the last one "+n more" if not all fit), its box
   * at the origin; no box where not even one function fits.
   */
  private static Legend panel(Rectangle2D full, int fit, double maxText, DepthModel m) {
    Theme theme = m.theme();
    java.awt.Font font = theme.smallFont();
    double fs = theme.fontSize();
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    int n = m.series().size();
    int shown = fit < 1 ? 0 : n <= fit ? n : fit - 1;
    if (shown == 0) {
      return new Legend(full, null, List.of(), null, false);
    }
    List<String> rows = new java.util.ArrayList<>();
    double textW = 0;
    for (int i = 0; i < shown; i++) {
      DepthSeries s = m.series().get(i);
      String suffix = ": " + NiceTicks.significant(s.maxAbsDerivative(), 3) + "ⁿ";
      String name = Labels.fit(s.label(), font, maxText - Labels.width(suffix, font));
      String l = name.isEmpty() ? suffix.substring(2) : name + suffix;
      rows.add(l);
      textW = Math.max(textW, Labels.width(l, font));
    }
    String more = shown < n ? theme.text("legend.more", n - shown) : null;
    if (more != null) {
      textW = Math.max(textW, Labels.width(more, font) - sample - pad);
    }
    double w = pad * 3 + sample + textW;
    double h = pad * 2 + Labels.lineHeight(font) * (shown + (more != null ? 1 : 0));
    return new Legend(full, new Rectangle2D.Double(0, 0, w, h), rows, more, false);
  }


  private static void drawLegend(Labels labels, Legend legend, DepthModel m) {
    if (legend.box() == null) {
      return;
    }
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double fs = theme.fontSize();
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    double rowH = Labels.lineHeight(g.getFont());
    Rectangle2D at = legend.box();
    if (legend.line()) {
      double x = at.getX();
      double y = at.getY() + Labels.ascent(g.getFont());
      for (int i = 0; i < legend.rows().size(); i++) {
        g.setColor(m.series().get(i).color());
        g.setStroke(new BasicStroke((float) theme.lineWidth()));
        g.draw(new Line2D.Double(x, y - fm.getAscent() / 3.0, x + sample, y - fm.getAscent() / 3.0));
        x += sample + 4;
        g.setColor(theme.foreground());
        labels.draw(legend.rows().get(i), x, y);
        x += fm.stringWidth(legend.rows().get(i)) + fs * 0.8;
      }
      return;
    }
    double x0 = at.getX();
    double y0 = at.getY();
    RoundRectangle2D box = new RoundRectangle2D.Double(x0, y0, at.getWidth(), at.getHeight(), 8,
        8);
    g.setColor(theme.panel());
    g.fill(box);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(box);
    double y = y0 + pad + fm.getAscent();
    for (int i = 0; i < legend.rows().size(); i++) {
      g.setColor(m.series().get(i).color());
      g.setStroke(new BasicStroke((float) theme.lineWidth()));
      g.draw(new Line2D.Double(x0 + pad, y - fm.getAscent() / 3.0, x0 + pad + sample,
          y - fm.getAscent() / 3.0));
      g.setColor(theme.foreground());
      labels.draw(legend.rows().get(i), x0 + pad * 2 + sample, y);
      y += rowH;
    }
    if (legend.more() != null) {
      g.setColor(theme.muted());
      labels.draw(legend.more(), x0 + pad, y);
    }
  }
}
