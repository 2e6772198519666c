package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The step-through view's small network diagram: one column of units per layer (the input x
 * first, then the hidden layers, the output layer and the loss ℓ), every link thin and grey, and
 * what the current stage of one sample's pass reads in one colour and writes in another, with
 * the links between them, and a legend. Text is placed by measured boxes ({@link Labels}): the
 * column names shorten to numbers, then drop, where columns are too narrow.
 */
public final class SampleStepDiagram implements Picture {

  /** What a stage reads: Okabe–Ito blue. */
  public static final Color READS = new Color(0x00, 0x72, 0xB2);
  /** What a stage writes: Okabe–Ito vermillion. */
  public static final Color WRITES = new Color(0xD5, 0x5E, 0x00);

  /**
   * What to draw.
   *
   * @param sizes units per column: the input size, each layer's width (output layer last); the
   *     loss column is added after them
   * @param reads units read, as {column, unit}; column {@code sizes.length} is the loss (unit 0)
   * @param writes units written, as {column, unit}
   * @param weight a link written (an update), as {column of its input, input, unit}, or null
   */
  public record Model(int[] sizes, List<int[]> reads, List<int[]> writes, int[] weight) {}

  private final Model model;

  public SampleStepDiagram(Model model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "sample-step";
  }

  private static boolean contains(List<int[]> units, int column, int unit) {
    for (int[] u : units) {
      if (u[0] == column && u[1] == unit) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsColumn(List<int[]> units, int column) {
    for (int[] u : units) {
      if (u[0] == column) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void draw(Graphics2D g, double width, double height, Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(theme.background());
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    Labels labels = new Labels(g, width, height);
    Font font = theme.font();
    g.setFont(font);
    double lh = Labels.lineHeight(font);
    double pad = Math.max(4, theme.fontSize() * 0.5);

    // the legend along the top: ● reads   ● writes
    double legendBottom = pad + lh;
    double dot = Math.max(6, theme.fontSize() * 0.8);
    double x = pad;
    double baseline = pad + Labels.ascent(font);
    for (int k = 0; k < 2; k++) {
      String word = theme.text(k == 0 ? "stepDiagram.reads" : "stepDiagram.writes");
      double w = Labels.width(word, font);
      if (x + dot + 6 + w > width - pad) {
        break;
      }
      g.setColor(k == 0 ? READS : WRITES);
      g.fill(new Ellipse2D.Double(x, pad + (lh - dot) / 2, dot, dot));
      g.setColor(theme.foreground());
      labels.draw(word, x + dot + 6, baseline);
      x += dot + 6 + w + 2 * theme.fontSize();
    }

    int[] sizes = model.sizes();
    int columns = sizes.length + 1; // and the loss
    int loss = sizes.length;
    // column names along the bottom
    String[] names = new String[columns];
    String[] shortNames = new String[columns];
    for (int c = 0; c < columns; c++) {
      names[c] = c == 0 ? theme.text("network.in") : c == loss ? "ℓ"
          : c == loss - 1 ? theme.text("network.out") : theme.text("stepDiagram.layer", c);
      shortNames[c] = c == 0 ? "x" : c == loss ? "ℓ" : c == loss - 1 ? "ŷ" : String.valueOf(c);
    }
    double top = legendBottom + pad;
    double bottom = height - pad - lh - pad / 2;
    double left = pad;
    double right = width - pad;
    if (bottom - top < 8 || right - left < 8) {
      return;
    }
    double spacing = (right - left) / columns;
    double widest = 0;
    for (String n : names) {
      widest = Math.max(widest, Labels.width(n, font));
    }
    String[] shown = widest + theme.fontSize() * 0.5 <= spacing ? names : shortNames;
    double[] cx = new double[columns];
    for (int c = 0; c < columns; c++) {
      cx[c] = left + spacing * (c + 0.5);
    }
    int most = 1;
    for (int s : sizes) {
      most = Math.max(most, s);
    }
    double r = Math.max(2, Math.min(Math.min(18, theme.fontSize() * 1.1),
        Math.min((bottom - top) / most * 0.36, spacing * 0.22)));
    double[][] cy = new double[columns][];
    for (int c = 0; c < columns; c++) {
      int n = c == loss ? 1 : sizes[c];
      cy[c] = new double[n];
      double step = Math.min((bottom - top) / n, r * 4);
      double start = (top + bottom) / 2 - step * (n - 1) / 2;
      for (int i = 0; i < n; i++) {
        cy[c][i] = start + step * i;
      }
    }

    // every link, thin; to the loss dashed
    g.setColor(theme.grid());
    g.setStroke(new BasicStroke(1f));
    for (int c = 0; c + 1 < loss; c++) {
      for (double ya : cy[c]) {
        for (double yb : cy[c + 1]) {
          g.draw(new Line2D.Double(cx[c], ya, cx[c + 1], yb));
        }
      }
    }
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 10f,
        new float[] {4f, 3f}, 0f));
    for (double ya : cy[loss - 1]) {
      g.draw(new Line2D.Double(cx[loss - 1], ya, cx[loss], cy[loss][0]));
    }

    // the links the stage follows: from each read unit to each written unit next to it
    g.setColor(READS);
    g.setStroke(new BasicStroke((float) Math.max(1.5, theme.lineWidth() * 0.8)));
    for (int[] a : model.reads()) {
      for (int[] b : model.writes()) {
        if (Math.abs(a[0] - b[0]) == 1) {
          g.draw(new Line2D.Double(cx[a[0]], cy[a[0]][a[1]], cx[b[0]], cy[b[0]][b[1]]));
        }
      }
    }
    int[] w = model.weight();
    if (w != null) {
      g.setColor(WRITES);
      g.setStroke(new BasicStroke((float) Math.max(3, theme.lineWidth() * 1.6)));
      g.draw(new Line2D.Double(cx[w[0]], cy[w[0]][w[1]], cx[w[0] + 1], cy[w[0] + 1][w[2]]));
    }

    // the units
    BasicStroke outline = new BasicStroke((float) Math.max(1, theme.lineWidth() * 0.6));
    BasicStroke ring = new BasicStroke((float) Math.max(2.5, theme.lineWidth() * 1.3));
    for (int c = 0; c < columns; c++) {
      for (int i = 0; i < cy[c].length; i++) {
        boolean reads = contains(model.reads(), c, i);
        boolean writes = contains(model.writes(), c, i);
        Ellipse2D.Double e = new Ellipse2D.Double(cx[c] - r, cy[c][i] - r, 2 * r, 2 * r);
        Rectangle2D.Double sq = new Rectangle2D.Double(cx[c] - r, cy[c][i] - r, 2 * r, 2 * r);
        java.awt.Shape shape = c == loss ? sq : e;
        g.setColor(writes ? WRITES : reads ? READS : theme.background());
        g.fill(shape);
        g.setStroke(reads && writes ? ring : outline);
        g.setColor(reads && writes ? READS : writes || reads ? theme.foreground()
            : theme.muted());
        g.draw(shape);
      }
    }

    // column names, bold where the stage reads or writes
    double nameBaseline = height - pad / 2 - Labels.descent(font);
    for (int c = 0; c < columns; c++) {
      boolean active = containsColumn(model.reads(), c) || containsColumn(model.writes(), c);
      g.setFont(theme.font(theme.fontSize(), active));
      g.setColor(active ? theme.foreground() : theme.muted());
      labels.drawCentred(shown[c], cx[c], nameBaseline);
    }
  }
}
