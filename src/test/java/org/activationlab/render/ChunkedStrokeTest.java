package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ChunkedStrokeTest {

  private static final BasicStroke SOLID =
      new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL);
  private static final BasicStroke DASHED = new BasicStroke(3f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_BEVEL, 10f, new float[] {12f, 7f}, 0f);

  private static BufferedImage stroke(DoubleUnaryOperator y, BasicStroke stroke, double chunk) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(5, y.applyAsDouble(5));
    for (int x = 6; x < 395; x++) {
      path.lineTo(x, y.applyAsDouble(x));
    }
    BufferedImage img = new BufferedImage(400, 100, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(Color.BLACK);
    if (chunk > 0) {
      new ChunkedStroke().draw(g, path, stroke, chunk);
    } else {
      g.setStroke(stroke);
      g.draw(path);
    }
    g.dispose();
    return img;
  }

  private static long[] inkedAndDiffering(BufferedImage a, BufferedImage b) {
    long inked = 0;
    long differing = 0;
    for (int x = 0; x < a.getWidth(); x++) {
      for (int y = 0; y < a.getHeight(); y++) {
        inked += a.getRGB(x, y) != 0 ? 1 : 0;
        differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
      }
    }
    return new long[] {inked, differing};
  }

  @Test
  void dashPatternContinuesAcrossPieces() {
    // a straight line of 1-px segments: lengths are exact, so the pieces must match exactly
    long[] r = inkedAndDiffering(stroke(x -> 50, DASHED, 0), stroke(x -> 50, DASHED, 48));
    assertThat(r[0]).isGreaterThan(600);
    assertThat(r[1]).isZero();
  }

  @Test
  void solidCurveInPiecesLooksLikeOneStroke() {
    DoubleUnaryOperator wave = x -> 50 + 30 * Math.sin(x / 40.0);
    long[] r = inkedAndDiffering(stroke(wave, SOLID, 0), stroke(wave, SOLID, 48));
    // only the round caps where pieces meet may add a few pixels
    assertThat(r[1]).isLessThan(r[0] / 50);
  }
}
