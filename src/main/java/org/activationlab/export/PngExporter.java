package org.activationlab.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;

/** PNG export of any picture at 1×–4× scale: the same drawing as the screen, on an image. */
public final class PngExporter {

  private PngExporter() {}

  /**
   * Renders the picture at {@code width × height} user units, scaled by {@code scale}: the image is
   * {@code round(width·scale) × round(height·scale)} pixels.
   */
  public static BufferedImage render(Picture picture, Theme theme, int width, int height,
      double scale, Background background) {
    if (width <= 0 || height <= 0 || !(scale > 0)) {
      throw new IllegalArgumentException("size and scale must be positive");
    }
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.scale(scale, scale);
      picture.draw(g, width, height, background.apply(theme));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Renders and writes a PNG atomically (no partial file on failure). */
  public static void write(Picture picture, Theme theme, int width, int height, double scale,
      Background background, Path out) throws IOException {
    BufferedImage image = render(picture, theme, width, height, scale, background);
    AtomicFiles.write(out, os -> {
      if (!ImageIO.write(image, "png", os)) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
