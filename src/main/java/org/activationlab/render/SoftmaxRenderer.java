package org.activationlab.render;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.activationlab.activation.Softmax;

/**
 * Softmax at a glance: the probabilities as labelled bars (left), the Jacobian ∂aᵢ/∂zⱼ as an
 * annotated diverging heatmap with its colour scale (middle), and the sigmoid identity (right).
 * Narrow pictures drop the identity, then the Jacobian; numbers that do not fit their bar or cell
 * at the small font size are left out rather than shrunk.
 */
public final class SoftmaxRenderer {

  /** Shares of the width with all three panels: probability bars, Jacobian, the identity. */
  private static final double BARS = 0.30;
  private static final double JACOBIAN = 0.42;
  /** The bars' share with two panels. */
  private static final double BARS_OF_TWO = 0.45;

  private static final String[] SUB = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

  /** How many panels a picture {@code width} wide shows (3, 2 or 1). */
  static int panels(double width, Theme theme) {
    double fs = theme.fontSize();
    return width >= fs * 45 ? 3 : width >= fs * 24 ? 2 : 1;
  }

  /** The panels' rectangles: bars, Jacobian (null if not shown), identity (null if not shown). */
  private static Rectangle2D[] split(double width, double height, Theme theme) {
    int n = panels(width, theme);
    double bars = n == 3 ? width * BARS : n == 2 ? width * BARS_OF_TWO : width;
    double jacobian = n == 3 ? width * JACOBIAN : n == 2 ? width - bars : 0;
    return new Rectangle2D[] {
        new Rectangle2D.Double(0, 0, bars, height),
        n >= 2 ? new Rectangle2D.Double(bars, 0, jacobian, height) : null,
        n == 3 ? new Rectangle2D.Double(bars + jacobian, 0, width - bars - jacobian, height) : null};
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, SoftmaxModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    Labels labels = new Labels(g, width, height);
    Rectangle2D[] panels = split(width, height, theme);
    drawBars(labels, panels[0], m);
    if (panels[1] != null) {
      drawJacobian(labels, panels[1], m);
    }
    if (panels[2] != null) {
      drawIdentity(labels, panels[2], m);
    }
  }

  /** Frame of the bar chart, for tests. */
  public Rectangle2D barArea(double width, double height, Theme theme) {
    return barArea(split(width, height, theme)[0], theme);
  }

  private static Rectangle2D barArea(Rectangle2D box, Theme theme) {
    double fs = theme.fontSize();
    double left = Labels.width("0.5", theme.smallFont()) + fs * 0.9;
    return new Rectangle2D.Double(box.getMinX() + left, box.getMinY() + fs * 2.2,
        Math.max(10, box.getWidth() - left - fs * 0.8),
        Math.max(10, box.getHeight() - fs * 2.2 - 2 * Labels.lineHeight(theme.smallFont())
            - fs * 0.6));
  }

  private static void drawBars(Labels labels, Rectangle2D box, SoftmaxModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    Rectangle2D a = barArea(box, theme);
    title(labels, "softmax(z/T), T = " + NiceTicks.significant(m.temperature(), 3), box, theme);
    PlotFrame f = new PlotFrame(a, new Viewport(0, 1, 0, 1));
    Axes.drawGrid(g, f, theme, List.of(), List.of(0.0, 0.25, 0.5, 0.75, 1.0));
    int k = m.probabilities().length;
    double slot = a.getWidth() / k;
    double barW = slot * 0.62;
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    // one number format for all bars: three decimals, or two, or none where a bar is too narrow
    String format = null;
    for (String candidate : new String[] {"%.3f", "%.2f"}) {
      if (fm.stringWidth(String.format(Locale.ROOT, candidate, 0.5)) <= slot - 2) {
        format = candidate;
        break;
      }
    }
    boolean values = true;
    for (double z : m.logits()) {
      values &= fm.stringWidth(NiceTicks.significant(z, 3)) <= slot - 2;
    }
    for (int i = 0; i < k; i++) {
      double p = m.probabilities()[i];
      double x = a.getMinX() + slot * i + (slot - barW) / 2;
      double top = f.toPixelY(p);
      g.setColor(Palette.color(0));
      g.fill(new Rectangle2D.Double(x, top, barW, a.getMaxY() - top));
      if (format != null) {
        g.setColor(theme.foreground());
        String label = String.format(Locale.ROOT, format, p);
        labels.drawCentred(label, x + barW / 2, Math.max(a.getMinY() + fm.getAscent(), top - 4));
      }
      // two lines under each bar: the logit's name, then its value
      g.setColor(theme.muted());
      labels.drawCentred("z" + sub(i + 1), x + barW / 2, a.getMaxY() + fm.getAscent() + 3);
      if (values) {
        labels.drawCentred(NiceTicks.significant(m.logits()[i], 3), x + barW / 2,
            a.getMaxY() + fm.getAscent() + Labels.lineHeight(g.getFont()) + 3);
      }
    }
    Axes.drawYLabels(labels, theme, List.of(0.0, 0.5, 1.0), f::toPixelY, a,
        y -> NiceTicks.label(y, 0.1));
    Axes.drawFrame(g, a, theme);
  }

  private static void drawJacobian(Labels labels, Rectangle2D box, SoftmaxModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    double fs = theme.fontSize();
    title(labels, theme.text("softmax.jacobian"), box, theme);
    double[][] jac = m.jacobian();
    int k = jac.length;
    double scale = 0;
    for (double[] row : jac) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    scale = scale > 0 ? scale : 1;
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double line = Labels.lineHeight(g.getFont());
    String top = "+" + NiceTicks.significant(scale, 2);
    String bottom = "−" + NiceTicks.significant(scale, 2);
    double scaleW = fs * 0.9 + 4 + Math.max(fm.stringWidth(top), fm.stringWidth(bottom));
    double rowLabelW = fm.stringWidth("i=" + k) + 4;
    double x0 = box.getMinX() + fs * 0.8 + rowLabelW;
    double y0 = box.getMinY() + fs * 2.2;
    double availW = box.getMaxX() - x0 - fs - scaleW - fs * 0.4;
    double availH = box.getMaxY() - y0 - line - 4;
    double cell = Math.max(4, Math.min(availW, availH) / k);
    // the cells' numbers at the small font size, all or none
    String[] cellText = new String[k * k];
    double widest = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        // no "−0.000": tiny negatives round to a plain zero
        double v = Math.abs(jac[i][j]) < 5e-4 ? 0 : jac[i][j];
        cellText[i * k + j] = String.format(Locale.ROOT, "%.3f", v).replace('-', '−');
        widest = Math.max(widest, fm.stringWidth(cellText[i * k + j]));
      }
    }
    boolean numbers = widest <= cell - 4 && line <= cell - 2;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double t = (jac[i][j] / scale + 1) / 2;
        Rectangle2D c = new Rectangle2D.Double(x0 + j * cell, y0 + i * cell, cell - 1, cell - 1);
        g.setColor(ColorMap.DIVERGING.color(t));
        g.fill(c);
        if (numbers) {
          g.setColor(ColorMap.DIVERGING.textOn(t));
          labels.drawCentred(cellText[i * k + j], c.getCenterX(),
              c.getCenterY() + fm.getAscent() / 2.0 - 1);
        }
      }
    }
    // row (i) and column (j) indices: "i=1", or "1" where a cell is narrower than "j=1"
    g.setColor(theme.muted());
    boolean named = fm.stringWidth("j=" + k) <= cell - 2;
    int every = (int) Math.max(1, Math.ceil(line / cell));
    for (int i = 0; i < k; i += every) {
      String s = (named ? "i=" : "") + (i + 1);
      labels.draw(s, x0 - fm.stringWidth(s) - 4, y0 + i * cell + cell / 2 + fm.getAscent() / 2.0 - 1);
    }
    int everyColumn = (int) Math.max(1, Math.ceil((fm.stringWidth("" + k) + fs * 0.4) / cell));
    for (int j = 0; j < k; j += everyColumn) {
      labels.drawCentred((named ? "j=" : "") + (j + 1), x0 + j * cell + cell / 2,
          y0 + k * cell + fm.getAscent() + 2);
    }
    drawScale(labels, x0 + k * cell + fs * 0.6, y0, fs * 0.9, k * cell, top, bottom, theme);
  }

  /** The identity plot's frame (x ∈ [−6, 6], y ∈ [0, 1]) in a picture of the given size. */
  public PlotFrame identityFrame(double width, double height, Theme theme) {
    Rectangle2D box = split(width, height, theme)[2];
    if (box == null) {
      box = new Rectangle2D.Double(width, 0, 0, height);
    }
    return identityFrame(box, theme);
  }

  private static PlotFrame identityFrame(Rectangle2D box, Theme theme) {
    double fs = theme.fontSize();
    double left = Labels.width("0.5", theme.smallFont()) + fs * 0.9;
    Rectangle2D a = new Rectangle2D.Double(box.getMinX() + left, fs * 2.2,
        Math.max(0, box.getWidth() - left - fs * 0.8), box.getHeight() - fs * 4.6);
    return new PlotFrame(a, new Viewport(-6, 6, 0, 1));
  }

  /**
   * softmax([x, 0])₁ (dashed) drawn over σ(x) (solid): the same curve, so a two-class softmax is a
   * sigmoid of the logit difference. The temperature applies: softmax([x, 0] / T)₁ = σ(x / T).
   */
  private static void drawIdentity(Labels labels, Rectangle2D box, SoftmaxModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    title(labels, "softmax([x,0])₁ = σ(x/T)", box, theme);
    PlotFrame f = identityFrame(box, theme);
    Rectangle2D a = f.area();
    if (a.getWidth() < 40 || a.getHeight() < 40) {
      return;
    }
    Axes.drawGrid(g, f, theme, List.of(-4.0, 0.0, 4.0), List.of(0.0, 0.5, 1.0));
    Axes.drawFrame(g, a, theme);
    double t = m.temperature();
    Path2D.Double sigmoid = new Path2D.Double();
    Path2D.Double softmax = new Path2D.Double();
    int n = (int) Math.max(2, a.getWidth());
    for (int i = 0; i <= n; i++) {
      double x = -6 + 12.0 * i / n;
      double px = f.toPixelX(x);
      double s = 1 / (1 + Math.exp(-x / t));
      double p = Softmax.probabilities(new double[] {x, 0}, t)[0];
      if (i == 0) {
        sigmoid.moveTo(px, f.toPixelY(s));
        softmax.moveTo(px, f.toPixelY(p));
      } else {
        sigmoid.lineTo(px, f.toPixelY(s));
        softmax.lineTo(px, f.toPixelY(p));
      }
    }
    java.awt.Shape clip = g.getClip();
    g.clip(a);
    g.setStroke(theme.seriesStroke());
    g.setColor(Palette.color(0));
    g.draw(sigmoid);
    g.setStroke(theme.dashedStroke());
    g.setColor(Palette.color(1));
    g.draw(softmax);
    g.setClip(clip);
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double ly = a.getMinY() + fm.getAscent() + 4;
    double lx = a.getMinX() + 6;
    double room = a.getWidth() - 12;
    // the curves keep to the bottom on the left: the two names go in the top left corner
    if (fm.stringWidth("softmax([x, 0]/T)₁") <= room
        && ly + Labels.lineHeight(g.getFont()) < f.toPixelY(0.6)) {
      g.setColor(Palette.color(0));
      labels.draw("σ(x/T)", lx, ly);
      g.setColor(Palette.color(1));
      labels.draw("softmax([x, 0]/T)₁", lx, ly + Labels.lineHeight(g.getFont()));
    }
    Axes.drawXLabels(labels, f, theme, List.of(-4.0, 0.0, 4.0), x -> NiceTicks.label(x, 1));
    Axes.drawYLabels(labels, theme, List.of(0.0, 0.5, 1.0), f::toPixelY, a,
        y -> NiceTicks.label(y, 0.1));
  }

  /** Vertical colour bar from −scale to +scale, labelled at its ends and 0 where they fit. */
  private static void drawScale(Labels labels, double x, double y, double w, double h,
      String top, String bottom, Theme theme) {
    Graphics2D g = labels.graphics();
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      double t = 1 - s / (steps - 1.0);
      g.setColor(ColorMap.DIVERGING.color(t));
      g.fill(new Rectangle2D.Double(x, y + h * s / steps, w, h / steps + 1));
    }
    g.setColor(theme.muted());
    g.setStroke(theme.thinStroke());
    g.draw(new Rectangle2D.Double(x, y, w, h));
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double line = Labels.lineHeight(g.getFont());
    double lx = x + w + 4;
    if (h >= line * 2) {
      labels.draw(top, lx, y + fm.getAscent() - 2);
      labels.draw(bottom, lx, y + h - fm.getDescent());
    }
    if (h >= line * 3) {
      labels.draw("0", lx, y + h / 2 + fm.getAscent() / 2.0 - 1);
    }
  }

  /** A panel's title in the small font, shortened to the panel's width. */
  private static void title(Labels labels, String text, Rectangle2D box, Theme theme) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    g.setColor(theme.foreground());
    double fs = theme.fontSize();
    String t = Labels.fit(text, g.getFont(), box.getWidth() - fs * 1.2);
    labels.draw(t, box.getMinX() + fs * 0.8, box.getMinY() + fs * 1.3);
  }

  private static String sub(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append(SUB[c - '0']);
    }
    return sb.toString();
  }
}
