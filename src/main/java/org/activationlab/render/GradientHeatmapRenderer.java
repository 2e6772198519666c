package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * The per-layer gradient heatmap: a row per layer, a cell per neuron, colour = viridis of log10
 * mean |δ| over the model's decade range ({@link LabModels#heatmap} fits it to the values; a
 * locked range may leave some outside: they take the end colours and the legend bar gets a
 * triangle at that end), {@link #ZERO_COLOR} for an exact zero,
 * {@link #NON_FINITE_COLOR} for NaN or ∞, a ✕ over dead units. Row labels on the left give the
 * layer, its mean |δ| and its dead percentage with, by the layer's function, its inactive or
 * saturated percentage ({@link #shares}); a decade legend sits on the right.
 * Cells are filled rectangles (at most 16 × 64 of them).
 */
public final class GradientHeatmapRenderer {

  /** Exact zero: a neutral grey, outside viridis's purple–yellow range. */
  public static final Color ZERO_COLOR = new Color(0x9A, 0x9A, 0x9A);
  /** NaN or ±∞ (a diverged run): a magenta no viridis colour comes near, with its own legend. */
  public static final Color NON_FINITE_COLOR = DecadeScale.NON_FINITE_COLOR;

  /** Colour of a magnitude on the model's scale. */
  public static Color color(double magnitude, GradientHeatmapModel m) {
    if (!Double.isFinite(magnitude)) {
      return NON_FINITE_COLOR;
    }
    if (magnitude == 0) {
      return ZERO_COLOR;
    }
    return ColorMap.VIRIDIS.color(t(magnitude, m));
  }

  static double t(double magnitude, GradientHeatmapModel m) {
    double t = (Math.log10(Math.abs(magnitude)) - m.decadeMin())
        / (double) (m.decadeMax() - m.decadeMin());
    return Math.max(0, Math.min(1, t));
  }

  /** Layout of a picture: label column, cell area, legend. */
  public record Layout(double labelWidth, Rectangle2D cells, double cellWidth, double rowHeight,
      Rectangle2D legend) {}

  public Layout layout(double width, double height, GradientHeatmapModel m, Theme theme) {
    double fs = theme.fontSize();
    double top = m.title() == null || m.title().isEmpty() ? fs * 0.8 : fs * 2.4;
    double legendWidth = legendWidth(m, theme);
    // never into the legend: in a tiny picture the labels give way (cells keep 10 px)
    double labelWidth = Math.min(labelWidth(width - legendWidth, height - top, m, theme),
        Math.max(fs, width - legendWidth - fs * 2 - 10));
    double x0 = fs * 0.8 + labelWidth;
    double availW = Math.max(10, width - x0 - legendWidth - fs * 1.2);
    double availH = Math.max(10, height - top - fs * 0.8);
    int rows = Math.max(1, m.rows().size());
    // rows grow with the room (a picture in focus mode) but stay bars, not squares of colour
    double rowH = Math.min(availH / rows, fs * 6);
    double cellW = Math.min(availW / m.maxWidth(), rowH * 1.6);
    Rectangle2D cells = new Rectangle2D.Double(x0, top, cellW * m.maxWidth(), rowH * rows);
    Rectangle2D legend = new Rectangle2D.Double(width - legendWidth, top, legendWidth - fs * 0.6,
        availH);
    return new Layout(labelWidth, cells, cellW, rowH, legend);
  }

  /** The rectangle of neuron {@code j} of row {@code row} (small gaps between cells). */
  public Rectangle2D cell(Layout l, int row, int j) {
    double gap = Math.min(1.5, l.cellWidth() * 0.08);
    return new Rectangle2D.Double(l.cells().getX() + j * l.cellWidth() + gap / 2,
        l.cells().getY() + row * l.rowHeight() + gap / 2, l.cellWidth() - gap,
        l.rowHeight() - gap);
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, GradientHeatmapModel m,
      Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(theme.background());
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    Layout l = layout(width, height, m, theme);
    double fs = theme.fontSize();
    Labels labels = new Labels(g, width, height);
    if (m.title() != null && !m.title().isEmpty()) {
      g.setFont(theme.titleFont());
      g.setColor(theme.foreground());
      labels.draw(fitTitle(m.title(), Labels.metrics(g), width - fs * 1.6), fs * 0.8, fs * 1.5);
    }
    List<GradientHeatmapModel.Row> rows = m.rows();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    for (int r = 0; r < rows.size(); r++) {
      GradientHeatmapModel.Row row = rows.get(r);
      double y = l.cells().getY() + r * l.rowHeight();
      // label: "1 sigmoid" then "dead 12 % · sat 50 %"
      g.setColor(theme.foreground());
      // the layer's mean |δ| is the number a reader looks for: its name gives way first
      // (measured as the layout measures, by the font's string bounds: the minus sign may come
      // from a fallback font)
      String mean = "  " + NiceTicks.significant(row.mean(), 2);
      double room = l.labelWidth() - fs * 0.5;
      String name = Labels.width(row.label() + mean, g.getFont()) <= room ? row.label() + mean
          : Labels.fit(Labels.fit(row.label(), g.getFont(),
              room - Labels.width(mean, g.getFont())) + mean, g.getFont(), room);
      String pct = fit(shares(row, theme), fm, l.labelWidth() - fs * 0.5);
      double mid = y + l.rowHeight() / 2;
      double line = Labels.lineHeight(g.getFont());
      if (l.rowHeight() >= line * 2) {
        labels.draw(name, fs * 0.8, mid - Labels.descent(g.getFont()));
        g.setColor(theme.muted());
        labels.draw(fit(pct, fm, l.labelWidth() - fs * 0.5), fs * 0.8,
            mid + Labels.ascent(g.getFont()));
      } else if (r % (int) Math.ceil(line / l.rowHeight()) == 0) { // every k-th row where thin
        labels.draw(fit(name + "  " + pct, fm, l.labelWidth() - fs * 0.5), fs * 0.8,
            mid + fm.getAscent() / 2.0 - 1);
      }
      for (int j = 0; j < row.width(); j++) {
        Rectangle2D c = cell(l, r, j);
        double v = row.magnitude(j);
        g.setColor(color(v, m));
        g.fill(c);
        if (row.isDead(j)) {
          Color ink = v == 0 || !Double.isFinite(v) ? Color.BLACK
              : ColorMap.VIRIDIS.textOn(t(v, m));
          g.setColor(ink);
          g.setStroke(new BasicStroke((float) Math.max(1, Math.min(c.getWidth(), c.getHeight())
              * 0.08)));
          double inset = Math.min(c.getWidth(), c.getHeight()) * 0.22;
          g.draw(new Line2D.Double(c.getMinX() + inset, c.getMinY() + inset,
              c.getMaxX() - inset, c.getMaxY() - inset));
          g.draw(new Line2D.Double(c.getMinX() + inset, c.getMaxY() - inset,
              c.getMaxX() - inset, c.getMinY() + inset));
        }
      }
    }
    drawLegend(labels, l.legend(), m, theme);
  }

  /** The label column: as wide as the widest label needs, at most 45 % of the room. */
  private static double labelWidth(double room, double height, GradientHeatmapModel m,
      Theme theme) {
    java.awt.Font font = theme.smallFont();
    double fs = theme.fontSize();
    double rowH = Math.min((height - fs * 0.8) / Math.max(1, m.rows().size()), fs * 6);
    boolean twoLines = rowH >= Labels.lineHeight(font) * 2;
    double needed = 0;
    for (GradientHeatmapModel.Row row : m.rows()) {
      String name = row.label() + "  " + NiceTicks.significant(row.mean(), 2);
      String pct = shares(row, theme);
      needed = Math.max(needed, twoLines
          ? Math.max(Labels.width(name, font), Labels.width(pct, font))
          : Labels.width(name + "  " + pct, font));
    }
    return Math.min(needed + fs * 0.6, Math.max(fs * 6, room * 0.45));
  }

  /** The legend column: bar, decade labels and the entries below it. */
  private static double legendWidth(GradientHeatmapModel m, Theme theme) {
    java.awt.Font font = theme.smallFont();
    double fs = theme.fontSize();
    double entries = 0;
    for (String s : new String[] {"1e−12", theme.text("heatmap.zero"),
        theme.text("heatmap.nonFinite")}) {
      entries = Math.max(entries, Labels.width(s, font));
    }
    return Math.max(Math.max(Labels.width(m.legend(theme), font),
        Labels.width(theme.text("heatmap.dead"), font)), fs * 1.1 + 5 + entries) + fs * 1.2;
  }

  /**
   * A row's shares: "dead 12 % · inactive 48 %" for a ReLU-like layer (an inactive share), "dead
   * 0 % · sat 30 %" for a saturating one, "dead 0 % · sat —" when neither applies.
   */
  static String shares(GradientHeatmapModel.Row row, Theme theme) {
    if (Double.isNaN(row.deadFraction())) { // not recorded (a TensorBoard log)
      return "";
    }
    if (Double.isFinite(row.inactiveFraction())) {
      return theme.text("heatmap.rowInactive", 100 * row.deadFraction(),
          100 * row.inactiveFraction());
    }
    if (Double.isFinite(row.saturatedFraction())) {
      return theme.text("heatmap.row", 100 * row.deadFraction(), 100 * row.saturatedFraction());
    }
    return theme.text("heatmap.rowNeither", 100 * row.deadFraction());
  }

  /**
   * A title that fits: its leading " · " parts go first (the name of the picture, which the
   * legend repeats), so the step and the first-to-last ratio stay; then it is shortened.
   */
  static String fitTitle(String title, FontMetrics fm, double w) {
    String t = title;
    int cut;
    while (fm.stringWidth(t) > w && (cut = t.indexOf(" · ")) >= 0) {
      t = t.substring(cut + 3);
    }
    return fit(t, fm, w);
  }

  private static String fit(String s, FontMetrics fm, double w) {
    if (fm.stringWidth(s) <= w) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && fm.stringWidth(t + "…") > w) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  private static void drawLegend(Labels labels, Rectangle2D a, GradientHeatmapModel m,
      Theme theme) {
    Graphics2D g = labels.graphics();
    double fs = theme.fontSize();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    double line = Labels.lineHeight(g.getFont());
    g.setColor(theme.foreground());
    labels.draw(m.legend(theme), a.getX(), a.getY() + fm.getAscent());
    double locked = 0; // a second title line saying the scale is locked
    if (m.locked()) {
      locked = line;
      g.setColor(theme.muted());
      labels.draw(theme.text("heatmap.legend.locked"), a.getX(),
          a.getY() + locked + fm.getAscent());
    }
    double barW = fs * 1.1;
    // values beyond a locked range: a triangle at that end of the bar, as matplotlib's "extend"
    double cap = barW * 0.9;
    boolean above = m.exceeds(1);
    boolean below = m.exceeds(-1);
    double barTop = a.getY() + line + 4 + line / 2 + locked + (above ? cap : 0);
    // below the bar: half a label, then as many entries as leave the bar three labels high;
    // "dead" goes first, then "0 exactly": "NaN or ∞" explains a diverged run's magenta
    double barH = a.getMaxY() - barTop - line / 2 - 3 * line * 1.3 - (below ? cap : 0);
    int entries = 3;
    while (entries > 0 && barH < line * 3) {
      entries--;
      barH += line * 1.3;
    }
    barH = Math.max(fs, barH);
    int steps = 64;
    for (int i = 0; i < steps; i++) {
      double t = 1 - (i + 0.5) / steps;
      g.setColor(ColorMap.VIRIDIS.color(t));
      g.fill(new Rectangle2D.Double(a.getX(), barTop + i * barH / steps, barW,
          barH / steps + 0.6));
    }
    g.setColor(theme.muted());
    g.setStroke(theme.thinStroke());
    g.draw(new Rectangle2D.Double(a.getX(), barTop, barW, barH));
    if (above) {
      extension(g, a.getX(), barTop, barW, -cap, ColorMap.VIRIDIS.color(1), theme);
    }
    if (below) {
      extension(g, a.getX(), barTop + barH, barW, cap, ColorMap.VIRIDIS.color(0), theme);
    }
    int target = (int) Math.max(1, Math.floor(barH / (line * 1.15)));
    List<Double> decades = NiceTicks.decades(Math.pow(10, m.decadeMin()),
        Math.pow(10, m.decadeMax()), target);
    for (double d : decades) {
      double t = (Math.log10(d) - m.decadeMin()) / (double) (m.decadeMax() - m.decadeMin());
      double py = barTop + (1 - t) * barH;
      g.setColor(theme.muted());
      g.draw(new Line2D.Double(a.getX() + barW, py, a.getX() + barW + 3, py));
      g.setColor(theme.foreground());
      labels.draw(NiceTicks.decadeLabel(d), a.getX() + barW + 5, py + fm.getAscent() / 2.0 - 1);
    }
    double y = barTop + barH + (below ? cap : 0) + line / 2 + line * 0.3;
    if (entries >= 2) {
      g.setColor(ZERO_COLOR);
      g.fill(new Rectangle2D.Double(a.getX(), y, barW, line * 0.9));
      g.setColor(theme.foreground());
      labels.draw(theme.text("heatmap.zero"), a.getX() + barW + 5, y + fm.getAscent());
      y += line * 1.3;
    }
    if (entries >= 1) {
      g.setColor(NON_FINITE_COLOR);
      g.fill(new Rectangle2D.Double(a.getX(), y, barW, line * 0.9));
      g.setColor(theme.foreground());
      labels.draw(theme.text("heatmap.nonFinite"), a.getX() + barW + 5, y + fm.getAscent());
      y += line * 1.3;
    }
    if (entries >= 3) {
      g.setColor(theme.foreground());
      labels.draw(theme.text("heatmap.dead"), a.getX(), y + fm.getAscent());
    }
  }

  /** A triangle on the bar's end at {@code y}, pointing {@code height} away (up if negative). */
  private static void extension(Graphics2D g, double x, double y, double w, double height,
      Color fill, Theme theme) {
    java.awt.geom.Path2D.Double t = new java.awt.geom.Path2D.Double();
    t.moveTo(x, y);
    t.lineTo(x + w, y);
    t.lineTo(x + w / 2, y + height);
    t.closePath();
    g.setColor(fill);
    g.fill(t);
    g.setColor(theme.muted());
    g.draw(t);
  }
}
