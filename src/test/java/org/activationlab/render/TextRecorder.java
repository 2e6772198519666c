package org.activationlab.render;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Graphics2D that draws through to another one (e.g. a BufferedImage's) and records every
 * piece of text it is asked to draw: the string, its box in device space and its font size in
 * device pixels. The box is the text's logical box from the font's metrics — advance wide, from
 * ascent above the baseline to descent below it — under the transform in force, which is the box
 * a reader perceives as the text's place (lines set one font height apart touch, they do not
 * overlap); for the glyphs of a typeset formula (JLaTeXMath's own fonts) it is the ink. Copies
 * made with {@link #create()} record into the same list.
 */
final class TextRecorder extends Graphics2D {

  /**
   * One drawn text.
   *
   * @param text the characters
   * @param box device-space logical box
   * @param size font size in device pixels (the em, as CSS px)
   * @param fontName the font's name (JLaTeXMath's own fonts start with {@code jlm})
   */
  record Text(String text, Rectangle2D box, double size, String fontName) {

    /** A glyph of a formula typeset by JLaTeXMath (its own fonts). */
    boolean formula() {
      return fontName.startsWith("jlm");
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "\"%s\" at (%.1f, %.1f, %.1f × %.1f) %.1f px",
          text, box.getX(), box.getY(), box.getWidth(), box.getHeight(), size);
    }
  }

  private final Graphics2D d;
  private final List<Text> texts;

  /** Records into a new list, drawing through to {@code delegate}. */
  TextRecorder(Graphics2D delegate) {
    this(delegate, new ArrayList<>());
  }

  private TextRecorder(Graphics2D delegate, List<Text> texts) {
    this.d = delegate;
    this.texts = texts;
  }

  /** A recorder over a 1 × 1 image: text boxes and sizes without the cost of the pixels. */
  static TextRecorder withoutPixels() {
    return new TextRecorder(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics());
  }

  /** The texts drawn so far, in drawing order. */
  List<Text> texts() {
    return texts;
  }

  private void record(String s, Rectangle2D userBox, Font font) {
    if (s == null || s.isBlank()) {
      return;
    }
    AffineTransform t = d.getTransform();
    Rectangle2D box = t.createTransformedShape(userBox).getBounds2D();
    AffineTransform ft = new AffineTransform(t);
    ft.concatenate(font.getTransform());
    double size = font.getSize2D() * Math.sqrt(Math.abs(ft.getDeterminant()));
    texts.add(new Text(s, box, size, font.getFontName()));
  }

  private void recordString(String s, double x, double y) {
    if (s == null || s.isEmpty()) {
      return;
    }
    Font font = d.getFont();
    TextLayout layout = new TextLayout(s, font, d.getFontRenderContext());
    // the logical box (advance × ascent + descent as TextLayout measures this string), grown to
    // the ink where a glyph reaches beyond it
    Rectangle2D logical = new Rectangle2D.Double(x, y - layout.getAscent(), layout.getAdvance(),
        layout.getAscent() + layout.getDescent());
    Rectangle2D ink = layout.getBounds();
    if (font.getFontName().startsWith("jlm") && !ink.isEmpty()) {
      // a glyph of a typeset formula: TeX's fonts give big delimiters and radicals line metrics
      // far larger than their ink, and JLaTeXMath places glyphs by their ink
      logical = new Rectangle2D.Double(x + ink.getX(), y + ink.getY(), ink.getWidth(),
          ink.getHeight());
    } else if (!ink.isEmpty()) {
      logical.add(new Rectangle2D.Double(x + ink.getX(), y + ink.getY(), ink.getWidth(),
          ink.getHeight()));
    }
    record(s, logical, font);
  }

  // ------------------------------------------------------------------------------- text

  @Override
  public void drawString(String str, int x, int y) {
    recordString(str, x, y);
    d.drawString(str, x, y);
  }

  @Override
  public void drawString(String str, float x, float y) {
    recordString(str, x, y);
    d.drawString(str, x, y);
  }

  @Override
  public void drawString(AttributedCharacterIterator it, int x, int y) {
    drawString(it, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator it, float x, float y) {
    StringBuilder sb = new StringBuilder();
    for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
      sb.append(c);
    }
    TextLayout layout = new TextLayout(it, d.getFontRenderContext());
    record(sb.toString(), new Rectangle2D.Double(x, y - layout.getAscent(), layout.getAdvance(),
        layout.getAscent() + layout.getDescent()), d.getFont());
    d.drawString(it, x, y);
  }

  @Override
  public void drawGlyphVector(GlyphVector g, float x, float y) {
    Rectangle2D l = g.getLogicalBounds();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < g.getNumGlyphs(); i++) {
      sb.append('#');
    }
    record(sb.toString(), new Rectangle2D.Double(x + l.getX(), y + l.getY(), l.getWidth(),
        l.getHeight()), g.getFont());
    d.drawGlyphVector(g, x, y);
  }

  // --------------------------------------------------------------------- everything else

  @Override
  public Graphics create() {
    return new TextRecorder((Graphics2D) d.create(), texts);
  }

  @Override
  public void dispose() {
    d.dispose();
  }

  @Override
  public void draw(Shape s) {
    d.draw(s);
  }

  @Override
  public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
    return d.drawImage(img, xform, obs);
  }

  @Override
  public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
    d.drawImage(img, op, x, y);
  }

  @Override
  public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
    d.drawRenderedImage(img, xform);
  }

  @Override
  public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
    d.drawRenderableImage(img, xform);
  }

  @Override
  public void fill(Shape s) {
    d.fill(s);
  }

  @Override
  public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
    return d.hit(rect, s, onStroke);
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return d.getDeviceConfiguration();
  }

  @Override
  public void setComposite(Composite comp) {
    d.setComposite(comp);
  }

  @Override
  public void setPaint(Paint paint) {
    d.setPaint(paint);
  }

  @Override
  public void setStroke(Stroke s) {
    d.setStroke(s);
  }

  @Override
  public void setRenderingHint(RenderingHints.Key hintKey, Object hintValue) {
    d.setRenderingHint(hintKey, hintValue);
  }

  @Override
  public Object getRenderingHint(RenderingHints.Key hintKey) {
    return d.getRenderingHint(hintKey);
  }

  @Override
  public void setRenderingHints(Map<?, ?> hints) {
    d.setRenderingHints(hints);
  }

  @Override
  public void addRenderingHints(Map<?, ?> hints) {
    d.addRenderingHints(hints);
  }

  @Override
  public RenderingHints getRenderingHints() {
    return d.getRenderingHints();
  }

  @Override
  public void translate(int x, int y) {
    d.translate(x, y);
  }

  @Override
  public void translate(double tx, double ty) {
    d.translate(tx, ty);
  }

  @Override
  public void rotate(double theta) {
    d.rotate(theta);
  }

  @Override
  public void rotate(double theta, double x, double y) {
    d.rotate(theta, x, y);
  }

  @Override
  public void scale(double sx, double sy) {
    d.scale(sx, sy);
  }

  @Override
  public void shear(double shx, double shy) {
    d.shear(shx, shy);
  }

  @Override
  public void transform(AffineTransform tx) {
    d.transform(tx);
  }

  @Override
  public void setTransform(AffineTransform tx) {
    d.setTransform(tx);
  }

  @Override
  public AffineTransform getTransform() {
    return d.getTransform();
  }

  @Override
  public Paint getPaint() {
    return d.getPaint();
  }

  @Override
  public Composite getComposite() {
    return d.getComposite();
  }

  @Override
  public void setBackground(Color color) {
    d.setBackground(color);
  }

  @Override
  public Color getBackground() {
    return d.getBackground();
  }

  @Override
  public Stroke getStroke() {
    return d.getStroke();
  }

  @Override
  public void clip(Shape s) {
    d.clip(s);
  }

  @Override
  public FontRenderContext getFontRenderContext() {
    return d.getFontRenderContext();
  }

  @Override
  public Color getColor() {
    return d.getColor();
  }

  @Override
  public void setColor(Color c) {
    d.setColor(c);
  }

  @Override
  public void setPaintMode() {
    d.setPaintMode();
  }

  @Override
  public void setXORMode(Color c1) {
    d.setXORMode(c1);
  }

  @Override
  public Font getFont() {
    return d.getFont();
  }

  @Override
  public void setFont(Font font) {
    d.setFont(font);
  }

  @Override
  public FontMetrics getFontMetrics(Font f) {
    return d.getFontMetrics(f);
  }

  @Override
  public Rectangle getClipBounds() {
    return d.getClipBounds();
  }

  @Override
  public void clipRect(int x, int y, int width, int height) {
    d.clipRect(x, y, width, height);
  }

  @Override
  public void setClip(int x, int y, int width, int height) {
    d.setClip(x, y, width, height);
  }

  @Override
  public Shape getClip() {
    return d.getClip();
  }

  @Override
  public void setClip(Shape clip) {
    d.setClip(clip);
  }

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {
    d.copyArea(x, y, width, height, dx, dy);
  }

  @Override
  public void drawLine(int x1, int y1, int x2, int y2) {
    d.drawLine(x1, y1, x2, y2);
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    d.fillRect(x, y, width, height);
  }

  @Override
  public void clearRect(int x, int y, int width, int height) {
    d.clearRect(x, y, width, height);
  }

  @Override
  public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    d.drawRoundRect(x, y, width, height, arcWidth, arcHeight);
  }

  @Override
  public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    d.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    d.drawOval(x, y, width, height);
  }

  @Override
  public void fillOval(int x, int y, int width, int height) {
    d.fillOval(x, y, width, height);
  }

  @Override
  public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    d.drawArc(x, y, width, height, startAngle, arcAngle);
  }

  @Override
  public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    d.fillArc(x, y, width, height, startAngle, arcAngle);
  }

  @Override
  public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
    d.drawPolyline(xPoints, yPoints, nPoints);
  }

  @Override
  public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
    d.drawPolygon(xPoints, yPoints, nPoints);
  }

  @Override
  public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
    d.fillPolygon(xPoints, yPoints, nPoints);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
    return d.drawImage(img, x, y, observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height,
      ImageObserver observer) {
    return d.drawImage(img, x, y, width, height, observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
    return d.drawImage(img, x, y, bgcolor, observer);
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor,
      ImageObserver observer) {
    return d.drawImage(img, x, y, width, height, bgcolor, observer);
  }

  @Override
  public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1,
      int sx2, int sy2, ImageObserver observer) {
    return d.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
  }

  @Override
  public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1,
      int sx2, int sy2, Color bgcolor, ImageObserver observer) {
    return d.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, bgcolor, observer);
  }
}
