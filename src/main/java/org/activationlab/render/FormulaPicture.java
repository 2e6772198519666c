package org.activationlab.render;

import java.awt.Graphics2D;
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

  private final String latex;
  private final TeXIcon icon;
  private final float size;

  /**
   * @param latex the formula
   * @param size font size in picture units
   */
  public FormulaPicture(String latex, float size) {
    this.latex = latex;
    this.size = size;
    this.icon = typeset(latex, size);
  }

  private static TeXIcon typeset(String latex, float size) {
    try {
      return new TeXFormula(spaceColumns(latex)).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
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

  @Override
  public void draw(Graphics2D g, double width, double height, Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    if (icon == null) {
      g.setColor(theme.foreground());
      g.setFont(theme.font(size, false));
      g.drawString(latex, 2f, (float) (size * 1.1));
      return;
    }
    AffineTransform saved = g.getTransform();
    icon.setForeground(theme.foreground());
    icon.paintIcon(null, g, 2, 2);
    g.setTransform(saved);
  }

  @Override
  public String name() {
    return "formula";
  }
}
