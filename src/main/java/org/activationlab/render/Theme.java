package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/**
 * Colours, fonts and line widths of every picture. {@link #scaled(double)} makes the presentation
 * variant (larger fonts and strokes).
 *
 * @param darkMode whether this is a dark theme
 * @param background fill behind the picture
 * @param foreground text and axes
 * @param grid grid lines
 * @param muted secondary text (tick labels, captions)
 * @param panel background of legends and readouts
 * @param fontFamily logical or physical font family
 * @param fontSize base font size in user units (px at 1×)
 * @param lineWidth width of series lines in user units
 * @param locale language of the words in pictures (titles, legends), see {@link #text}
 */
public record Theme(
    boolean darkMode,
    Color background,
    Color foreground,
    Color grid,
    Color muted,
    Color panel,
    String fontFamily,
    double fontSize,
    double lineWidth,
    Locale locale) {

  /** Font family with good Latin, Greek and CJK coverage where installed; Java maps it. */
  public static final String FONT_FAMILY = Font.SANS_SERIF;

  public static Theme light() {
    return new Theme(false, Color.WHITE, new Color(0x1f, 0x23, 0x28), new Color(0xe3, 0xe6, 0xea),
        new Color(0x55, 0x5d, 0x66), new Color(255, 255, 255, 235), FONT_FAMILY, 14, 2.2,
        Locale.ENGLISH);
  }

  public static Theme dark() {
    return new Theme(true, new Color(0x1e, 0x1f, 0x22), new Color(0xe6, 0xe8, 0xeb),
        new Color(0x3a, 0x3d, 0x42), new Color(0xa8, 0xb0, 0xb8), new Color(0x2b, 0x2d, 0x31, 235),
        FONT_FAMILY, 14, 2.2, Locale.ENGLISH);
  }

  /** The same theme with fonts and lines {@code factor} times larger (presentation mode). */
  public Theme scaled(double factor) {
    return new Theme(darkMode, background, foreground, grid, muted, panel, fontFamily,
        fontSize * factor, lineWidth * factor, locale);
  }

  /**
   * The same theme with more contrast for a projector: secondary text and grid lines closer to
   * the foreground, so faint labels survive a washed-out beam.
   */
  public Theme highContrast() {
    return new Theme(darkMode, background, foreground, mix(grid, foreground, 0.25),
        mix(muted, foreground, 0.6), panel, fontFamily, fontSize, lineWidth, locale);
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t), a.getAlpha());
  }

  /** The same theme on another background (e.g. transparent for exports onto slides). */
  public Theme withBackground(Color color) {
    return new Theme(darkMode, color, foreground, grid, muted, panel, fontFamily, fontSize,
        lineWidth, locale);
  }

  /** The same theme with the words of pictures in {@code language} (English or Chinese). */
  public Theme withLocale(Locale language) {
    return new Theme(darkMode, background, foreground, grid, muted, panel, fontFamily, fontSize,
        lineWidth, language);
  }

  /**
   * A word or phrase of a picture in this theme's language ({@code
   * org/activationlab/render/texts[_zh].properties}), with {@link java.text.MessageFormat}
   * arguments.
   */
  public String text(String key, Object... args) {
    return Texts.get(locale, key, args);
  }

  /** Whether this is the dark variant (for picking readable colours). */
  public boolean isDark() {
    return darkMode;
  }

  public Font font(double size, boolean bold) {
    return new Font(fontFamily, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
  }

  /** Body text. */
  public Font font() {
    return font(fontSize, false);
  }

  /** Tick labels and captions. */
  public Font smallFont() {
    return font(fontSize * 0.86, false);
  }

  public Font titleFont() {
    return font(fontSize * 1.15, true);
  }

  public BasicStroke seriesStroke() {
    return new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL);
  }

  /** Dashed stroke for derivatives: dashes long enough to read the colour. */
  public BasicStroke dashedStroke() {
    float w = (float) lineWidth;
    return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 10f,
        new float[] {4.5f * w, 2.5f * w}, 0f);
  }

  /** Dotted stroke for a third kind of line (e.g. accuracy beside two losses). */
  public BasicStroke dottedStroke() {
    float w = (float) lineWidth;
    return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
        new float[] {0.1f, 2.2f * w}, 0f);
  }

  public BasicStroke thinStroke() {
    return new BasicStroke((float) Math.max(1, lineWidth * 0.45));
  }
}
