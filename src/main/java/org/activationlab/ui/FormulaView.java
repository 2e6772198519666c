package org.activationlab.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
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

  private Tooltip whole;

  public FormulaView() {
    setPreserveRatio(true);
    setSmooth(true);
  }

  /**
   * Shows the formula in the theme's colours at {@code size}, smaller to fit {@code maxWidth} but
   * never below the theme's body size (broken into lines at that size where it can be). A formula
   * that still does not fit says so in its place and shows itself whole in a tooltip.
   */
  public void show(String latex, float size, Theme theme, double maxWidth) {
    FormulaPicture picture = FormulaPicture.fitted(latex, size, (float) theme.fontSize(),
        maxWidth, Double.MAX_VALUE);
    if (whole != null) {
      Tooltip.uninstall(this, whole);
      whole = null;
    }
    double w = Math.ceil(picture.width()) + 4;
    double h = Math.ceil(picture.height()) + 4;
    if (picture.fits(maxWidth, Double.MAX_VALUE)) {
      setImage(image(picture, w, h, theme));
      setFitWidth(w);
      setFitHeight(h);
      return;
    }
    // the picture's own notice, at body size, and the whole formula on hover
    double noticeHeight = Math.ceil(theme.fontSize() * 1.6);
    setImage(image(picture, Math.floor(maxWidth), noticeHeight, theme));
    setFitWidth(Math.floor(maxWidth));
    setFitHeight(noticeHeight);
    ImageView formula = new ImageView(image(picture, w, h, theme));
    formula.setFitWidth(w);
    formula.setFitHeight(h);
    whole = new Tooltip();
    whole.setGraphic(formula);
    java.awt.Color bg = (theme.isDark() ? Theme.dark() : Theme.light()).background();
    whole.setStyle(String.format("-fx-background-color: #%02x%02x%02x;", bg.getRed(),
        bg.getGreen(), bg.getBlue()));
    Tooltip.install(this, whole);
  }

  /** Width in units of the image {@link #image} makes: the formula and a 2-unit margin. */
  public static int boxWidth(FormulaPicture picture) {
    return (int) Math.ceil(picture.width()) + 4;
  }

  public static int boxHeight(FormulaPicture picture) {
    return (int) Math.ceil(picture.height()) + 4;
  }

  /** The formula drawn in the theme's colours at {@link #OVERSAMPLE} pixels per unit. */
  public static Image image(FormulaPicture picture, Theme theme) {
    return image(picture, boxWidth(picture), boxHeight(picture), theme);
  }

  private static Image image(FormulaPicture picture, double width, double height, Theme theme) {
    int w = (int) Math.ceil(width);
    int h = (int) Math.ceil(height);
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
