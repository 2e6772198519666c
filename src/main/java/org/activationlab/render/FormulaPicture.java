package org.activationlab.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.Insets;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A LaTeX formula typeset by JLaTeXMath onto Graphics2D, in the theme's text colour, on a
 * transparent background. A formula JLaTeXMath cannot parse is shown as its source text rather
 * than failing.
 *
 * <p>Formulas are never set below the body font size: drawn into a rectangle, a formula is set at
 * its own size or smaller down to the theme's body size to fit, then broken into lines at that
 * size; one that still does not fit is not drawn, and the picture says so instead.
 */
public final class FormulaPicture implements Picture {

  /** Room around the formula, in picture units. */
  private static final double MARGIN = 2;

  private final String latex;
  private final TeXIcon icon;
  private final float size;
  private final boolean inline;

  /**
   * @param latex the formula
   * @param size font size in picture units
   */
  public FormulaPicture(String latex, float size) {
    this(latex, size, false);
  }

  /**
   * @param latex the formula
   * @param size font size in picture units
   * @param inline typeset as inline maths in running text (TeX's text style: fractions and
   *     limits kept low, so the line spacing of the text around it stays even)
   */
  public FormulaPicture(String latex, float size, boolean inline) {
    this(latex, size, Double.NaN, inline);
  }

  private FormulaPicture(String latex, float size, double wrapWidth, boolean inline) {
    this.latex = latex;
    this.size = size;
    this.inline = inline;
    this.icon = typeset(latex, size, wrapWidth,
        inline ? TeXConstants.STYLE_TEXT : TeXConstants.STYLE_DISPLAY);
    if (inline && icon != null) {
      icon.setInsets(new Insets(1, 0, 1, 0), true); // in a line of text: no gap beside it
    }
  }

  /**
   * The formula at {@code size}, or smaller — but never below {@code minSize} — so that it fits
   * {@code maxWidth} × {@code maxHeight} (margins included); at {@code minSize} broken into lines
   * where JLaTeXMath can break it. The result may still be larger than asked: check {@link
   * #fits}.
   */
  public static FormulaPicture fitted(String latex, float size, float minSize, double maxWidth,
      double maxHeight) {
    return fitted(latex, size, minSize, maxWidth, maxHeight, false);
  }

  private static FormulaPicture fitted(String latex, float size, float minSize, double maxWidth,
      double maxHeight, boolean inline) {
    float s = Math.max(size, minSize);
    FormulaPicture p = new FormulaPicture(latex, s, inline);
    if (p.fits(maxWidth, maxHeight) || !p.typeset()) {
      return p;
    }
    double shrink = Math.min((maxWidth - 2 * MARGIN) / p.width(),
        (maxHeight - 2 * MARGIN) / p.height());
    s = (float) Math.max(minSize, s * shrink);
    p = new FormulaPicture(latex, s, inline);
    // typeset sizes are not exactly proportional: step down to the first that fits
    while (!p.fits(maxWidth, maxHeight) && s > minSize) {
      s = Math.max(minSize, s * 0.97f);
      p = new FormulaPicture(latex, s, inline);
    }
    if (p.fits(maxWidth, maxHeight)) {
      return p;
    }
    FormulaPicture wrapped =
        new FormulaPicture(latex, minSize, maxWidth - 2 * MARGIN, inline);
    return wrapped.typeset() && wrapped.fits(maxWidth, maxHeight) ? wrapped : p;
  }

  private static TeXIcon typeset(String latex, float size, double wrapWidth, int style) {
    try {
      TeXFormula formula = new TeXFormula(spaceColumns(latex));
      if (Double.isNaN(wrapWidth)) {
        return formula.createTeXIcon(style, size);
      }
      return formula.new TeXIconBuilder().setStyle(style).setSize(size)
          .setWidth(TeXConstants.UNIT_PIXEL, (float) wrapWidth, TeXConstants.ALIGN_LEFT)
          .setIsMaxWidth(true).setInterLineSpacing(TeXConstants.UNIT_EX, 1.2f).build();
    } catch (ParseException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * JLaTeXMath sets the columns of {@code cases} almost touching ("αx x ≤ 0"); a quad after each
   * column separator keeps value and condition apart.
   */
  static String spaceColumns(String latex) {
    return latex.replaceAll("(?<!\\\\)&", "&\\\\quad ");
  }

  /** Whether JLaTeXMath could typeset the formula. */
  public boolean typeset() {
    return icon != null;
  }

  /** The size it is typeset at (the body text's size in picture units). */
  public float size() {
    return size;
  }

  /** Natural width in picture units. */
  public double width() {
    return icon != null ? icon.getIconWidth() : latex.length() * size * 0.55;
  }

  /** Natural height in picture units. */
  public double height() {
    return icon != null ? icon.getIconHeight() : size * 1.4;
  }

  /**
   * The formula's baseline below the top of a picture drawn by {@link #draw}, in picture units:
   * where it sits on a line of text.
   */
  public double baseline() {
    return icon != null ? MARGIN + icon.getIconHeight() - icon.getIconDepth() : size * 1.1;
  }

  /** Whether it fits {@code width} × {@code height} with its margins. */
  public boolean fits(double width, double height) {
    return width() + 2 * MARGIN <= width && height() + 2 * MARGIN <= height;
  }

  /**
   * Draws the formula at its size, or smaller down to the theme's body size, to fit (0, 0, width,
   * height); broken into lines where that helps; a formula that does not fit even so is replaced
   * by a line saying it needs more room.
   */
  @Override
  public void draw(Graphics2D g, double width, double height, Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    float body = (float) theme.fontSize();
    FormulaPicture p = fits(width, height) && size >= body ? this
        : fitted(latex, size, body, width, height, inline);
    Labels labels = new Labels(g, width, height);
    g.setColor(theme.foreground());
    if (p.icon == null) {
      g.setFont(theme.font(Math.max(size, body), false));
      labels.draw(Labels.fit(latex, g.getFont(), width - 2 * MARGIN), MARGIN,
          MARGIN + Labels.metrics(g).getAscent());
      return;
    }
    if (!p.fits(width, height)) {
      g.setFont(theme.font());
      labels.draw(Labels.fit(theme.text("formula.tooLarge"), g.getFont(), width - 2 * MARGIN),
          MARGIN, MARGIN + Labels.metrics(g).getAscent());
      return;
    }
    AffineTransform saved = g.getTransform();
    p.icon.setForeground(theme.foreground());
    p.icon.paintIcon(null, g, (int) MARGIN, (int) MARGIN);
    g.setTransform(saved);
  }

  @Override
  public String name() {
    return "formula";
  }
}
