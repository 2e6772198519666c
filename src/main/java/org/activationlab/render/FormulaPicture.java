package org.activationlab.render;

import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A LaTeX formula typeset by JLaTeXMath onto Graphics2D, in the theme's text colour, on a transparent background. A formula
 * JLaTeXMath cannot parse is shown as its source text rather than failing.
 */
public final class FormulaPicture implements Picture {

  /** Space around the formula on every side, in picture units. */
  private static final int MARGIN = 2;

  private final String latex;
  private final TeXIcon icon;
  private final float size;

  /**
   * A displayed formula (fractions and sums full size).
   *
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
    this.latex = latex;
    this.size = size;
    this.icon = typeset(latex, size,
        inline ? TeXConstants.STYLE_TEXT : TeXConstants.STYLE_DISPLAY);
    if (inline && icon != null) {
      icon.setInsets(new Insets(1, 0, 1, 0), true); // in a line of text: no gap beside it
    }
  }

  private static TeXIcon typeset(String latex, float size, int style) {
    try {
      return new TeXFormula(spaceColumns(latex)).createTeXIcon(style, size);
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

  @Override
  public void draw(Graphics2D g, double width, double height, Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    if (icon == null) {
      g.setColor(theme.foreground());
      g.setFont(theme.font(size, false));
      g.drawString(latex, (float) MARGIN, (float) (size * 1.1));
      return;
    }
    AffineTransform saved = g.getTransform();
    icon.setForeground(theme.foreground());
    icon.paintIcon(null, g, MARGIN, MARGIN);
    g.setTransform(saved);
  }

  @Override
  public String name() {
    return "formula";
  }
}
