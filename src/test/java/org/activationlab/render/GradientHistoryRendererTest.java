package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GradientHistoryRendererTest {

  private static final int W = 900;
  private static final int H = 520;

  /** Four layers whose gradients differ by orders of magnitude, like a deep sigmoid stack. */
  private static GradientHistoryModel vanishing(Theme theme) {
    int columns = 200;
    long[] steps = new long[columns];
    double[][] values = new double[4][columns];
    for (int c = 0; c < columns; c++) {
      steps[c] = c * 10L;
      for (int layer = 0; layer < 4; layer++) {
        values[layer][c] = Math.pow(10, -8 + 2.5 * layer) * (1 + 0.3 * Math.sin(c * 0.1));
      }
    }
    values[0][150] = 0; // an exact zero gets the zero colour
    return new GradientHistoryModel(values, steps, new String[] {"1", "2", "3", "out"}, "mean |δ|",
        DecadeScale.GRADIENTS, theme);
  }

  private static BufferedImage draw(GradientHistoryRenderer r, GradientHistoryModel m) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    r.draw(g, W, H, m);
    g.dispose();
    return img;
  }

  @Test
  void heatmapRowsTakeTheirLayersColours() throws Exception {
    GradientHistoryRenderer r = new GradientHistoryRenderer();
    GradientHistoryModel m = vanishing(Theme.light());
    BufferedImage img = draw(r, m);
    Path dir = Files.createDirectories(Path.of("target", "render-tests"));
    ImageIO.write(img, "png", new File(dir.toFile(), "gradient-history.png"));
    PlotFrame f = r.heatmapFrame(W, H, m);
    int px = (int) f.toPixelX(505); // column 50: sin(5) ≈ −0.96
    int row0 = (int) f.toPixelY(m.layers() - 0.5); // rows run top-down: row 0 at the top
    int top = (int) (f.area().getMinY() + f.area().getHeight() * 0.5 / m.layers());
    int bottom = (int) (f.area().getMaxY() - f.area().getHeight() * 0.5 / m.layers());
    assertThat(img.getRGB(px, top)).isEqualTo(m.scale().argb(m.values()[0][50]));
    assertThat(img.getRGB(px, bottom)).isEqualTo(m.scale().argb(m.values()[3][50]));
    assertThat(img.getRGB(px, top)).isNotEqualTo(img.getRGB(px, bottom));
    int zeroX = (int) Math.round(f.toPixelX(1505));
    assertThat(img.getRGB(zeroX, top)).isEqualTo(DecadeScale.GRADIENTS.zeroColor().getRGB());
    assertThat(row0).isGreaterThan(0);
  }

  @Test
  void chartLinesSitAtTheirDecades() {
    GradientHistoryRenderer r = new GradientHistoryRenderer();
    GradientHistoryModel m = vanishing(Theme.dark());
    BufferedImage img = draw(r, m);
    PlotFrame f = r.chartFrame(W, H, m);
    assertThat(f.viewport().yMin()).isEqualTo(-9);
    assertThat(f.viewport().yMax()).isEqualTo(0);
    double y = Math.log10(m.values()[3][100]);
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(1000), f.toPixelY(y),
        GradientHistoryRenderer.layerColor(3, 4, true), 2)).isTrue();
    double y0 = Math.log10(m.values()[0][100]);
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(1000), f.toPixelY(y0),
        GradientHistoryRenderer.layerColor(0, 4, true), 2)).isTrue();
  }

  @Test
  void columnLookupFindsTheColumnCoveringAStep() {
    long[] steps = {0, 10, 20, 40, 80};
    assertThat(GradientHistoryRenderer.columnAt(steps, 0)).isZero();
    assertThat(GradientHistoryRenderer.columnAt(steps, 39.5)).isEqualTo(2);
    assertThat(GradientHistoryRenderer.columnAt(steps, 40)).isEqualTo(3);
    assertThat(GradientHistoryRenderer.columnAt(steps, 1000)).isEqualTo(4);
    assertThat(GradientHistoryRenderer.columnAt(steps, -5)).isZero();
  }

  @Test
  void decadeScaleMapsZeroApartAndClampsTheEnds() {
    DecadeScale s = DecadeScale.GRADIENTS;
    assertThat(s.argb(0)).isEqualTo(s.zeroColor().getRGB());
    assertThat(s.position(1e-12)).isEqualTo(0.0);
    assertThat(s.position(1e-20)).isEqualTo(0.0);
    assertThat(s.position(1e2)).isEqualTo(1.0);
    assertThat(s.position(1e-5)).isEqualTo(0.5);
    assertThat(s.argb(1e-1)).isNotEqualTo(s.argb(1e-9));
  }
}
