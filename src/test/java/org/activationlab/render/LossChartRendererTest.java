package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LossChartRendererTest {

  private static LossChartModel decaying(boolean log) {
    int n = 100;
    long[] steps = new long[n];
    double[] train = new double[n];
    double[] test = new double[n];
    double[] acc = new double[n];
    for (int i = 0; i < n; i++) {
      steps[i] = i * 20L;
      train[i] = 0.7 * Math.exp(-i / 20.0) + 1e-3;
      test[i] = 0.75 * Math.exp(-i / 25.0) + 2e-3;
      acc[i] = 1 - 0.5 * Math.exp(-i / 15.0);
    }
    test[40] = Double.NaN; // a gap, not a crash
    return new LossChartModel(steps, train, test, acc, log, Theme.light());
  }

  @Test
  void trainLossIsDrawnWhereItsValueIsOnBothAxes() throws Exception {
    for (boolean log : new boolean[] {false, true}) {
      LossChartModel m = decaying(log);
      LossChartRenderer r = new LossChartRenderer();
      BufferedImage img = new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = img.createGraphics();
      r.draw(g, 800, 400, m);
      g.dispose();
      Path dir = Files.createDirectories(Path.of("target", "render-tests"));
      ImageIO.write(img, "png", new File(dir.toFile(), "loss-" + (log ? "log" : "linear") + ".png"));
      PlotFrame f = r.frame(800, 400, m);
      double loss = m.trainLoss()[50];
      double y = log ? f.toPixelY(Math.log10(loss)) : f.toPixelY(loss);
      assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(1000), y, LossChartRenderer.TRAIN, 2))
          .as("log=" + log).isTrue();
      if (log) {
        assertThat(f.viewport().yMin()).isEqualTo(-3);
        assertThat(f.viewport().yMax()).isEqualTo(0);
      } else {
        assertThat(f.viewport().yMin()).isEqualTo(0);
      }
    }
  }

  @Test
  void emptyHistoryDrawsAxesOnly() {
    LossChartModel m = new LossChartModel(new long[0], new double[0], new double[0], new double[0],
        true, Theme.dark());
    BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    new LossChartRenderer().draw(g, 300, 200, m);
    g.dispose();
    assertThat(img.getRGB(1, 1)).isEqualTo(Theme.dark().background().getRGB());
  }
}
