package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.DatasetSpec;
import org.activationlab.nn.Datasets;
import org.activationlab.training.GridSnapshot;
import org.junit.jupiter.api.Test;

class TrainingRenderersTest {

  static int lum(int argb) {
    return (int) (0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF)
        + 0.0722 * (argb & 0xFF));
  }

  @Test
  void lossChartSaysNoStepsYetUntilThereIsACurve() {
    assertThat(lossChartSvg(new long[] {0}, new double[] {0.7})).contains("no steps yet");
    assertThat(lossChartSvg(new long[] {0, 1}, new double[] {0.7, 0.6}))
        .doesNotContain("no steps yet");
  }

  private static String lossChartSvg(long[] steps, double[] loss) {
    org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(600, 300);
    new LossChartRenderer().draw(g, 600, 300, new LossChartModel(steps, loss, loss,
        new double[steps.length], false, Theme.light()));
    return g.getSVGElement();
  }

  @Test
  void heatmapCellsTakeTheZeroColourAndBrighterViridisForLargerGradients() {
    GradientHeatmapModel m = new GradientHeatmapModel("t", List.of(
        GradientHeatmapModel.Row.of("1 relu", new double[] {0, 1e-9, 1e-3, 1},
            new boolean[] {true, false, false, false}, 0.25, 0),
        GradientHeatmapModel.Row.of("2 output", new double[] {1e-6}, new boolean[] {false}, 0, 0)),
        -12, 2);
    BufferedImage img = new BufferedImage(900, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    GradientHeatmapRenderer r = new GradientHeatmapRenderer();
    r.draw(g, 900, 300, m, Theme.light());
    g.dispose();
    GradientHeatmapRenderer.Layout l = r.layout(900, 300, m, Theme.light());
    // the zero cell: zero colour near its corner (the ✕ runs through the middle)
    Rectangle2D zero = r.cell(l, 0, 0);
    int corner = img.getRGB((int) (zero.getMinX() + 3), (int) (zero.getCenterY()));
    assertThat(corner & 0xFFFFFF).isEqualTo(GradientHeatmapRenderer.ZERO_COLOR.getRGB() & 0xFFFFFF);
    // the dead ✕ is drawn in black across the centre
    int centre = img.getRGB((int) zero.getCenterX(), (int) zero.getCenterY());
    assertThat(lum(centre)).isLessThan(60);
    int[] cells = new int[3];
    for (int j = 1; j <= 3; j++) {
      Rectangle2D c = r.cell(l, 0, j);
      cells[j - 1] = img.getRGB((int) c.getCenterX(), (int) c.getCenterY());
      double t = (Math.log10(new double[] {1e-9, 1e-3, 1}[j - 1]) + 12) / 14;
      assertThat(cells[j - 1] & 0xFFFFFF).isEqualTo(ColorMap.VIRIDIS.argb(t) & 0xFFFFFF);
    }
    assertThat(lum(cells[0])).isLessThan(lum(cells[1]));
    assertThat(lum(cells[1])).isLessThan(lum(cells[2]));
    assertThat(GradientHeatmapRenderer.color(0, m)).isEqualTo(GradientHeatmapRenderer.ZERO_COLOR);
    // out of range values are pinned to the ends of the scale
    assertThat(GradientHeatmapRenderer.color(1e-30, m)).isEqualTo(ColorMap.VIRIDIS.color(0));
    assertThat(GradientHeatmapRenderer.color(1e9, m)).isEqualTo(ColorMap.VIRIDIS.color(1));
  }

  @Test
  void aLongHeatmapTitleKeepsTheStepAndTheRatio() {
    java.awt.FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB)
        .createGraphics().getFontMetrics(Theme.light().titleFont());
    String title = "mean |δ| per neuron · step 300 · first : last = 1 : 82000";
    assertThat(GradientHeatmapRenderer.fitTitle(title, fm, 10_000)).isEqualTo(title);
    String narrow = GradientHeatmapRenderer.fitTitle(title, fm,
        fm.stringWidth("step 300 · first : last = 1 : 82000") + 1);
    assertThat(narrow).isEqualTo("step 300 · first : last = 1 : 82000");
    assertThat(fm.stringWidth(GradientHeatmapRenderer.fitTitle(title, fm, 60)))
        .isLessThanOrEqualTo(60);
  }

  @Test
  void theBoundaryKeepsOneToOneInAWideOrATallPanel() {
    DataSplit data = Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 40, 0, 0.25, 1));
    GridSnapshot grid = new GridSnapshot(4, 2, 1, -2, 2, -1.5, 1.5, new double[16]);
    DecisionBoundaryModel m = DecisionBoundaryModel.of("t", grid, data);
    for (double[] size : new double[][] {{1200, 300}, {300, 900}, {640, 480}}) {
      PlotFrame f = new DecisionBoundaryRenderer().frame(size[0], size[1], m, Theme.light());
      double perUnitAcross = f.area().getWidth() / 4;
      double perUnitUp = f.area().getHeight() / 3;
      assertThat(perUnitAcross).as("size " + size[0] + "x" + size[1])
          .isCloseTo(perUnitUp, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(f.area().getMinX()).isGreaterThanOrEqualTo(0);
      assertThat(f.area().getMaxX()).isLessThanOrEqualTo(size[0]);
      assertThat(f.area().getMaxY()).isLessThanOrEqualTo(size[1]);
    }
  }

  @Test
  void boundaryBackgroundFollowsTheProbability() {
    DataSplit data = Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 40, 0, 0.25, 1));
    int res = 8;
    double[] v = new double[res * res];
    for (int iy = 0; iy < res; iy++) {
      for (int ix = 0; ix < res; ix++) {
        v[iy * res + ix] = ix < res / 2 ? 0.02 : 0.98; // class 0 left, class 1 right
      }
    }
    GridSnapshot grid = new GridSnapshot(res, 2, 1, -2, 2, -2, 2, v);
    DecisionBoundaryModel m = DecisionBoundaryModel.of(null, grid, data);
    BufferedImage img = new BufferedImage(500, 500, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    DecisionBoundaryRenderer r = new DecisionBoundaryRenderer();
    r.draw(g, 500, 500, m, Theme.light());
    g.dispose();
    PlotFrame f = r.frame(500, 500, m, Theme.light());
    // corners of the plane are far from the circle's samples (which lie within ±1.1)
    Color left = new Color(img.getRGB((int) f.toPixelX(-1.9), (int) f.toPixelY(1.9)));
    Color right = new Color(img.getRGB((int) f.toPixelX(1.9), (int) f.toPixelY(-1.9)));
    assertThat(left.getBlue()).isGreaterThan(left.getRed());
    assertThat(right.getRed()).isGreaterThan(right.getBlue());
    // a training sample is drawn in its class colour
    double x = data.train().input(0, 0);
    double y = data.train().input(0, 1);
    Color c = Palette.color(data.train().label(0));
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(x), f.toPixelY(y), c, 1)).isTrue();
  }
}
