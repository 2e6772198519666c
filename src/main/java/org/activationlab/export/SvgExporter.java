package org.activationlab.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.activationlab.render.Detail;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.jfree.svg.SVGGraphics2D;

/**
 * SVG export through JFreeSVG: the same drawing calls as the screen, recorded as vector elements
 * (curves as paths, labels as text elements).
 */
public final class SvgExporter {

  private static final double SVG_DETAIL = 4.0;

  private SvgExporter() {}

  /** The SVG document for the picture at {@code width × height} user units. */
  public static String toSvgString(Picture picture, Theme theme, int width, int height,
      Background background) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive");
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // vectors get zoomed on slides: sample curves as for a 4x bitmap
    g.setRenderingHint(Detail.KEY, SVG_DETAIL);
    picture.draw(g, width, height, background.apply(theme));
    return g.getSVGDocument();
  }

  /** Writes an SVG file atomically. */
  public static void write(Picture picture, Theme theme, int width, int height,
      Background background, Path out) throws IOException {
    String svg = toSvgString(picture, theme, width, height, background);
    AtomicFiles.write(out, os -> os.write(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
