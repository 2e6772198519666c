package org.activationlab.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * Softmax at a glance: the probabilities as labelled bars (left) and the Jacobian ∂aᵢ/∂zⱼ as an
 * annotated diverging heatmap with its colour scale (right).
 */
public final class SoftmaxRenderer {

  /** Shares of the width: probability bars, Jacobian, the sigmoid identity. */
  private static final double BARS = 0.30;
  private static final double JACOBIAN = 0.42;

  private static final String[] SUB = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, SoftmaxModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    double bars = width * BARS;
    double jacobian = width * JACOBIAN;
    drawBars(g, new Rectangle2D.Double(0, 0, bars, height), m);
    drawJacobian(g, new Rectangle2D.Double(bars, 0, jacobian, height), m);
    drawIdentity(g, new Rectangle2D.Double(bars + jacobian, 0, width - bars - jacobian, height), m);
  }

  /** Frame of the bar chart inside its half, for tests. */
  public Rectangle2D barArea(double width, double height, Theme theme) {
    double fs = theme.fontSize();
    return new Rectangle2D.Double(fs * 2.8, fs * 2.2, width * BARS - fs * 3.6, height - fs * 5.6);
  }

  private void drawBars(Graphics2D g, Rectangle2D box, SoftmaxModel m) {
    Theme theme = m.theme();
    double fs = theme.fontSize();
    Rectangle2D a = barArea(box.getWidth() / BARS, box.getHeight(), theme);
    title(g, "softmax(z/T), T = " + NiceTicks.significant(m.temperature(), 3), box, theme);
    PlotFrame f = new PlotFrame(a, new Viewport(0, 1, 0, 1));
    Axes.drawGrid(g, f, theme, java.util.List.of(), java.util.List.of(0.0, 0.25, 0.5, 0.75, 1.0));
    Axes.drawYLabels(g, theme, java.util.List.of(0.0, 0.5, 1.0), f::toPixelY, a,
        y -> NiceTicks.label(y, 0.1));
    int k = m.probabilities().length;
    double slot = a.getWidth() / k;
    double barW = slot * 0.62;
    g.setFont(theme.smallFont());
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i < k; i++) {
      double p = m.probabilities()[i];
      double x = a.getMinX() + slot * i + (slot - barW) / 2;
      double top = f.toPixelY(p);
      g.setColor(Palette.color(0));
      g.fill(new Rectangle2D.Double(x, top, barW, a.getMaxY() - top));
      g.setColor(theme.foreground());
      String label = String.format(Locale.ROOT, "%.3f", p);
      float ly = (float) Math.max(a.getMinY() + fm.getAscent(), top - 4);
      g.drawString(label, (float) (x + barW / 2 - fm.stringWidth(label) / 2.0), ly);
      // two lines under each bar: the logit's name, then its value
      g.setColor(theme.muted());
      String z = "z" + sub(i + 1);
      String value = NiceTicks.significant(m.logits()[i], 3);
      g.drawString(z, (float) (x + barW / 2 - fm.stringWidth(z) / 2.0),
          (float) (a.getMaxY() + fm.getAscent() + 3));
      g.drawString(value, (float) (x + barW / 2 - fm.stringWidth(value) / 2.0),
          (float) (a.getMaxY() + fm.getAscent() + fm.getHeight() + 3));
    }
    Axes.drawFrame(g, a, theme);
  }

  private void drawJacobian(Graphics2D g, Rectangle2D box, SoftmaxModel m) {
    Theme theme = m.theme();
    double fs = theme.fontSize();
    title(g, theme.text("softmax.jacobian"), box, theme);
    double[][] jac = m.jacobian();
    int k = jac.length;
    double scale = 0;
    for (double[] row : jac) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    scale = scale > 0 ? scale : 1;
    double legendW = fs * 4.5;
    double avail = Math.min(box.getWidth() - fs * 2.5 - legendW, box.getHeight() - fs * 4.4);
    double cell = Math.max(4, avail / k);
    double x0 = box.getMinX() + fs * 2.0;
    double y0 = box.getMinY() + fs * 2.2;
    // the largest font (up to the small font) at which "−0.000" fits inside a cell
    double size = theme.fontSize() * 0.86;
    g.setFont(theme.font(size, false));
    FontMetrics fm = g.getFontMetrics();
    while (size > 6 && fm.stringWidth("−0.000") > cell - 4) {
      size -= 0.5;
      g.setFont(theme.font(size, false));
      fm = g.getFontMetrics();
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double t = (jac[i][j] / scale + 1) / 2;
        Rectangle2D c = new Rectangle2D.Double(x0 + j * cell, y0 + i * cell, cell - 1, cell - 1);
        g.setColor(ColorMap.DIVERGING.color(t));
        g.fill(c);
        g.setColor(ColorMap.DIVERGING.textOn(t));
        // no "−0.000": tiny negatives round to a plain zero
        double v = Math.abs(jac[i][j]) < 5e-4 ? 0 : jac[i][j];
        String s = String.format(Locale.ROOT, "%.3f", v).replace('-', '−');
        if (fm.stringWidth(s) < cell - 2) {
          g.drawString(s, (float) (c.getCenterX() - fm.stringWidth(s) / 2.0),
              (float) (c.getCenterY() + fm.getAscent() / 2.0 - 1));
        }
      }
    }
    // row (i) and column (j) indices
    g.setFont(theme.smallFont());
    fm = g.getFontMetrics();
    g.setColor(theme.muted());
    for (int i = 0; i < k; i++) {
      String s = "i=" + (i + 1);
      g.drawString(s, (float) (x0 - fm.stringWidth(s) - 4), (float) (y0 + i * cell + cell / 2 + fm.getAscent() / 2.0));
      String t = "j=" + (i + 1);
      g.drawString(t, (float) (x0 + i * cell + cell / 2 - fm.stringWidth(t) / 2.0),
          (float) (y0 + k * cell + fm.getAscent() + 2));
    }
    drawScale(g, x0 + k * cell + fs, y0, fs * 0.9, k * cell, scale, theme);
  }

  /** The identity plot's frame (x ∈ [−6, 6], y ∈ [0, 1]) in a picture of the given size. */
  public PlotFrame identityFrame(double width, double height, Theme theme) {
    double fs = theme.fontSize();
    double left = width * (BARS + JACOBIAN);
    Rectangle2D a = new Rectangle2D.Double(left + fs * 2.4, fs * 2.2,
        width - left - fs * 3.2, height - fs * 4.6);
    return new PlotFrame(a, new Viewport(-6, 6, 0, 1));
  }

  /**
   * softmax([x, 0])₁ (dashed) drawn over σ(x) (solid): the same curve, so a two-class softmax is a
   * sigmoid of the logit difference. The temperature applies: softmax([x, 0] / T)₁ = σ(x / T).
   */
  private void drawIdentity(Graphics2D g, Rectangle2D box, SoftmaxModel m) {
    Theme theme = m.theme();
    double fs = theme.fontSize();
    title(g, "softmax([x,0])₁ = σ(x/T)", box, theme);
    PlotFrame f = identityFrame(box.getMinX() + box.getWidth(), box.getHeight(), theme);
    Rectangle2D a = f.area();
    if (a.getWidth() < 40 || a.getHeight() < 40) {
      return;
    }
    Axes.drawGrid(g, f, theme, java.util.List.of(-4.0, 0.0, 4.0), java.util.List.of(0.0, 0.5, 1.0));
    Axes.drawFrame(g, a, theme);
    Axes.drawXLabels(g, f, theme, java.util.List.of(-4.0, 0.0, 4.0), x -> NiceTicks.label(x, 1));
    Axes.drawYLabels(g, theme, java.util.List.of(0.0, 0.5, 1.0), f::toPixelY, a,
        y -> NiceTicks.label(y, 0.1));
    double t = m.temperature();
    java.awt.geom.Path2D.Double sigmoid = new java.awt.geom.Path2D.Double();
    java.awt.geom.Path2D.Double softmax = new java.awt.geom.Path2D.Double();
    int n = (int) Math.max(2, a.getWidth());
    for (int i = 0; i <= n; i++) {
      double x = -6 + 12.0 * i / n;
      double px = f.toPixelX(x);
      double s = 1 / (1 + Math.exp(-x / t));
      double p = org.activationlab.activation.Softmax.probabilities(new double[] {x, 0}, t)[0];
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
    FontMetrics fm = g.getFontMetrics();
    float ly = (float) (a.getMinY() + fm.getAscent() + 4);
    float lx = (float) (a.getMinX() + 6);
    g.setColor(Palette.color(0));
    g.drawString("σ(x/T)", lx, ly);
    g.setColor(Palette.color(1));
    g.drawString("softmax([x, 0]/T)₁", lx, ly + fm.getHeight());
  }

  /** Vertical colour bar from −scale to +scale. */
  private static void drawScale(Graphics2D g, double x, double y, double w, double h, double scale,
      Theme theme) {
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
    FontMetrics fm = g.getFontMetrics();
    float lx = (float) (x + w + 4);
    g.drawString("+" + NiceTicks.significant(scale, 2), lx, (float) (y + fm.getAscent()));
    g.drawString("0", lx, (float) (y + h / 2 + fm.getAscent() / 2.0));
    g.drawString("−" + NiceTicks.significant(scale, 2), lx, (float) (y + h));
  }

  private static void title(Graphics2D g, String text, Rectangle2D box, Theme theme) {
    g.setFont(theme.smallFont());
    g.setColor(theme.foreground());
    g.drawString(text, (float) (box.getMinX() + theme.fontSize() * 0.8),
        (float) (box.getMinY() + theme.fontSize() * 1.3));
  }

  private static String sub(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append(SUB[c - '0']);
    }
    return sb.toString();
  }

}
