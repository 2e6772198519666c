package org.activationlab.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import org.activationlab.render.FormulaPicture;
import org.activationlab.render.Theme;

/**
 * A typeset formula on screen. JLaTeXMath draws with its own bundled fonts, which AWT knows but
 * JavaFX does not, so the formula goes through the renderer's pixel raster (at 2× for sharpness)
 * instead of FXGraphics2D; the drawing itself is still {@link FormulaPicture}.
 */
public final class FormulaView extends ImageView {

  /** Formulas are drawn at this many pixels per unit, for sharpness on any screen. */
  public static final int OVERSAMPLE = 2;

  public FormulaView() {
    setPreserveRatio(true);
    setSmooth(true);
  }

  /** Shows the formula in the theme's colours, shrunk to {@code maxWidth} if it is wider. */
  public void show(String latex, float size, Theme theme, double maxWidth) {
    FormulaPicture picture = new FormulaPicture(latex, size);
    int w = boxWidth(picture);
    int h = boxHeight(picture);
    setImage(image(picture, theme));
    double fit = Math.min(1, maxWidth / w);
    setFitWidth(w * fit);
    setFitHeight(h * fit);
  }

  /** Width in units of the image {@link #image} makes: the formula and a 2-unit margin. */
  public static int boxWidth(FormulaPicture picture) {
    return (int) Math.ceil(picture.width()) + 4;
  }

  public static int boxHeight(FormulaPicture picture) {
    return (int) Math.ceil(picture.height()) + 4;
  }

  /** The formula drawn in the theme's colours at {@link #OVERSAMPLE} pixels per unit. */
  public static javafx.scene.image.Image image(FormulaPicture picture, Theme theme) {
    int w = boxWidth(picture);
    int h = boxHeight(picture);
    BufferedImage image =
        new BufferedImage(w * OVERSAMPLE, h * OVERSAMPLE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.scale(OVERSAMPLE, OVERSAMPLE);
    picture.draw(g, w, h, theme);
    g.dispose();
    return SwingFXUtils.toFXImage(image, null);
  }
}
