package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * How a gradient shrinks (or grows) through n layers, on a log axis: at best, max|f′|ⁿ (solid
 * lines with dots) — sigmoid's 0.25ⁿ falls 0.6 decades per layer, ReLU's 1ⁿ stays flat — and
 * typically, under the model's initialisation, the product of the backward factors χ_1…χ_n
 * (dashed lines; {@link org.activationlab.activation.SignalPropagation}): ReLU with He stays at 1,
 * sigmoid with Glorot falls faster than its best case. Values beyond [1e-30, 1e30] are drawn at
 * the edge.
 *
 * <p>The legend — what solid and dashed mean, the initialisation, and per function max|f′|, the
 * first layer's E[f′(z)²] and χ (first → last layer when it changes) — sits right of the plot
 * when it takes at most {@value #LEGEND_SHARE} of the width, otherwise in the plot's lower left
 * corner. Text is measured with the fonts' metrics, and the title is shortened to fit.
 */
public final class DepthRenderer {

  /** Smallest and largest values drawn; beyond them lines are pinned to the edge. */
  public static final double FLOOR = 1e-30;
  public static final double CEILING = 1e30;
  /** The largest share of the width a legend beside the plot may take. */
  static final double LEGEND_SHARE = 0.45;

  private static FontMetrics metrics(Font font) {
    return Labels.metrics(font);
  }

  /**
   * Where things go: the plot area, the legend's box and its rows.
   *
   * @param outside whether the legend is beside the plot (else inside, lower left)
   */
  public record Layout(Rectangle2D plot, Rectangle2D legend, List<String> rows, int headerRows,
      boolean outside, double rowHeight) {}

  /** The y range (decade-aligned) for a model. */
  public static double[] yRange(DepthModel m) {
    double lo = 0.1;
    double hi = 10;
    for (DepthSeries s : m.series()) {
      for (int n = 1; n <= m.maxDepth(); n++) {
        double v = clamp(Math.pow(s.maxAbsDerivative(), n));
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        if (s.hasFactors()) {
          double t = clamp(s.typical(n));
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        }
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

  /**
   * The legend's lines: solid and dashed explained (when there are dashed lines), then a row per
   * series; compact: symbols and names only, for a small picture.
   */
  static List<String> legendRows(DepthModel m, boolean compact) {
    Theme theme = m.theme();
    List<String> rows = new ArrayList<>();
    boolean typical = m.series().stream().anyMatch(DepthSeries::hasFactors);
    if (typical) {
      rows.add(theme.text(compact ? "depth.solidShort" : "depth.solid"));
      rows.add(compact ? theme.text("depth.dashedShort")
          : theme.text("depth.dashed", m.init().label(theme)));
    }
    for (DepthSeries s : m.series()) {
      String max = NiceTicks.significant(s.maxAbsDerivative(), 3);
      rows.add(compact ? s.label()
          : s.hasFactors()
          ? theme.text("depth.series", s.label(), max, NiceTicks.significant(s.gain(), 2),
              chiText(s, m.maxDepth()))
          : theme.text("depth.seriesMax", s.label(), max));
    }
    return rows;
  }

  /** χ of the first layer, and "→ χ of the last" when it changes by more than 2 %. */
  static String chiText(DepthSeries s, int maxDepth) {
    double first = s.factor(1);
    double last = s.factor(maxDepth);
    boolean same = first == last
        || Double.isFinite(first) && Double.isFinite(last) && first != 0
        && Math.abs(last / first - 1) <= 0.02;
    return same ? NiceTicks.significant(first, 2)
        : NiceTicks.significant(first, 2) + " → " + NiceTicks.significant(last, 2);
  }

  /** The layout at a size. */
  public Layout layout(double width, double height, DepthModel m) {
    Theme theme = m.theme();
    double fs = theme.fontSize();
    FontMetrics fm = metrics(theme.smallFont());
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    double rowH = fm.getHeight();
    // beside the plot with the numbers; else beside it with names only; else inside, names only
    List<String> rows = new ArrayList<>(legendRows(m, false));
    double legendW = legendWidth(rows, fm, pad, sample);
    if (legendW > width * LEGEND_SHARE) {
      rows = new ArrayList<>(legendRows(m, true));
      legendW = legendWidth(rows, fm, pad, sample);
    }
    int header = rows.size() - m.series().size();
    boolean outside = !rows.isEmpty() && legendW <= width * LEGEND_SHARE;
    double plotWidth = outside ? width - legendW - fs * 0.4 : width;
    Rectangle2D area = Axes.dataArea(plotWidth, height, theme, hasTitle(height, theme), "1e−30");
    // as many rows as there is room for: the explanation of the line styles goes first
    double room = outside ? height - area.getMinY() - fs * 0.3 : area.getHeight() - fs;
    int fit = (int) Math.max(0, Math.floor((room - pad * 2) / rowH));
    while (rows.size() > fit && header > 0) {
      rows.remove(0);
      header--;
    }
    while (rows.size() > fit) {
      rows.remove(rows.size() - 1);
    }
    if (!outside) {
      legendW = Math.min(legendW, area.getWidth() - fs);
    }
    double legendH = rows.isEmpty() ? 0 : pad * 2 + rowH * rows.size();
    Rectangle2D legend = outside
        ? new Rectangle2D.Double(width - legendW - fs * 0.4, area.getMinY(), legendW, legendH)
        // lower left: the lines start at the top left and fall to the right
        : new Rectangle2D.Double(area.getMinX() + fs * 0.5, area.getMaxY() - legendH - fs * 0.5,
            legendW, legendH);
    return new Layout(area, legend, List.copyOf(rows), header, outside, rowH);
  }

  /**
   * Whether there is room for the title: a short picture (the panel on a 720p projector) gives
   * its height to the plot; the tab above it names the chart.
   */
  static boolean hasTitle(double height, Theme theme) {
    return height >= theme.fontSize() * 12;
  }

  private static double legendWidth(List<String> rows, FontMetrics fm, double pad,
      double sample) {
    double textW = 0;
    for (String r : rows) {
      textW = Math.max(textW, fm.stringWidth(r));
    }
    return rows.isEmpty() ? 0 : pad * 3 + sample + textW;
  }

  /** The data area and mapping; y in the frame is log10 of the value. */
  public PlotFrame frame(double width, double height, DepthModel m) {
    double[] r = yRange(m);
    Rectangle2D area = layout(width, height, m).plot();
    return new PlotFrame(area, new Viewport(0.5, m.maxDepth() + 0.5, Math.log10(r[0]), Math.log10(r[1])));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, DepthModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    Layout layout = layout(width, height, m);
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
    if (hasTitle(height, theme)) {
      Axes.drawTitle(labels, theme.text("depth.title"), a, theme);
    }
    Axes.drawXLabels(labels, f, theme, ns, x -> Long.toString(Math.round(x)));
    Axes.drawYLabels(labels, theme, logTicks, f::toPixelY, a,
        y -> NiceTicks.decadeLabel(Math.pow(10, y)));

    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(a.getX() - 6, a.getY() - 6, a.getWidth() + 12, a.getHeight() + 12));
    double r0 = theme.lineWidth() * 1.3;
    BasicStroke dashed = theme.dashedStroke();
    float[] dash = dashed.getDashArray();
    float period = dash[0] + dash[1];
    for (int i = 0; i < m.series().size(); i++) {
      DepthSeries s = m.series().get(i);
      g.setColor(s.color());
      if (s.hasFactors()) {
        Path2D.Double typical = new Path2D.Double();
        for (int n = 1; n <= m.maxDepth(); n++) {
          double px = f.toPixelX(n);
          double py = f.toPixelY(Math.log10(clamp(s.typical(n))));
          if (n == 1) {
            typical.moveTo(px, py);
          } else {
            typical.lineTo(px, py);
          }
        }
        // each series' dashes start elsewhere, so coinciding lines (ReLU and Leaky ReLU under
        // Glorot) show both colours in turn
        g.setStroke(new BasicStroke(dashed.getLineWidth(), dashed.getEndCap(),
            dashed.getLineJoin(), dashed.getMiterLimit(), dash, (i * 0.45f * period) % period));
        g.draw(typical);
      }
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
      g.setStroke(theme.seriesStroke());
      g.draw(path);
      for (int n = 1; n <= m.maxDepth(); n++) {
        double px = f.toPixelX(n);
        double py = f.toPixelY(Math.log10(clamp(Math.pow(s.maxAbsDerivative(), n))));
        g.fill(new Ellipse2D.Double(px - r0, py - r0, 2 * r0, 2 * r0));
      }
    }
    g.setClip(clip);
    drawLegend(labels, layout, m);
  }

  private static void drawLegend(Labels labels, Layout l, DepthModel m) {
    Graphics2D g = labels.graphics();
    List<String> rows = l.rows();
    if (rows.isEmpty()) {
      return;
    }
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double fs = theme.fontSize();
    double pad = fs * 0.5;
    double sample = fs * 1.6;
    Rectangle2D box = l.legend();
    RoundRectangle2D round = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(),
        box.getHeight(), 8, 8);
    g.setColor(theme.panel());
    g.fill(round);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(round);
    int header = l.headerRows(); // 2 when solid and dashed are explained
    double x0 = box.getX();
    double textX = x0 + pad * 2 + sample;
    double textRoom = box.getMaxX() - textX - pad * 0.5;
    double y = box.getY() + pad + fm.getAscent();
    for (int i = 0; i < rows.size(); i++) {
      double ly = y - fm.getAscent() / 3.0;
      Line2D sampleLine = new Line2D.Double(x0 + pad, ly, x0 + pad + sample, ly);
      if (i < header) {
        g.setColor(theme.foreground());
        boolean solid = header == 2 && i == 0; // a lone header row is the dashed one
        g.setStroke(solid ? new BasicStroke((float) theme.lineWidth()) : theme.dashedStroke());
      } else {
        g.setColor(m.series().get(i - header).color());
        g.setStroke(new BasicStroke((float) theme.lineWidth()));
      }
      g.draw(sampleLine);
      g.setColor(i < header ? theme.muted() : theme.foreground());
      labels.draw(Labels.fit(rows.get(i), g.getFont(), textRoom), textX, y);
      y += l.rowHeight();
    }
  }
}
