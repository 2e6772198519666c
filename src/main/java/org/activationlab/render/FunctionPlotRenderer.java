package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.activationlab.activation.Activation;

/**
 * Draws activation functions (solid) and their derivatives (dashed, same colour) with axes, legend
 * and an optional hover crosshair with a readout. One sample per device pixel column, simplified to
 * within 0.1 px; jumps (binary step,
 * ReLU′ at 0) are drawn as breaks, never as vertical connecting lines.
 *
 * <p>An instance keeps its sample buffers between frames; use one instance per view (not
 * thread-safe).
 */
public final class FunctionPlotRenderer {

  /** Largest deviation of the simplified polyline from the samples, in device pixels. */
  private static final double TOLERANCE_PX = 0.1;

  /** Width of the pieces curves are stroked in (see {@link ChunkedStroke}), in user units. */
  private static final double CHUNK_WIDTH = 48;

  private final ChunkedStroke chunks = new ChunkedStroke();
  private double[] xs = new double[0];
  private final Path2D.Double path = new Path2D.Double();
  private PolylineSimplifier simplifier = new PolylineSimplifier(TOLERANCE_PX);
  private double detail = 1;
  /** Pixel y per sample of each curve drawn so far in this frame (NaN: not finite). */
  private final List<double[]> rows = new ArrayList<>();
  private int drawn;
  private int[] under = new int[0];
  /** f or f′ at each sample of the curve being drawn. */
  private double[] values = new double[0];
  /** The legend's place is searched by sampling the curves: kept while only the crosshair moves. */
  private LegendLayout legendCache;
  private FunctionPlotModel legendKey;
  private double legendWidth;
  private double legendHeight;

  /** Where the data area is for this size and model (for mouse mapping). */
  public PlotFrame frame(double width, double height, FunctionPlotModel model) {
    return new PlotFrame(cachedLegend(width, height, model).area(), model.viewport());
  }

  /**
   * Where the legend goes: a corner of the data area that no curve passes through and that has
   * room for every row; else one line beside the title, if every function fits there; else beside
   * the plot (which narrows) where that leaves the plot most of the width; else the corner the
   * fewest curve points pass through. Labels too long are shortened; rows that do not fit are
   * summed up in a last "+n more" row.
   *
   * @param area the data area
   * @param box the legend's panel, null for none
   * @param rows the series' labels as shown (shortened), first {@code rows.size()} series
   * @param more how many series the legend leaves out
   * @param header whether the legend is a line beside or below the title (no panel, no key row)
   * @param titleArea the area the title is placed above (the plot's, unless the legend's line
   *     pushed the plot down)
   */
  record LegendLayout(Rectangle2D area, Rectangle2D box, List<String> rows, int more,
      boolean header, Rectangle2D titleArea) {

    LegendLayout(Rectangle2D area, Rectangle2D box, List<String> rows, int more) {
      this(area, box, rows, more, false, area);
    }
  }

  /** {@link #legend}, computed again only when something but the crosshair changed. */
  private LegendLayout cachedLegend(double width, double height, FunctionPlotModel model) {
    FunctionPlotModel key = new FunctionPlotModel(model.series(), model.viewport(),
        model.showValue(), model.showDerivative(), model.theme(), Double.NaN, model.title(),
        model.selected());
    if (legendCache == null || width != legendWidth || height != legendHeight
        || !key.equals(legendKey)) {
      legendCache = legend(width, height, model);
      legendKey = key;
      legendWidth = width;
      legendHeight = height;
    }
    return legendCache;
  }

  LegendLayout legend(double width, double height, FunctionPlotModel model) {
    Theme theme = model.theme();
    String widest = widestYLabel(model);
    Rectangle2D full = Axes.dataArea(width, height, theme,
        model.title() != null && !model.title().isEmpty(), widest);
    List<PlotSeries> series = model.series();
    if (series.isEmpty()) {
      return new LegendLayout(full, null, List.of(), 0);
    }
    double fs = theme.fontSize();
    Font font = theme.font();
    double pad = fs * 0.6;
    double rowH = Labels.lineHeight(font) + 2;
    double inset = fs * 0.7;
    double swatches = legendSwatches(model);
    double keyW = pad * 2 + legendKeyWidth(model);
    // at most half the picture wide, and never wider than the plot
    double maxW = Math.max(keyW, Math.min(width * 0.5, full.getWidth() - 2 * inset));
    int fitRows = (int) Math.floor((full.getHeight() - 2 * inset - 2 * pad) / rowH) - 1;
    if (fitRows < 1 || maxW - 2 * pad - swatches < fs * 3) {
      return new LegendLayout(full, null, List.of(), series.size());
    }
    int shown = series.size() <= fitRows ? series.size() : fitRows - 1;
    int more = series.size() - shown;
    List<String> rows = new ArrayList<>();
    double textW = more > 0 ? Labels.width(theme.text("legend.more", more), font) : 0;
    for (int i = 0; i < shown; i++) {
      String label = Labels.fit(series.get(i).label(), font, maxW - 2 * pad - swatches);
      rows.add(label);
      textW = Math.max(textW, Labels.width(label, font));
    }
    double w = Math.max(keyW, pad * 2 + swatches + textW);
    double h = pad * 2 + rowH * (rows.size() + (more > 0 ? 1 : 0) + 1);
    Rectangle2D[] corners = {
        new Rectangle2D.Double(full.getMinX() + inset, full.getMinY() + inset, w, h),
        new Rectangle2D.Double(full.getMaxX() - inset - w, full.getMinY() + inset, w, h),
        new Rectangle2D.Double(full.getMaxX() - inset - w, full.getMaxY() - inset - h, w, h),
        new Rectangle2D.Double(full.getMinX() + inset, full.getMaxY() - inset - h, w, h)};
    int[] hits = curvePointsIn(new PlotFrame(full, model.viewport()), model, corners);
    int best = 0;
    for (int i = 1; i < corners.length; i++) {
      if (hits[i] < hits[best]) {
        best = i;
      }
    }
    if (hits[best] == 0 && more == 0) {
      return new LegendLayout(full, corners[best], rows, more);
    }
    LegendLayout header = headerLegend(width, full, model, false);
    if (header == null) {
      header = headerLegend(width, full, model, true);
    }
    if (header != null) {
      return header;
    }
    if (hits[best] > 0) {
      double gap = fs * 0.8;
      Rectangle2D narrower = new Rectangle2D.Double(full.getX(), full.getY(),
          full.getWidth() - w - gap, full.getHeight());
      if (narrower.getWidth() >= full.getWidth() * 0.6 && h <= height - full.getY()) {
        return new LegendLayout(narrower,
            new Rectangle2D.Double(narrower.getMaxX() + gap, full.getY(), w, h), rows, more);
      }
    }
    return new LegendLayout(full, corners[best], rows, more);
  }

  /**
   * The legend as one line — a short line in each function's colour and its name — right of the
   * title, or {@code below} it (the plot then starts lower); null if the names do not all fit
   * there or the plot would lose more than a third of its height.
   */
  private static LegendLayout headerLegend(double width, Rectangle2D full,
      FunctionPlotModel model, boolean below) {
    Theme theme = model.theme();
    double fs = theme.fontSize();
    String title = model.title() == null ? "" : model.title();
    double titleW = below ? 0 : Labels.width(title, theme.titleFont());
    double x = Math.max(fs * 0.5, full.getMinX()) + titleW + (titleW > 0 ? fs * 1.2 : 0);
    Font font = theme.font();
    double y = full.getMinY() - fs * 0.7;
    if (below) {
      y += Labels.descent(theme.titleFont()) + fs * 0.2 + Labels.ascent(font);
    }
    double sample = fs * 1.4;
    double w = 0;
    List<String> rows = new ArrayList<>();
    for (PlotSeries s : model.series()) {
      rows.add(s.label());
      w += sample + 4 + Labels.width(s.label(), font) + fs * 0.8;
    }
    w -= fs * 0.8;
    double top = y - Labels.ascent(font);
    if (x + w > width - fs * 0.5 || top < 0) {
      return null;
    }
    Rectangle2D area = full;
    if (below) {
      // the top tick label reaches half a line above the plot
      double plotTop = y + Labels.descent(font) + Labels.lineHeight(theme.smallFont()) / 2 + 2;
      area = new Rectangle2D.Double(full.getX(), plotTop, full.getWidth(),
          full.getMaxY() - plotTop);
      if (area.getHeight() < full.getHeight() * 2 / 3) {
        return null;
      }
    }
    return new LegendLayout(area, new Rectangle2D.Double(x, top, w, Labels.lineHeight(font)),
        rows, 0, true, full);
  }

  /** Width of the line samples before a legend row's label. */
  private static double legendSwatches(FunctionPlotModel model) {
    double sample = model.theme().fontSize() * 2.2;
    int samples = (model.showValue() ? 1 : 0) + (model.showDerivative() ? 1 : 0);
    return Math.max(1, samples) * (sample + 6);
  }

  /** Width of the key row ("— f(x)   - - f′(x)"). */
  private static double legendKeyWidth(FunctionPlotModel model) {
    Theme theme = model.theme();
    double fs = theme.fontSize();
    double sample = fs * 2.2;
    Font small = theme.smallFont();
    double w = 0;
    if (model.showValue()) {
      w += sample * 0.7 + 4 + Labels.width("f(x)", small);
    }
    if (model.showDerivative()) {
      w += (w > 0 ? 4 + fs : 0) + sample + 4 + Labels.width("f′(x)", small);
    }
    return w;
  }

  /** How many sampled curve points (every 2 px, f and f′ as shown) fall in each box. */
  private static int[] curvePointsIn(PlotFrame f, FunctionPlotModel model, Rectangle2D[] boxes) {
    int[] hits = new int[boxes.length];
    Rectangle2D a = f.area();
    double margin = model.theme().lineWidth() * 2;
    for (PlotSeries s : model.series()) {
      Activation act = s.activation();
      for (double px = a.getMinX(); px <= a.getMaxX(); px += 2) {
        double x = f.toDataX(px);
        for (int k = 0; k < 2; k++) {
          if (k == 0 ? !model.showValue() : !model.showDerivative()) {
            continue;
          }
          double y = k == 0 ? act.value(x) : act.derivative(x);
          if (!Double.isFinite(y)) {
            continue;
          }
          double py = f.toPixelY(y);
          for (int i = 0; i < boxes.length; i++) {
            Rectangle2D b = boxes[i];
            if (px >= b.getMinX() - margin && px <= b.getMaxX() + margin
                && py >= b.getMinY() - margin && py <= b.getMaxY() + margin) {
              hits[i]++;
            }
          }
        }
      }
    }
    return hits;
  }

  /** Draws the whole plot into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, FunctionPlotModel model) {
    Theme theme = model.theme();
    Backdrop.paint(g, width, height, theme);
    LegendLayout legend = cachedLegend(width, height, model);
    PlotFrame f = new PlotFrame(legend.area(), model.viewport());
    Rectangle2D area = f.area();
    Labels labels = new Labels(g, width, height);
    Axes.drawTitle(labels, model.title(), legend.titleArea(), theme);
    Axes.drawLinear(labels, f, theme);

    Shape oldClip = g.getClip();
    g.clip(area);
    double d = Detail.of(g);
    if (d != detail) {
      detail = d;
      simplifier = new PolylineSimplifier(TOLERANCE_PX / d);
    }
    sampleXs(f);
    // f′ under f, the selected function on top; where a curve runs along one drawn before it,
    // the two take turns in short stretches so that neither hides the other (ReLU under ELU)
    List<PlotSeries> series = model.series();
    int[] order = drawingOrder(series.size(), model.selected());
    drawn = 0;
    for (int pass = 0; pass < 2; pass++) {
      boolean derivative = pass == 0;
      if (derivative ? !model.showDerivative() : !model.showValue()) {
        continue;
      }
      for (int k : order) {
        PlotSeries s = series.get(k);
        Activation a = s.activation();
        double[] params = a.parameterValues();
        g.setColor(s.color());
        if (derivative) {
          drawCurve(g, f, a::derivative, a.function().derivativeDiscontinuities(params),
              theme.dashedStroke(), theme.lineWidth());
        } else {
          drawCurve(g, f, a::value, a.function().valueDiscontinuities(params),
              theme.seriesStroke(), theme.lineWidth());
        }
      }
    }
    double cx = model.crosshairX();
    boolean crosshair = Double.isFinite(cx) && cx >= f.viewport().xMin() && cx <= f.viewport().xMax();
    if (crosshair) {
      drawCrosshair(g, f, model, cx);
    }
    g.setClip(oldClip);
    Readout readout = crosshair ? readout(g, f, model, cx, legend.box()) : null;
    if (readout == null || legend.box() == null || !Labels.meets(readout.box(), legend.box())) {
      drawLegend(labels, legend, model); // under the pointer's readout, the legend steps aside
    }
    if (readout != null) {
      drawReadout(labels, model, readout);
    }
  }

  private void sampleXs(PlotFrame f) {
    Rectangle2D area = f.area();
    // one sample per device pixel column
    int n = (int) Math.ceil(area.getWidth() * detail) + 1;
    if (xs.length != n) {
      xs = new double[n];
    }
    for (int i = 0; i < n; i++) {
      xs[i] = f.toDataX(Math.min(area.getMaxX(), area.getMinX() + i / detail));
    }
  }

  /**
   * Draws y = fn(x) as polylines broken at {@code breaks}, at non-finite values, and clamped far
   * outside the area so exported coordinates stay small.
   */
  private void drawCurve(Graphics2D g, PlotFrame f, DoubleUnaryOperator fn, double[] breaks,
      java.awt.BasicStroke stroke, double lineWidth) {
    Rectangle2D area = f.area();
    double lo = area.getMinY() - area.getHeight();
    double hi = area.getMaxY() + area.getHeight();
    double[] sorted = breaks.length > 1 ? sortedCopy(breaks) : breaks;
    double[] py = pixelRow(drawn++);
    if (values.length != xs.length) {
      values = new double[xs.length];
    }
    for (int i = 0; i < xs.length; i++) {
      double y = fn.applyAsDouble(xs[i]);
      values[i] = y; // evaluated once: the path below reuses it
      py[i] = Double.isFinite(y) ? f.toPixelY(y) : Double.NaN;
    }
    path.reset();
    boolean open = false;
    boolean interleaved = false;
    int nextBreak = firstBreakAbove(sorted, xs[0]);
    double turn = lineWidth * 6 * detail; // samples per stretch where curves take turns
    int[] under = overlaps(py, drawn - 1, lineWidth * 0.75, (int) Math.ceil(2 * turn));
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      if (under[i] > 0 && Math.floorMod((long) Math.floor(i / turn), under[i] + 1) != under[i]) {
        // an earlier curve shows here: this one pauses (with flat ends, so it covers no more)
        simplifier.flush(path);
        open = false;
        interleaved = true;
        while (nextBreak < sorted.length && sorted[nextBreak] <= x) {
          nextBreak++;
        }
        continue;
      }
      // a jump between the previous sample and this one: finish at the left limit, restart at the right
      while (nextBreak < sorted.length && sorted[nextBreak] <= x) {
        double b = sorted[nextBreak++];
        double eps = 1e-9 * Math.max(1, Math.abs(b));
        if (open) {
          lineTo(f, b, fn.applyAsDouble(b - eps), lo, hi, true);
          simplifier.flush(path);
        }
        open = false;
        open = lineTo(f, b, fn.applyAsDouble(b + eps), lo, hi, open);
      }
      open = lineTo(f, x, values[i], lo, hi, open);
    }
    simplifier.flush(path);
    chunks.draw(g, path, interleaved ? new BasicStroke(stroke.getLineWidth(),
        BasicStroke.CAP_BUTT, stroke.getLineJoin(), stroke.getMiterLimit(), stroke.getDashArray(),
        stroke.getDashPhase()) : stroke, CHUNK_WIDTH);
  }

  /** The i-th curve's pixel rows of this drawing (arrays kept between frames). */
  private double[] pixelRow(int i) {
    if (rows.size() <= i) {
      rows.add(new double[0]);
    }
    if (rows.get(i).length != xs.length) {
      rows.set(i, new double[xs.length]);
    }
    return rows.get(i);
  }

  /**
   * Per sample, how many of the curves drawn before curve {@code c} run within {@code tolerance}
   * pixels of it; 0 where that lasts fewer than {@code minRun} samples (a crossing, not a shared
   * stretch: there the curve drawn later stays on top).
   */
  private int[] overlaps(double[] py, int c, double tolerance, int minRun) {
    if (under.length != py.length) {
      under = new int[py.length];
    }
    for (int i = 0; i < py.length; i++) {
      int n = 0;
      for (int k = 0; k < c && !Double.isNaN(py[i]); k++) {
        if (Math.abs(rows.get(k)[i] - py[i]) <= tolerance) {
          n++;
        }
      }
      under[i] = n;
    }
    int start = 0;
    for (int i = 0; i <= py.length; i++) {
      if (i == py.length || under[i] == 0) {
        if (i - start < minRun) {
          java.util.Arrays.fill(under, start, i, 0);
        }
        start = i + 1;
      }
    }
    return under;
  }

  /** Series indices in drawing order: the selected one last. */
  static int[] drawingOrder(int count, int selected) {
    int[] order = new int[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      if (i != selected) {
        order[k++] = i;
      }
    }
    if (selected >= 0 && selected < count) {
      order[k] = selected;
    }
    return order;
  }

  /** Adds (x, y) to the path; returns whether the path is open (false after a non-finite y). */
  private boolean lineTo(PlotFrame f, double x, double y, double lo, double hi, boolean open) {
    if (!Double.isFinite(y)) {
      if (open) {
        simplifier.flush(path);
      }
      return false;
    }
    double px = f.toPixelX(x);
    double py = Math.max(lo, Math.min(hi, f.toPixelY(y)));
    if (open) {
      simplifier.add(path, px, py);
    } else {
      simplifier.flush(path);
      simplifier.start(path, px, py);
    }
    return true;
  }

  private static int firstBreakAbove(double[] sorted, double x) {
    int i = 0;
    while (i < sorted.length && sorted[i] <= x) {
      i++;
    }
    return i;
  }

  private static double[] sortedCopy(double[] a) {
    double[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  private static void drawCrosshair(Graphics2D g, PlotFrame f, FunctionPlotModel model, double x) {
    Theme theme = model.theme();
    Rectangle2D area = f.area();
    double px = f.toPixelX(x);
    g.setColor(theme.muted());
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {3f, 3f}, 0f));
    g.draw(new Line2D.Double(px, area.getMinY(), px, area.getMaxY()));
    double r = theme.lineWidth() * 1.8;
    for (PlotSeries s : model.series()) {
      if (model.showValue()) {
        dot(g, f, px, s.activation().value(x), r, s.color(), theme, true);
      }
      if (model.showDerivative()) {
        dot(g, f, px, s.activation().derivative(x), r, s.color(), theme, false);
      }
    }
  }

  private static void dot(Graphics2D g, PlotFrame f, double px, double y, double r, Color c,
      Theme theme, boolean filled) {
    if (!Double.isFinite(y)) {
      return;
    }
    Ellipse2D e = new Ellipse2D.Double(px - r, f.toPixelY(y) - r, 2 * r, 2 * r);
    g.setColor(filled ? c : theme.background());
    g.fill(e);
    g.setColor(c);
    g.setStroke(new BasicStroke((float) Math.max(1.2, theme.lineWidth() * 0.6)));
    g.draw(e);
  }

  private static void drawLegend(Labels labels, LegendLayout legend, FunctionPlotModel model) {
    Rectangle2D box = legend.box();
    if (box == null) {
      return;
    }
    Graphics2D g = labels.graphics();
    Theme theme = model.theme();
    if (legend.header()) {
      drawHeaderLegend(labels, legend, model);
      return;
    }
    g.setFont(theme.font());
    FontMetrics fm = Labels.metrics(g);
    double fs = theme.fontSize();
    double sample = fs * 2.2;
    double rowH = Labels.lineHeight(g.getFont()) + 2;
    double pad = fs * 0.6;
    double x0 = box.getX();
    double y0 = box.getY();
    g.setColor(theme.panel());
    RoundRectangle2D panel = new RoundRectangle2D.Double(x0, y0, box.getWidth(), box.getHeight(),
        8, 8);
    g.fill(panel);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(panel);
    double y = y0 + pad + fm.getAscent();
    // key row: which line style means what
    g.setColor(theme.muted());
    g.setFont(theme.smallFont());
    FontMetrics small = Labels.metrics(g);
    double kx = x0 + pad;
    if (model.showValue()) {
      g.setStroke(theme.seriesStroke());
      g.draw(new Line2D.Double(kx, y - fm.getAscent() / 3.0, kx + sample * 0.7, y - fm.getAscent() / 3.0));
      labels.draw("f(x)", kx + sample * 0.7 + 4, y);
      kx += sample * 0.7 + 4 + small.stringWidth("f(x)") + 4 + fs;
    }
    if (model.showDerivative()) {
      g.setStroke(theme.dashedStroke());
      g.draw(new Line2D.Double(kx, y - fm.getAscent() / 3.0, kx + sample, y - fm.getAscent() / 3.0));
      labels.draw("f′(x)", kx + sample + 4, y);
    }
    g.setFont(theme.font());
    for (int i = 0; i < legend.rows().size(); i++) {
      PlotSeries s = model.series().get(i);
      y += rowH;
      double lx = x0 + pad;
      double ly = y - fm.getAscent() / 3.0;
      g.setColor(s.color());
      if (model.showValue()) {
        g.setStroke(theme.seriesStroke());
        g.draw(new Line2D.Double(lx, ly, lx + sample, ly));
        lx += sample + 6;
      }
      if (model.showDerivative()) {
        g.setStroke(theme.dashedStroke());
        g.draw(new Line2D.Double(lx, ly, lx + sample, ly));
        lx += sample + 6;
      }
      g.setColor(theme.foreground());
      labels.draw(legend.rows().get(i), lx, y);
    }
    if (legend.more() > 0) {
      y += rowH;
      g.setColor(theme.muted());
      labels.draw(theme.text("legend.more", legend.more()), x0 + pad, y);
    }
  }

  private static void drawHeaderLegend(Labels labels, LegendLayout legend,
      FunctionPlotModel model) {
    Graphics2D g = labels.graphics();
    Theme theme = model.theme();
    double fs = theme.fontSize();
    double sample = fs * 1.4;
    g.setFont(theme.font());
    FontMetrics fm = Labels.metrics(g);
    double x = legend.box().getX();
    double y = legend.box().getY() + Labels.ascent(g.getFont());
    for (int i = 0; i < legend.rows().size(); i++) {
      PlotSeries s = model.series().get(i);
      g.setColor(s.color());
      g.setStroke(model.showValue() ? theme.seriesStroke() : theme.dashedStroke());
      g.draw(new Line2D.Double(x, y - fm.getAscent() / 3.0, x + sample, y - fm.getAscent() / 3.0));
      x += sample + 4;
      g.setColor(theme.foreground());
      labels.draw(legend.rows().get(i), x, y);
      x += fm.stringWidth(legend.rows().get(i)) + fs * 0.8;
    }
  }

  /** The readout's lines and panel. */
  private record Readout(String[] lines, Rectangle2D box) {}

  /** The readout's font measures, one definition for laying it out and for drawing it. */
  private record ReadoutMetrics(FontMetrics fm, double fs, double swatch, double pad,
      double rowH) {
    /** Sets the readout's font on {@code g} and measures it. */
    static ReadoutMetrics of(Graphics2D g, Theme theme) {
      g.setFont(theme.font());
      double fs = theme.fontSize();
      return new ReadoutMetrics(Labels.metrics(g), fs, fs * 0.8, fs * 0.6,
          Labels.lineHeight(g.getFont()) + 2);
    }
  }

  /**
   * The values at the crosshair in a panel beside it, clear of the legend where it can be: a row
   * per function with its name where that fits the plot's width, else its colour alone; rows the
   * plot has no height for are left out. Null when the plot is not a line high.
   */
  private static Readout readout(Graphics2D g, PlotFrame f, FunctionPlotModel model, double x,
      Rectangle2D legend) {
    Theme theme = model.theme();
    Rectangle2D area = f.area();
    ReadoutMetrics m = ReadoutMetrics.of(g, theme);
    FontMetrics fm = m.fm();
    double fs = m.fs();
    double swatch = m.swatch();
    double pad = m.pad();
    double rowH = m.rowH();
    int maxRows = (int) Math.floor((area.getHeight() - 4 - 2 * pad) / rowH);
    if (maxRows < 1) {
      return null;
    }
    int n = Math.min(model.series().size(), maxRows - 1);
    String[] lines = null;
    double textW = 0;
    for (boolean named : new boolean[] {true, false}) {
      lines = readoutLines(model, x, n, named);
      textW = 0;
      for (String s : lines) {
        textW = Math.max(textW, fm.stringWidth(s));
      }
      if (pad * 3 + swatch + textW <= area.getWidth() - 8) {
        break;
      }
    }
    double maxText = area.getWidth() - 8 - pad * 3 - swatch;
    for (int i = 0; i < lines.length; i++) {
      lines[i] = Labels.fit(lines[i], g.getFont(), maxText);
    }
    textW = Math.min(textW, maxText);
    double w = pad * 3 + swatch + textW;
    double h = pad * 2 + rowH * lines.length;
    double px = f.toPixelX(x);
    Rectangle2D box = null;
    for (int place = 0; place < 4 && box == null; place++) {
      double bx = place % 2 == 0 ? px + fs : px - fs - w;
      bx = Math.max(area.getMinX() + 4, Math.min(area.getMaxX() - 4 - w, bx));
      double by = place < 2 ? area.getMaxY() - h - Math.min(fs * 0.7, area.getHeight() - h - 2)
          : area.getMinY() + Math.min(fs * 0.7, area.getHeight() - h - 2);
      Rectangle2D candidate = new Rectangle2D.Double(bx, by, w, h);
      if (legend == null || !Labels.meets(candidate, legend) || place == 3) {
        box = candidate;
      }
    }
    return new Readout(lines, box);
  }

  private static void drawReadout(Labels labels, FunctionPlotModel model, Readout readout) {
    Graphics2D g = labels.graphics();
    Theme theme = model.theme();
    ReadoutMetrics m = ReadoutMetrics.of(g, theme);
    FontMetrics fm = m.fm();
    double fs = m.fs();
    double swatch = m.swatch();
    double pad = m.pad();
    double rowH = m.rowH();
    Rectangle2D box = readout.box();
    String[] lines = readout.lines();
    double bx = box.getX();
    double by = box.getY();
    RoundRectangle2D panel = new RoundRectangle2D.Double(bx, by, box.getWidth(),
        box.getHeight(), 8, 8);
    g.setColor(theme.panel());
    g.fill(panel);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(panel);
    double ty = by + pad + fm.getAscent();
    g.setColor(theme.foreground());
    labels.draw(lines[0], bx + pad * 2 + swatch, ty);
    for (int i = 1; i < lines.length; i++) {
      ty += rowH;
      g.setColor(model.series().get(i - 1).color());
      g.fill(new Rectangle2D.Double(bx + pad, ty - fm.getAscent() * 0.8, swatch, swatch));
      g.setColor(theme.foreground());
      labels.draw(lines[i], bx + pad * 2 + swatch, ty);
    }
  }

  /** "x = …" and a line per function (the first {@code n}), with or without its name. */
  private static String[] readoutLines(FunctionPlotModel model, double x, int n, boolean named) {
    String[] lines = new String[n + 1];
    lines[0] = "x = " + NiceTicks.significant(x, 4);
    for (int i = 0; i < n; i++) {
      Activation a = model.series().get(i).activation();
      StringBuilder sb = new StringBuilder();
      if (named) {
        sb.append(shortLabel(model.series().get(i).label())).append(":  ");
      }
      if (model.showValue()) {
        sb.append("f = ").append(NiceTicks.significant(a.value(x), 4));
      }
      if (model.showDerivative()) {
        sb.append(model.showValue() ? "   " : "").append("f′ = ")
            .append(NiceTicks.significant(a.derivative(x), 4));
      }
      lines[i + 1] = sb.toString();
    }
    return lines;
  }

  /** The label without its parameter list, so the readout stays compact. */
  private static String shortLabel(String label) {
    int paren = label.indexOf(" (");
    return paren > 0 ? label.substring(0, paren) : label;
  }

  private static String widestYLabel(FunctionPlotModel model) {
    Viewport v = model.viewport();
    double step = NiceTicks.step(v.yMin(), v.yMax(), 8);
    String a = NiceTicks.label(v.yMin(), step);
    String b = NiceTicks.label(v.yMax(), step);
    return a.length() > b.length() ? a : b;
  }
}
