package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient history: a layer × time heatmap of per-layer gradient magnitudes (log colour scale with
 * its legend) above a log-axis line chart of the same values, one line per layer, so the orders of
 * magnitude between layers are visible at a glance. The heatmap is one image, one pixel column per
 * screen column, reused between frames.
 */
public final class GradientHistoryRenderer {

  private BufferedImage heatmap;
  private int[] row;

  /**
   * The colour of layer i of n on a light or dark background: on dark, the ramp starts brighter
   * so the input-side lines stay visible.
   */
  public static Color layerColor(int i, int n, boolean dark) {
    double from = dark ? 0.3 : 0.12;
    double span = dark ? 0.65 : 0.7;
    double t = n <= 1 ? 0.5 : from + span * i / (n - 1.0);
    return ColorMap.MAGMA.color(t);
  }

  /** The heatmap's frame: x in steps, y in layer rows (row 0 at the top). */
  public PlotFrame heatmapFrame(double width, double height, GradientHistoryModel m) {
    Rectangle2D[] areas = areas(width, height, m);
    return new PlotFrame(areas[0], new Viewport(firstStep(m), lastStep(m), 0, m.layers()));
  }

  /** The line chart's frame: x in steps, y in log10 of the magnitude. */
  public PlotFrame chartFrame(double width, double height, GradientHistoryModel m) {
    Rectangle2D[] areas = areas(width, height, m);
    double[] range = decadeRange(m);
    return new PlotFrame(areas[1], new Viewport(firstStep(m), lastStep(m), range[0], range[1]));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, GradientHistoryModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    Rectangle2D[] areas = areas(width, height, m);
    Labels labels = new Labels(g, width, height);
    g.setFont(theme.titleFont());
    g.setColor(theme.foreground());
    double margin = theme.fontSize() * 0.5;
    String title = Labels.fit(theme.text("history.title", m.metric()), g.getFont(),
        width - 2 * margin);
    labels.draw(title, Math.max(margin, Math.min(areas[0].getMinX(),
        width - margin - Labels.metrics(g).stringWidth(title))),
        areas[0].getMinY() - theme.fontSize() * 0.7);
    if (m.columns() == 0) {
      Axes.drawEmptyMessage(labels, new Rectangle2D.Double(0, 0, width, height), theme,
          theme.text("history.empty"));
      return;
    }
    drawHeatmap(labels, heatmapFrame(width, height, m), m);
    m.scale().drawLegend(labels, areas[2], theme, null);
    drawChart(labels, chartFrame(width, height, m), m);
  }

  private static Rectangle2D[] areas(double width, double height, GradientHistoryModel m) {
    double fs = m.theme().fontSize();
    double left = fs * 4.2;
    double legendW = fs * 4.8;
    double top = Axes.titleRoom(m.theme());
    double plotW = Math.max(20, width - left - legendW - fs);
    double usable = height - top - Axes.keyRoom(m.theme(), 2, 2.4);
    double heatH = Math.max(10, usable * 0.45);
    double gap = fs * 0.8; // the chart's step axis serves both
    Rectangle2D heat = new Rectangle2D.Double(left, top, plotW, heatH);
    Rectangle2D chart = new Rectangle2D.Double(left, top + heatH + gap, plotW,
        Math.max(10, usable - heatH - gap));
    Rectangle2D legend = new Rectangle2D.Double(left + plotW + fs * 0.6, top, legendW,
        heatH + gap + chart.getHeight());
    return new Rectangle2D[] {heat, chart, legend};
  }

  private void drawHeatmap(Labels labels, PlotFrame f, GradientHistoryModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    Rectangle2D a = f.area();
    int w = (int) Math.max(1, Math.round(a.getWidth()));
    int h = m.layers();
    if (heatmap == null || heatmap.getWidth() != w || heatmap.getHeight() != h) {
      heatmap = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      row = new int[w];
    }
    for (int layer = 0; layer < h; layer++) {
      double[] values = m.values()[layer];
      for (int px = 0; px < w; px++) {
        int column = columnAt(m.steps(), f.toDataX(a.getMinX() + px + 0.5));
        row[px] = m.scale().argb(values[column]);
      }
      heatmap.setRGB(0, layer, w, 1, row, 0, w);
    }
    Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(heatmap, (int) Math.round(a.getMinX()), (int) Math.round(a.getMinY()), w,
        (int) Math.round(a.getHeight()), null);
    if (interpolation != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
    }
    Axes.drawFrame(g, a, theme);
    drawMarkers(g, f, m);
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double rowH = a.getHeight() / h;
    g.setColor(theme.muted());
    // a label per row where rows are a line high, else every k-th
    int every = (int) Math.max(1, Math.ceil(Labels.lineHeight(g.getFont()) / rowH));
    for (int layer = 0; layer < h; layer += every) {
      String label = m.layerLabels()[layer];
      labels.draw(label, a.getMinX() - fm.stringWidth(label) - 6,
          a.getMinY() + rowH * (layer + 0.5) + fm.getAscent() / 2.0 - 1);
    }
    // the axis's name over the labels, or level with the title where the first label is in the way
    String axis = theme.text("history.layerAxis");
    double x = a.getMinX() - fm.stringWidth(axis) - 6;
    if (!labels.draw(axis, x, a.getMinY() - 4)) {
      labels.draw(axis, x, theme.fontSize() * 1.3);
    }
  }

  private static void drawChart(Labels labels, PlotFrame f, GradientHistoryModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    Rectangle2D a = f.area();
    Viewport v = f.viewport();
    List<Double> decades = NiceTicks.decades(Math.pow(10, v.yMin()), Math.pow(10, v.yMax()),
        (int) Math.max(2, a.getHeight() / (theme.fontSize() * 1.8)));
    List<Double> logs = decades.stream().map(Math::log10).toList();
    List<Double> xs = NiceTicks.whole(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    double step = NiceTicks.step(v.xMin(), v.xMax(), Axes.targetTicks(a.getWidth(), theme));
    Axes.drawGrid(g, f, theme, xs, logs);
    Axes.drawFrame(g, a, theme);
    Axes.drawXLabels(labels, f, theme, xs, x -> NiceTicks.label(x, Math.max(1, step)));
    Axes.drawYLabels(labels, theme, logs, f::toPixelY, a,
        y -> NiceTicks.decadeLabel(Math.pow(10, y)));
    java.awt.Shape clip = g.getClip();
    g.clip(a);
    g.setStroke(theme.seriesStroke());
    for (int layer = 0; layer < m.layers(); layer++) {
      Path2D.Double path = new Path2D.Double();
      boolean open = false;
      for (int c = 0; c < m.columns(); c++) {
        double value = m.values()[layer][c];
        if (!(value > 0)) {
          open = false; // zeros and gaps have no place on a log axis
          continue;
        }
        double px = f.toPixelX(m.steps()[c]);
        double py = f.toPixelY(Math.log10(value));
        if (open) {
          path.lineTo(px, py);
        } else {
          path.moveTo(px, py);
          open = true;
        }
      }
      g.setColor(layerColor(layer, m.layers(), theme.isDark()));
      g.draw(path);
    }
    g.setClip(clip);
    drawLayerKey(labels, a, m, theme);
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    g.setColor(theme.muted());
    String xTitle = theme.text("axis.step");
    labels.draw(xTitle, a.getMaxX() - fm.stringWidth(xTitle), a.getMaxY() + fm.getHeight() * 2);
  }

  /** The colour of alert outlines: red, apart from both colour maps' hues. */
  public static final Color ALERT_COLOR = new Color(0xE5, 0x1E, 0x1E);

  /** Alert spans outlined over the heatmap: a red box around the layer's row and columns. */
  private static void drawMarkers(Graphics2D g, PlotFrame f, GradientHistoryModel m) {
    if (m.markers().isEmpty()) {
      return;
    }
    Rectangle2D a = f.area();
    double rowH = a.getHeight() / m.layers();
    java.awt.Stroke stroke = g.getStroke();
    float width = (float) Math.max(1.5, Math.min(3, rowH * 0.25));
    java.awt.Shape clip = g.getClip();
    g.clip(a);
    for (GradientHistoryModel.Marker mk : m.markers()) {
      double x0 = f.toPixelX(m.steps()[mk.from()]);
      double x1 = mk.to() + 1 < m.columns() ? f.toPixelX(m.steps()[mk.to() + 1]) : a.getMaxX();
      if (x1 - x0 < 4) {
        x1 = x0 + 4;
      }
      double y0 = a.getMinY() + rowH * mk.firstLayer();
      double hgt = Math.max(3, rowH * (mk.lastLayer() - mk.firstLayer() + 1));
      Rectangle2D box = new Rectangle2D.Double(x0 + width / 2, y0 + width / 2,
          Math.max(1, x1 - x0 - width), Math.max(1, hgt - width));
      g.setStroke(new java.awt.BasicStroke(width + 2f));
      g.setColor(m.theme().isDark() ? Color.BLACK : Color.WHITE); // a halo on any colour
      g.draw(box);
      g.setStroke(new java.awt.BasicStroke(width));
      g.setColor(ALERT_COLOR);
      g.draw(box);
    }
    g.setClip(clip);
    g.setStroke(stroke);
  }

  /** A small key: the first and last layer's colours with their labels. */
  private static void drawLayerKey(Labels labels, Rectangle2D a, GradientHistoryModel m,
      Theme theme) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double x = a.getMinX();
    double y = a.getMaxY() + fm.getHeight() * 2;
    int n = m.layers();
    for (int layer : n > 1 ? new int[] {0, n - 1} : new int[] {0}) {
      // the output layer is the last: "output layer", not "layer out"
      String label = layer == n - 1 && n > 1
          && m.layerLabels()[layer].equals(theme.text("network.out"))
          ? theme.text("history.outputLayer")
          : theme.text("history.layer", m.layerLabels()[layer]);
      double swatch = fm.getAscent() * 1.4 + 4;
      if (!labels.fits(labels.box(label, x + swatch, y))) {
        break; // no room: no swatch without its words
      }
      g.setColor(layerColor(layer, n, theme.isDark()));
      g.fill(new Rectangle2D.Double(x, y - fm.getAscent() * 0.7, fm.getAscent() * 1.4, fm.getAscent() * 0.6));
      x += swatch;
      g.setColor(theme.muted());
      labels.draw(label, x, y);
      x += fm.stringWidth(label) + theme.fontSize();
    }
    if (!m.markers().isEmpty()) {
      String alerts = theme.text("run.history.alerts", m.markers().size());
      double box = fm.getAscent() * 1.2;
      if (labels.fits(labels.box(alerts, x + box + 4, y))) {
        g.setColor(ALERT_COLOR);
        g.setStroke(new java.awt.BasicStroke(2f));
        g.draw(new Rectangle2D.Double(x, y - fm.getAscent() * 0.85, box, fm.getAscent() * 0.8));
        g.setColor(theme.muted());
        labels.draw(alerts, x + box + 4, y);
      }
    }
  }

  /** Index of the last column whose step is ≤ the given step (the first column before it). */
  public static int columnAt(long[] steps, double step) {
    int i = Arrays.binarySearch(steps, (long) Math.floor(step));
    if (i < 0) {
      i = -i - 2;
    }
    return Math.max(0, Math.min(steps.length - 1, i));
  }

  private static double firstStep(GradientHistoryModel m) {
    return m.columns() == 0 ? 0 : m.steps()[0];
  }

  private static double lastStep(GradientHistoryModel m) {
    if (m.columns() == 0) {
      return 1;
    }
    long last = m.steps()[m.columns() - 1];
    return last > m.steps()[0] ? last : m.steps()[0] + 1;
  }

  /** Whole decades around the positive data, inside the scale's range. */
  static double[] decadeRange(GradientHistoryModel m) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : m.values()) {
      for (double v : values) {
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo == Double.POSITIVE_INFINITY) {
      return new double[] {m.scale().minExponent(), m.scale().maxExponent()};
    }
    double min = Math.max(m.scale().minExponent(), Math.floor(Math.log10(lo)));
    double max = Math.min(m.scale().maxExponent(), Math.ceil(Math.log10(hi)));
    if (max <= min) {
      max = min + 1;
    }
    return new double[] {min, max};
  }
}
