package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * The network as a diagram: layers from left (input) to right (output), each neuron a cell
 * coloured by its gradient magnitude on the decade scale, dead neurons crossed out (so they are
 * told apart from merely small gradients even without colour), links coloured by the weight's
 * sign (blue positive, orange negative) with width by magnitude. Dense layer pairs draw only their
 * strongest links, so the picture stays readable and cheap.
 */
public final class NetworkDiagramRenderer {

  /** At most this many links are drawn between two layers: the largest |w| first. */
  public static final int MAX_LINKS_PER_LAYER = 160;

  /** Links are drawn in this many strength levels per sign. */
  static final int LINK_LEVELS = 8;

  static final Color POSITIVE = new Color(0x00, 0x72, 0xB2);
  static final Color NEGATIVE = new Color(0xD5, 0x5E, 0x00);

  /** Centre of neuron j of layer l (l = 0 is the input layer). */
  public Point2D neuronCentre(double width, double height, NetworkDiagramModel m, int l, int j) {
    Rectangle2D a = area(width, height, m);
    int layers = m.widths().length;
    double x = a.getMinX() + a.getWidth() * (layers == 1 ? 0.5 : l / (layers - 1.0));
    double slot = a.getHeight() / m.widths()[l];
    return new Point2D.Double(x, a.getMinY() + slot * (j + 0.5));
  }

  /** Side of a neuron's square cell. */
  public double cellSize(double width, double height, NetworkDiagramModel m) {
    Rectangle2D a = area(width, height, m);
    int maxWidth = Arrays.stream(m.widths()).max().orElse(1);
    double byHeight = a.getHeight() / maxWidth * 0.8;
    double byWidth = a.getWidth() / Math.max(1, m.widths().length - 1) * 0.35;
    return Math.max(2, Math.min(m.theme().fontSize() * 1.6, Math.min(byHeight, byWidth)));
  }

  private static Rectangle2D area(double width, double height, NetworkDiagramModel m) {
    double fs = m.theme().fontSize();
    double legendW = fs * 5.5;
    double left = fs * 2 + inputLabelsWidth(m);
    return new Rectangle2D.Double(left, fs * 2.4, Math.max(10, width - left - fs * 1.5 - legendW),
        Math.max(10, height - fs * 4.4));
  }

  /** Room for the input names left of the input column (none without names). */
  private static double inputLabelsWidth(NetworkDiagramModel m) {
    if (m.inputLabels() == null) {
      return 0;
    }
    double widest = 0;
    for (String s : m.inputLabels()) {
      widest = Math.max(widest, Labels.width(s, m.theme().smallFont()));
    }
    return widest;
  }

  /** The input names, right-aligned left of their nodes, where they fit. */
  private void drawInputLabels(Labels labels, double width, double height, NetworkDiagramModel m,
      double cell) {
    if (m.inputLabels() == null) {
      return;
    }
    Graphics2D g = labels.graphics();
    g.setFont(m.theme().smallFont());
    g.setColor(m.theme().foreground());
    for (int j = 0; j < m.inputLabels().length; j++) {
      Point2D c = neuronCentre(width, height, m, 0, j);
      String s = m.inputLabels()[j];
      double x = c.getX() - cell / 2 - m.theme().fontSize() * 0.3
          - Labels.width(s, g.getFont());
      labels.draw(s, x, c.getY() + Labels.ascent(g.getFont()) / 2 - 1);
    }
  }

  /** Draws into (0, 0, width, height). */
  public void draw(Graphics2D g, double width, double height, NetworkDiagramModel m) {
    Theme theme = m.theme();
    Backdrop.paint(g, width, height, theme);
    Rectangle2D a = area(width, height, m);
    Labels labels = new Labels(g, width, height);
    g.setFont(theme.titleFont());
    g.setColor(theme.foreground());
    double margin = theme.fontSize() * 0.5;
    String title = Labels.fit(theme.text("network.title"), g.getFont(), width - 2 * margin);
    double titleX = Math.max(margin, Math.min(a.getMinX(),
        width - margin - Labels.metrics(g).stringWidth(title)));
    labels.draw(title, titleX, theme.fontSize() * 1.4);
    double titleEnd = titleX + Labels.metrics(g).stringWidth(title);
    if (m.weights() != null) {
      drawLinks(g, width, height, m);
    }
    double cell = cellSize(width, height, m);
    for (int l = 0; l < m.widths().length; l++) {
      for (int j = 0; j < m.widths()[l]; j++) {
        Point2D c = neuronCentre(width, height, m, l, j);
        Rectangle2D box = new Rectangle2D.Double(c.getX() - cell / 2, c.getY() - cell / 2, cell, cell);
        if (l == 0) {
          g.setColor(theme.panel());
          g.fill(box);
          g.setColor(theme.muted());
          g.setStroke(theme.thinStroke());
          g.draw(box);
          continue;
        }
        g.setColor(m.scale().color(m.magnitudes()[l - 1][j]));
        g.fill(box);
        if (m.dead()[l - 1][j]) {
          drawCross(g, box, theme);
        }
      }
    }
    drawLayerLabels(labels, width, height, m);
    drawInputLabels(labels, width, height, m, cell);
    if (m.weights() != null) {
      drawLinkKey(labels, area(width, height, m), theme, titleEnd);
    }
    double fs = theme.fontSize();
    m.scale().drawLegend(labels, new Rectangle2D.Double(a.getMaxX() + fs * 1.5, a.getMinY(),
        fs * 4, a.getHeight()), theme, "|δ|");
  }

  /** A cross drawn twice (thick background-coloured under thin foreground) to show on any cell. */
  private static void drawCross(Graphics2D g, Rectangle2D box, Theme theme) {
    double inset = box.getWidth() * 0.15;
    Line2D d1 = new Line2D.Double(box.getMinX() + inset, box.getMinY() + inset,
        box.getMaxX() - inset, box.getMaxY() - inset);
    Line2D d2 = new Line2D.Double(box.getMinX() + inset, box.getMaxY() - inset,
        box.getMaxX() - inset, box.getMinY() + inset);
    float w = (float) Math.max(1.2, box.getWidth() * 0.12);
    g.setStroke(new BasicStroke(w * 2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(Color.WHITE);
    g.draw(d1);
    g.draw(d2);
    g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(new Color(0xC0, 0x00, 0x00));
    g.draw(d1);
    g.draw(d2);
  }

  /**
   * Links in {@value #LINK_LEVELS} strength levels per sign, each level one path with one colour
   * and width: a few dozen drawing calls instead of thousands, on screen and in exports alike.
   */
  private void drawLinks(Graphics2D g, double width, double height, NetworkDiagramModel m) {
    double maxAbs = 0;
    for (double[] w : m.weights()) {
      for (double v : w) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
    if (!(maxAbs > 0) || !Double.isFinite(maxAbs)) {
      return;
    }
    double maxStroke = Math.max(1, m.theme().lineWidth() * 1.4);
    Path2D.Double[] paths = new Path2D.Double[2 * LINK_LEVELS];
    for (int l = 0; l < m.weights().length; l++) {
      double[] w = m.weights()[l];
      int from = m.widths()[l];
      double threshold = strongestThreshold(w, MAX_LINKS_PER_LAYER);
      for (int k = 0; k < w.length; k++) {
        double abs = Math.abs(w[k]);
        if (abs < threshold || abs == 0 || !Double.isFinite(abs)) {
          continue;
        }
        Point2D p = neuronCentre(width, height, m, l, k % from);
        Point2D q = neuronCentre(width, height, m, l + 1, k / from);
        int level = Math.min(LINK_LEVELS - 1, (int) (abs / maxAbs * LINK_LEVELS));
        int bucket = (w[k] > 0 ? 0 : LINK_LEVELS) + level;
        if (paths[bucket] == null) {
          paths[bucket] = new Path2D.Double();
        }
        paths[bucket].moveTo(p.getX(), p.getY());
        paths[bucket].lineTo(q.getX(), q.getY());
      }
    }
    for (int bucket = 0; bucket < paths.length; bucket++) {
      if (paths[bucket] == null) {
        continue;
      }
      double strength = (bucket % LINK_LEVELS + 0.5) / LINK_LEVELS;
      Color c = bucket < LINK_LEVELS ? POSITIVE : NEGATIVE;
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(),
          (int) Math.round(60 + 170 * strength)));
      g.setStroke(new BasicStroke((float) (0.4 + maxStroke * strength), BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_BEVEL));
      g.draw(paths[bucket]);
    }
  }

  /** "w > 0" in blue, "w < 0" in orange, at the top right of the diagram (short: the title is left of it). */
  private static void drawLinkKey(Labels labels, Rectangle2D a, Theme theme, double titleEnd) {
    Graphics2D g = labels.graphics();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    String pos = "w > 0";
    String neg = "w < 0";
    double sample = theme.fontSize() * 1.4;
    double x = a.getMaxX() - (sample * 2 + 12 + fm.stringWidth(pos) + fm.stringWidth(neg) + theme.fontSize());
    if (x < titleEnd + theme.fontSize()) {
      return; // no room beside the title (narrow picture, large fonts): the explanation says it
    }
    double y = theme.fontSize() * 1.4;
    g.setStroke(new BasicStroke((float) theme.lineWidth()));
    for (int i = 0; i < 2; i++) {
      g.setColor(i == 0 ? POSITIVE : NEGATIVE);
      g.draw(new Line2D.Double(x, y - fm.getAscent() / 3.0, x + sample, y - fm.getAscent() / 3.0));
      x += sample + 4;
      g.setColor(theme.muted());
      String label = i == 0 ? pos : neg;
      labels.draw(label, x, y);
      x += fm.stringWidth(label) + theme.fontSize();
    }
  }

  /** The |w| at or above which at most {@code limit} links remain (0 when all fit). */
  static double strongestThreshold(double[] w, int limit) {
    if (w.length <= limit) {
      return 0;
    }
    double[] abs = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      abs[i] = Math.abs(w[i]);
    }
    return kthSmallest(abs, abs.length - limit);
  }

  /** The k-th smallest value (0-based) by quickselect, reordering {@code a}; O(n) on average. */
  static double kthSmallest(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Double.compare(a[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** "in", "out" and the hidden layers' numbers under their columns, every k-th where they crowd. */
  private void drawLayerLabels(Labels labels, double width, double height, NetworkDiagramModel m) {
    Graphics2D g = labels.graphics();
    Theme theme = m.theme();
    g.setFont(theme.smallFont());
    FontMetrics fm = Labels.metrics(g);
    g.setColor(theme.muted());
    Rectangle2D a = area(width, height, m);
    int layers = m.widths().length;
    double y = a.getMaxY() + fm.getAscent() + 6;
    String[] text = new String[layers];
    double[] at = new double[layers];
    for (int l = 0; l < layers; l++) {
      text[l] = l == 0 ? theme.text("network.in") : l == layers - 1
          ? theme.text("network.out") : Integer.toString(l);
      at[l] = neuronCentre(width, height, m, l, 0).getX();
    }
    // the ends first; then the hidden layers, every k-th where they would crowd
    labels.drawCentred(text[0], at[0], y);
    if (layers > 1) {
      labels.drawCentred(text[layers - 1], at[layers - 1], y);
    }
    int every = Axes.thinning(layers, 0, i -> at[i], i -> fm.stringWidth(text[i]) / 2.0,
        theme.fontSize() * 0.4);
    for (int l = every; l < layers - 1; l += every) {
      labels.drawCentred(text[l], at[l], y);
    }
  }
}
