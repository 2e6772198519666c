package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Flatness;

/**
 * The link between the Explorer's curves and the network: a layer's pre-activation histogram
 * (bars, right axis: share of samples) over its activation function f (solid) and f′ (dashed),
 * with the zone that matters for the function's family ({@link Flatness}) shaded and the share of
 * samples in it written out: where f′ = 0 exactly (inactive) for a ReLU-like function, where
 * |f′| ≤ 5 % of its maximum (saturated) for a saturating one; nothing for other functions.
 */
public final class ActivationDistributionRenderer {

  /** |f′| at or below this fraction of its maximum counts as saturated (docs/formats.md). */
  public static final double SATURATION_FRACTION = 0.05;

  static final Color INACTIVE = new Color(0xC0, 0x39, 0x2B);
  static final Color SATURATED = new Color(0x88, 0x88, 0x88);

  /** The frame: x in z, y in f units (the histogram is scaled into the same area). */
  public PlotFrame frame(double width, double height, ActivationDistributionModel m) {
    double fs = m.theme().fontSize();
    // the caption takes as many lines as its parts need at this width
    int lines = captionLines(caption(m), width - fs * 3.9, m.theme()).length;
    double more = (lines - 1) * Labels.lineHeight(m.theme().smallFont());
    double top = Math.max(fs * 2.2, Axes.titleRoom(m.theme()));
    Rectangle2D a = new Rectangle2D.Double(fs * 3.4, top, Math.max(10, width - fs * 6.4),
        Math.max(10, height - top - Axes.keyRoom(m.theme(), 2.1, 2.6) - more));
    double[] y = valueRange(m);
    return new PlotFrame(a, new Viewport(m.min(), m.max(), y[0], y[1]));
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, ActivationDistributionModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    PlotFrame f = frame(width, height, m);
    Rectangle2D a = f.area();
    Activation act = m.activation();
    long max = 1;
    for (long c : m.counts()) {
      max = Math.max(max, c);
    }
    // the family's zone, per bin (f′ at the bin's centre): inactive or saturated
    Color zone = zoneColor(m.flatness());
    double bw = m.binWidth();
    for (int i = 0; i < m.counts().length; i++) {
      if (zone != null && inZone(m, m.min() + bw * (i + 0.5))) {
        double x0 = f.toPixelX(m.min() + bw * i);
        g.setColor(new Color(zone.getRed(), zone.getGreen(), zone.getBlue(), 38));
        g.fill(new Rectangle2D.Double(x0, a.getMinY(), f.toPixelX(m.min() + bw * (i + 1)) - x0,
            a.getHeight()));
      }
    }
    List<Double> xs = NiceTicks.linear(m.min(), m.max(), Axes.targetTicks(a.getWidth(), theme));
    List<Double> ys = NiceTicks.linear(f.viewport().yMin(), f.viewport().yMax(),
        Axes.targetTicks(a.getHeight(), theme));
    double xStep = NiceTicks.step(m.min(), m.max(), Axes.targetTicks(a.getWidth(), theme));
    double yStep = NiceTicks.step(f.viewport().yMin(), f.viewport().yMax(),
        Axes.targetTicks(a.getHeight(), theme));
    Axes.drawGrid(g, f, theme, xs, ys);
    // histogram bars, scaled so the fullest bin reaches 60 % of the height (curves stay readable)
    // neutral bars, so the coloured curves stay the figure
    Color bar = theme.muted();
    g.setColor(new Color(bar.getRed(), bar.getGreen(), bar.getBlue(), 70));
    for (int i = 0; i < m.counts().length; i++) {
      double h = a.getHeight() * 0.6 * m.counts()[i] / max;
      double x0 = f.toPixelX(m.min() + bw * i);
      double x1 = f.toPixelX(m.min() + bw * (i + 1));
      g.fill(new Rectangle2D.Double(x0 + 0.5, a.getMaxY() - h, Math.max(0.5, x1 - x0 - 1), h));
    }
    Axes.drawFrame(g, a, theme);
    Labels labels = new Labels(g, width, height);
    Axes.drawTitle(labels, theme.text("activations.title", m.layerLabel(),
        m.activation().function().displayName()), a, theme);
    drawCaption(labels, a, m);
    Axes.drawXLabels(labels, f, theme, xs, x -> NiceTicks.label(x, xStep));
    Axes.drawYLabels(labels, theme, ys, f::toPixelY, a, y -> NiceTicks.label(y, yStep));
    java.awt.Shape clip = g.getClip();
    g.clip(a);
    g.setColor(Palette.of(act.function().id())); // its colour in the Explorer too
    g.setStroke(theme.seriesStroke());
    g.draw(curve(f, act, false));
    g.setStroke(theme.dashedStroke());
    g.draw(curve(f, act, true));
    g.setClip(clip);
  }

  private static Path2D curve(PlotFrame f, Activation act, boolean derivative) {
    Rectangle2D a = f.area();
    Path2D.Double path = new Path2D.Double();
    double[] params = act.parameterValues();
    double[] breaks = derivative ? act.function().derivativeDiscontinuities(params)
        : act.function().valueDiscontinuities(params);
    boolean open = false;
    double previous = Double.NEGATIVE_INFINITY;
    for (int px = 0; px <= (int) a.getWidth(); px++) {
      double z = f.toDataX(a.getMinX() + px);
      double y = derivative ? act.derivative(z) : act.value(z);
      if (!Double.isFinite(y) || jumpsBetween(breaks, previous, z)) {
        open = false; // a jump is drawn as a break, never as a vertical line
      }
      previous = z;
      if (!Double.isFinite(y)) {
        continue;
      }
      double py = Math.max(a.getMinY() - a.getHeight(), Math.min(a.getMaxY() + a.getHeight(),
          f.toPixelY(y)));
      if (open) {
        path.lineTo(a.getMinX() + px, py);
      } else {
        path.moveTo(a.getMinX() + px, py);
        open = true;
      }
    }
    return path;
  }

  private static boolean jumpsBetween(double[] breaks, double from, double to) {
    for (double b : breaks) {
      if (b > from && b <= to) {
        return true;
      }
    }
    return false;
  }

  /** The shading of a family's zone; null when it has none. */
  static Color zoneColor(Flatness flatness) {
    return switch (flatness) {
      case SWITCHES_OFF -> INACTIVE;
      case SATURATES -> SATURATED;
      case NEITHER -> null;
    };
  }

  /** Whether z lies in the zone of the model's family. */
  static boolean inZone(ActivationDistributionModel m, double z) {
    double d = Math.abs(m.activation().derivative(z));
    return switch (m.flatness()) {
      case SWITCHES_OFF -> d == 0;
      case SATURATES -> d <= SATURATION_FRACTION * m.maxAbsDerivative();
      case NEITHER -> false;
    };
  }

  /**
   * The caption's parts: the share of the family's zone (the layer's measured share where the
   * model has it, else counted from the histogram, samples beyond the bins judged at its ends),
   * and the samples outside the bins.
   */
  static String[] caption(ActivationDistributionModel m) {
    Theme theme = m.theme();
    long total = m.below() + m.above();
    long zoneSamples = 0;
    double bw = m.binWidth();
    for (int i = 0; i < m.counts().length; i++) {
      total += m.counts()[i];
      if (inZone(m, m.min() + bw * (i + 0.5))) {
        zoneSamples += m.counts()[i];
      }
    }
    zoneSamples += (inZone(m, m.min() - bw / 2) ? m.below() : 0)
        + (inZone(m, m.max() + bw / 2) ? m.above() : 0);
    double share = Double.isFinite(m.zoneShare()) ? m.zoneShare()
        : total == 0 ? 0 : (double) zoneSamples / total;
    long percent = Math.round(100 * share);
    return new String[] {
        switch (m.flatness()) {
          case SWITCHES_OFF -> theme.text("activations.inactive", percent);
          case SATURATES -> theme.text("activations.saturated", percent);
          case NEITHER -> theme.text("activations.neither");
        },
        m.below() + m.above() > 0
            ? theme.text("activations.outside", m.below(), m.above()) : ""};
  }

  /** Which parts go on which line: greedily, as many per line as fit in {@code width}. */
  private static int[][] captionLines(String[] parts, double width, Theme theme) {
    java.awt.Font font = theme.smallFont();
    double swatch = Labels.ascent(font) + 3;
    List<int[]> lines = new java.util.ArrayList<>();
    List<Integer> line = new java.util.ArrayList<>();
    double x = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      double w = swatch + Labels.width(parts[i], font);
      if (!line.isEmpty() && x + w > width) {
        lines.add(line.stream().mapToInt(Integer::intValue).toArray());
        line.clear();
        x = 0;
      }
      line.add(i);
      x += w + theme.fontSize();
    }
    if (!line.isEmpty()) {
      lines.add(line.stream().mapToInt(Integer::intValue).toArray());
    }
    return lines.isEmpty() ? new int[][] {{}} : lines.toArray(int[][]::new);
  }

  private static void drawCaption(Labels labels, Rectangle2D a, ActivationDistributionModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    String[] parts = caption(m);
    Color[] colours = {zoneColor(m.flatness()), theme.muted()}; // no swatch without a zone
    double line = Labels.lineHeight(g.getFont());
    double y = a.getMaxY() + fm.getHeight() * 2.1;
    double width = labels.width() - a.getMinX() - theme.fontSize() * 0.5;
    for (int[] row : captionLines(parts, width, theme)) {
      double x = a.getMinX();
      for (int i : row) {
        String text = Labels.fit(parts[i], g.getFont(), width - fm.getAscent() - 3);
        if (!labels.fits(labels.box(text, x + fm.getAscent() + 3, y))) {
          break;
        }
        if (colours[i] != null) {
          g.setColor(colours[i]);
          g.fill(new Rectangle2D.Double(x, y - fm.getAscent() * 0.8, fm.getAscent() * 0.8,
              fm.getAscent() * 0.8));
          x += fm.getAscent() + 3;
        }
        g.setColor(theme.muted());
        labels.draw(text, x, y);
        x += fm.stringWidth(text) + theme.fontSize();
      }
      y += line;
    }
  }

  /** y range covering f and f′ over [min, max], with a margin, at least [−0.1, 1.1]. */
  static double[] valueRange(ActivationDistributionModel m) {
    double lo = -0.1;
    double hi = 1.1;
    for (int i = 0; i <= 64; i++) {
      double z = m.min() + (m.max() - m.min()) * i / 64.0;
      for (double y : new double[] {m.activation().value(z), m.activation().derivative(z)}) {
        if (Double.isFinite(y)) {
          lo = Math.min(lo, y);
          hi = Math.max(hi, y);
        }
      }
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }
}
