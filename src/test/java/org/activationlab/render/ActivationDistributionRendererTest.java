package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

class ActivationDistributionRendererTest {

  private static BufferedImage draw(ActivationDistributionRenderer r, ActivationDistributionModel m,
      String name) throws Exception {
    BufferedImage img = new BufferedImage(700, 360, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    r.draw(g, 700, 360, m);
    g.dispose();
    Path dir = Files.createDirectories(Path.of("target", "render-tests"));
    ImageIO.write(img, "png", new File(dir.toFile(), name));
    return img;
  }

  @Test
  void relusNegativeSideIsShadedDeadAndTheCurveIsDrawn() throws Exception {
    long[] counts = new long[32];
    for (int i = 0; i < 32; i++) {
      counts[i] = i < 16 ? 40 : 5; // most samples negative: mostly dead
    }
    ActivationDistributionModel m = new ActivationDistributionModel(Catalog.parse("relu"), counts,
        -8, 8, 3, 0, 1, "layer 2", Theme.light());
    ActivationDistributionRenderer r = new ActivationDistributionRenderer();
    BufferedImage img = draw(r, m, "distribution-relu.png");
    PlotFrame f = r.frame(700, 360, m);
    // the dead zone is tinted red near the top of the area, the live side is not
    int dead = img.getRGB((int) f.toPixelX(-6.5), (int) (f.area().getMinY() + 3));
    int live = img.getRGB((int) f.toPixelX(6.5), (int) f.toPixelY(7));
    assertThat((dead >> 16) & 0xFF).isGreaterThan(dead & 0xFF);
    assertThat(live & 0xFFFFFF).isEqualTo(0xFFFFFF);
    // relu′ jumps at 0: no vertical dashes between 0.2 and 0.8 in that column
    for (double y = 0.2; y <= 0.8; y += 0.1) {
      assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(0), f.toPixelY(y), Palette.color(0), 0))
          .isFalse();
    }
    // f = relu passes through (4, 4)
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(4), f.toPixelY(4), Palette.color(0), 2))
        .isTrue();
  }

  @Test
  void leakyRelusGentleSlopeIsNoZone() throws Exception {
    // f′ = 0.01 on the negative side, 1 % of its maximum: once shaded "saturated", now nothing
    long[] counts = new long[32];
    java.util.Arrays.fill(counts, 10);
    ActivationDistributionModel m = new ActivationDistributionModel(
        Catalog.parse("leaky_relu"), counts, -8, 8, 0, 0, 1, "layer 1", Theme.light());
    assertThat(m.flatness()).isEqualTo(org.activationlab.activation.Flatness.NEITHER);
    ActivationDistributionRenderer r = new ActivationDistributionRenderer();
    BufferedImage img = draw(r, m, "distribution-leaky-relu.png");
    PlotFrame f = r.frame(700, 360, m);
    int negative = img.getRGB((int) f.toPixelX(-6.5), (int) f.toPixelY(7));
    assertThat(negative & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void sigmoidTailsAreShadedSaturated() throws Exception {
    long[] counts = new long[40];
    java.util.Arrays.fill(counts, 10);
    ActivationDistributionModel m = new ActivationDistributionModel(Catalog.parse("sigmoid"), counts,
        -10, 10, 0, 0, 0.25, "layer 1", Theme.light());
    ActivationDistributionRenderer r = new ActivationDistributionRenderer();
    BufferedImage img = draw(r, m, "distribution-sigmoid.png");
    PlotFrame f = r.frame(700, 360, m);
    int tail = img.getRGB((int) f.toPixelX(-8), (int) (f.area().getMinY() + 5));
    int centre = img.getRGB((int) f.toPixelX(0.3), (int) (f.area().getMinY() + 5));
    assertThat(tail & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    assertThat(centre & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }
}
