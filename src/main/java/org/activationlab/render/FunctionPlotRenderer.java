package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
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

  /** Where the data area is for this size and model (for mouse mapping). */
  public PlotFrame frame(double width, double height, FunctionPlotModel model) {
    String widest = widestYLabel(model);
    Rectangle2D area = Axes.dataArea(width, height, model.theme(),
        model.title() != null && !model.title().isEmpty(), widest);
    return new PlotFrame(area, model.viewport());
  }

  /** Draws the whole plot into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, FunctionPlotModel model) {
    Theme theme = model.theme();
    Backdrop.paint(g, width, height, theme);
    PlotFrame f = frame(width, height, model);
    Rectangle2D area = f.area();
    Axes.drawLinear(g, f, theme);
    Axes.drawTitle(g, model.title(), area, theme);

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
    drawLegend(g, area, model);
    if (crosshair) {
      drawReadout(g, f, model, cx);
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
    for (int i = 0; i < xs.length; i++) {
      double y = fn.applyAsDouble(xs[i]);
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
      open = lineTo(f, x, fn.applyAsDouble(x), lo, hi, open);
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

  private static void drawLegend(Graphics2D g, Rectangle2D area, FunctionPlotModel model) {
    if (model.series().isEmpty()) {
      return;
    }
    Theme theme = model.theme();
    g.setFont(theme.font());
    FontMetrics fm = g.getFontMetrics();
    double fs = theme.fontSize();
    double sample = fs * 2.2;
    double rowH = fm.getHeight() + 2;
    double textW = 0;
    for (PlotSeries s : model.series()) {
      textW = Math.max(textW, fm.stringWidth(s.label()));
    }
    boolean both = model.showValue() && model.showDerivative();
    String key = both ? "f(x)        f′(x)" : model.showValue() ? "f(x)" : "f′(x)";
    int samples = both ? 2 : 1;
    double pad = fs * 0.6;
    double w = pad * 2 + samples * (sample + 6) + textW;
    w = Math.max(w, pad * 2 + fm.stringWidth(key) + sample);
    double h = pad * 2 + rowH * (model.series().size() + 1);
    double x0 = area.getMinX() + fs * 0.7;
    double y0 = area.getMinY() + fs * 0.7;
    g.setColor(theme.panel());
    RoundRectangle2D box = new RoundRectangle2D.Double(x0, y0, w, h, 8, 8);
    g.fill(box);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(box);
    double y = y0 + pad + fm.getAscent();
    // key row: which line style means what
    g.setColor(theme.muted());
    g.setFont(theme.smallFont());
    double kx = x0 + pad;
    if (model.showValue()) {
      g.setStroke(theme.seriesStroke());
      g.draw(new Line2D.Double(kx, y - fm.getAscent() / 3.0, kx + sample * 0.7, y - fm.getAscent() / 3.0));
      g.drawString("f(x)", (float) (kx + sample * 0.7 + 4), (float) y);
      kx += sample * 0.7 + 8 + g.getFontMetrics().stringWidth("f(x)") + fs;
    }
    if (model.showDerivative()) {
      g.setStroke(theme.dashedStroke());
      g.draw(new Line2D.Double(kx, y - fm.getAscent() / 3.0, kx + sample, y - fm.getAscent() / 3.0));
      g.drawString("f′(x)", (float) (kx + sample + 4), (float) y);
    }
    g.setFont(theme.font());
    for (PlotSeries s : model.series()) {
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
      g.drawString(s.label(), (float) lx, (float) y);
    }
  }

  private static void drawReadout(Graphics2D g, PlotFrame f, FunctionPlotModel model, double x) {
    Theme theme = model.theme();
    Rectangle2D area = f.area();
    g.setFont(theme.font());
    FontMetrics fm = g.getFontMetrics();
    double fs = theme.fontSize();
    String[] lines = new String[model.series().size() + 1];
    lines[0] = "x = " + NiceTicks.significant(x, 4);
    for (int i = 0; i < model.series().size(); i++) {
      Activation a = model.series().get(i).activation();
      StringBuilder sb = new StringBuilder(shortLabel(model.series().get(i).label())).append(":  ");
      if (model.showValue()) {
        sb.append("f = ").append(NiceTicks.significant(a.value(x), 4));
      }
      if (model.showDerivative()) {
        sb.append(sb.length() > 0 ? "   " : "").append("f′ = ")
            .append(NiceTicks.significant(a.derivative(x), 4));
      }
      lines[i + 1] = sb.toString();
    }
    double swatch = fs * 0.8;
    double pad = fs * 0.6;
    double textW = 0;
    for (String s : lines) {
      textW = Math.max(textW, fm.stringWidth(s));
    }
    double w = pad * 3 + swatch + textW;
    double rowH = fm.getHeight() + 2;
    double h = pad * 2 + rowH * lines.length;
    double px = f.toPixelX(x);
    double bx = px + fs;
    if (bx + w > area.getMaxX() - 4) {
      bx = px - fs - w;
    }
    bx = Math.max(area.getMinX() + 4, bx);
    double by = area.getMaxY() - h - fs * 0.7;
    RoundRectangle2D box = new RoundRectangle2D.Double(bx, by, w, h, 8, 8);
    g.setColor(theme.panel());
    g.fill(box);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    g.draw(box);
    double ty = by + pad + fm.getAscent();
    g.setColor(theme.foreground());
    g.drawString(lines[0], (float) (bx + pad * 2 + swatch), (float) ty);
    for (int i = 1; i < lines.length; i++) {
      ty += rowH;
      g.setColor(model.series().get(i - 1).color());
      g.fill(new Rectangle2D.Double(bx + pad, ty - fm.getAscent() * 0.8, swatch, swatch));
      g.setColor(theme.foreground());
      g.drawString(lines[i], (float) (bx + pad * 2 + swatch), (float) ty);
    }
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
