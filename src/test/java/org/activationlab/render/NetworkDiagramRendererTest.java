package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class NetworkDiagramRendererTest {

  /** 2 inputs, hidden 4 and 3, 1 output; hidden neuron 2 of layer 1 dead with zero gradient. */
  private static NetworkDiagramModel small() {
    int[] widths = {2, 4, 3, 1};
    double[][] mags = {{1e-3, 1e-3, 0, 1e-3}, {1e-2, 1e-2, 1e-2}, {1e-1}};
    boolean[][] dead = {{false, false, true, false}, {false, false, false}, {false}};
    double[][] weights = {
        {0.5, -0.5, 1, -1, 0.2, 0.1, -0.3, 0.4},
        {0.1, 0.2, 0.3, 0.4, -0.1, -0.2, -0.3, -0.4, 0.9, 0.8, 0.7, 0.6},
        {1.5, -1.5, 0.5}};
    return new NetworkDiagramModel(widths, mags, dead, weights, DecadeScale.GRADIENTS, Theme.light());
  }

  @Test
  void cellsTakeTheirGradientColoursAndDeadCellsAreCrossed() throws Exception {
    NetworkDiagramModel m = small();
    NetworkDiagramRenderer r = new NetworkDiagramRenderer();
    BufferedImage img = new BufferedImage(700, 400, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    r.draw(g, 700, 400, m);
    g.dispose();
    Path dir = Files.createDirectories(Path.of("target", "render-tests"));
    ImageIO.write(img, "png", new File(dir.toFile(), "network.png"));
    double cell = r.cellSize(700, 400, m);
    Point2D live = r.neuronCentre(700, 400, m, 1, 0);
    // a corner of the cell, away from links drawn through the centre
    int lx = (int) (live.getX() - cell * 0.4);
    int ly = (int) (live.getY() - cell * 0.25);
    assertThat(img.getRGB(lx, ly)).isEqualTo(DecadeScale.GRADIENTS.argb(1e-3));
    Point2D dead = r.neuronCentre(700, 400, m, 1, 2);
    int red = img.getRGB((int) dead.getX(), (int) dead.getY());
    assertThat((red >> 16) & 0xFF).as("cross at the centre").isGreaterThan(150);
    assertThat(red & 0xFF).isLessThan(80);
    Point2D out = r.neuronCentre(700, 400, m, 3, 0);
    assertThat(img.getRGB((int) (out.getX() - cell * 0.4), (int) (out.getY() - cell * 0.4)))
        .isEqualTo(DecadeScale.GRADIENTS.argb(1e-1));
  }

  @Test
  void denseLayersKeepOnlyTheStrongestLinks() {
    double[] w = new double[64 * 64];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 2 == 0 ? 1 : -1) * i / (double) w.length;
    }
    double t = NetworkDiagramRenderer.strongestThreshold(w, 160);
    long kept = java.util.Arrays.stream(w).filter(v -> Math.abs(v) >= t).count();
    assertThat(kept).isEqualTo(160);
    assertThat(NetworkDiagramRenderer.strongestThreshold(new double[] {1, -2}, 160)).isZero();
  }

  @Test
  void quickselectAgreesWithSorting() {
    java.util.Random r = new java.util.Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(300);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct values in some trials, to exercise duplicates
        a[i] = trial % 3 == 0 ? r.nextInt(4) : r.nextGaussian();
      }
      double[] sorted = a.clone();
      java.util.Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertThat(NetworkDiagramRenderer.kthSmallest(a.clone(), k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void inputFeaturesAreNamedBesideTheirNodes() {
    org.activationlab.training.TrainingSnapshot s = TextLayoutTest.train(
        org.activationlab.training.Presets.get("playground").scenario().withSetting("features",
            "x1,x2,x1sq,x2sq,x1x2,sin1,sin2"), 5);
    NetworkDiagramModel m = LabModels.network(s, Theme.light());
    assertThat(m.inputLabels()).containsExactly("x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁",
        "sin x₂");
    java.util.List<TextRecorder.Text> texts = TextLayoutTest.record(
        Picture.of("network", (g, w, h, t) -> new NetworkDiagramRenderer().draw(g, w, h, m)),
        900, 420, Theme.light());
    assertThat(texts).extracting(TextRecorder.Text::text).contains("x₁²", "sin x₂");
    // the default inputs stay unnamed: the picture of x₁, x₂ is as before
    assertThat(LabModels.network(TextLayoutTest.train(
        org.activationlab.training.Presets.get("playground").scenario(), 5), Theme.light())
        .inputLabels()).isNull();
  }
}
