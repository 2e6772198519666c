package org.activationlab.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Two runs' pictures side by side, A on the left and B on the right, each under a tag that names
 * the run and its differing settings ("A  sigmoid · glorot_uniform"). Each half is a whole
 * picture drawn at half the width, so its text keeps its size; the caller gives both halves one
 * colour scale.
 */
public final class SideBySide {

  /** Run A's colour: its tag and its curves where runs are overlaid. */
  public static final Color A_COLOR = Palette.color(0);
  /** Run B's colour. */
  public static final Color B_COLOR = Palette.color(1);

  /** Where the halves go in a picture of a given size. */
  public record Halves(Rectangle2D a, Rectangle2D b) {
    /** The half holding (x, y): 0 for A, 1 for B, −1 for neither (the tags or the gap). */
    public int sideAt(double x, double y) {
      return a.contains(x, y) ? 0 : b.contains(x, y) ? 1 : -1;
    }

    /** Side {@code side}'s rectangle. */
    public Rectangle2D side(int side) {
      return side == 0 ? a : b;
    }
  }

  private SideBySide() {}

  /** The two halves under a row of tags, with a gap between them. */
  public static Halves layout(double width, double height, Theme theme) {
    double tag = tagHeight(theme);
    double gap = Math.round(theme.fontSize() * 0.8);
    double half = Math.max(1, (width - gap) / 2);
    double h = Math.max(1, height - tag);
    return new Halves(new Rectangle2D.Double(0, tag, half, h),
        new Rectangle2D.Double(width - half, tag, half, h));
  }

  static double tagHeight(Theme theme) {
    return Math.ceil(Labels.lineHeight(theme.font(theme.fontSize(), true)) * 1.5);
  }

  /**
   * Draws {@code a} and {@code b} side by side, each whole in its half, under the tags {@code
   * tagA} and {@code tagB} (what sets each run apart; may be empty).
   */
  public static void draw(Graphics2D g, double width, double height, Theme theme, String tagA,
      String tagB, Picture.Drawing a, Picture.Drawing b) {
    Backdrop.paint(g, width, height, theme);
    Halves halves = layout(width, height, theme);
    Labels labels = new Labels(g, width, height);
    drawTag(g, labels, halves.a(), theme, "A", tagA, A_COLOR);
    drawTag(g, labels, halves.b(), theme, "B", tagB, B_COLOR);
    drawHalf(g, halves.a(), theme, a);
    drawHalf(g, halves.b(), theme, b);
    g.setColor(theme.grid());
    g.setStroke(theme.thinStroke());
    double mid = (halves.a().getMaxX() + halves.b().getMinX()) / 2;
    g.draw(new Line2D.Double(mid, halves.a().getMinY(), mid, height));
  }

  private static void drawHalf(Graphics2D g, Rectangle2D r, Theme theme, Picture.Drawing d) {
    AffineTransform at = g.getTransform();
    Shape clip = g.getClip();
    g.translate(r.getX(), r.getY());
    g.clip(new Rectangle2D.Double(0, 0, r.getWidth(), r.getHeight()));
    d.draw(g, r.getWidth(), r.getHeight(), theme);
    g.setTransform(at);
    g.setClip(clip);
  }

  /** A coloured badge with the run's letter, then its distinguishing settings, shortened to fit. */
  private static void drawTag(Graphics2D g, Labels labels, Rectangle2D half, Theme theme,
      String letter, String text, Color color) {
    Font bold = theme.font(theme.fontSize(), true);
    double tag = tagHeight(theme);
    double pad = theme.fontSize() * 0.45;
    double badgeW = Labels.width(letter, bold) + 2 * pad;
    double badgeH = Labels.lineHeight(bold) + pad * 0.6;
    double x = half.getX() + pad;
    double y = (tag - badgeH) / 2;
    g.setColor(color);
    g.fill(new RoundRectangle2D.Double(x, y, badgeW, badgeH, pad, pad));
    double baseline = y + (badgeH - Labels.lineHeight(bold)) / 2 + Labels.ascent(bold);
    g.setFont(bold);
    g.setColor(Color.WHITE);
    labels.draw(letter, x + pad, baseline);
    if (text == null || text.isBlank()) {
      return;
    }
    double tx = x + badgeW + pad;
    String shown = Labels.fit(text, bold, half.getMaxX() - tx - pad);
    g.setColor(theme.foreground());
    labels.draw(shown, tx, baseline);
  }
}
