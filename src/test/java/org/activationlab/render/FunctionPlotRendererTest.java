package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

/** Draws plots into images and checks that curves pass where the mathematics says. */
class FunctionPlotRendererTest {

  private static final int W = 800;
  private static final int H = 500;
  private static final Color BLUE = Palette.color(0);
  private static final Viewport VIEW = new Viewport(-4, 4, -2, 3);

  private final FunctionPlotRenderer renderer = new FunctionPlotRenderer();

  private BufferedImage draw(FunctionPlotModel model) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    renderer.draw(g, W, H, model);
    g.dispose();
    return img;
  }

  private static FunctionPlotModel model(String spec, boolean value, boolean derivative, double crosshair) {
    return new FunctionPlotModel(
        List.of(new PlotSeries(Catalog.parse(spec), BLUE, spec)), VIEW, value, derivative,
        Theme.light(), crosshair, null);
  }

  /** Whether a pixel within ±r of (px, py) is close to the colour. */
  static boolean near(BufferedImage img, double px, double py, Color c, int r) {
    for (int dx = -r; dx <= r; dx++) {
      for (int dy = -r; dy <= r; dy++) {
        int x = (int) Math.round(px) + dx;
        int y = (int) Math.round(py) + dy;
        if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight() && close(img.getRGB(x, y), c)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean close(int argb, Color c) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    return Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) < 60;
  }

  @Test
  void reluPassesThroughTwoTwoAndNotBelowTheAxisOnTheRight() {
    FunctionPlotModel m = model("relu", true, false, Double.NaN);
    BufferedImage img = draw(m);
    PlotFrame f = renderer.frame(W, H, m);
    assertThat(near(img, f.toPixelX(2), f.toPixelY(2), BLUE, 2)).isTrue();
    assertThat(near(img, f.toPixelX(-3), f.toPixelY(0), BLUE, 2)).isTrue();
    assertThat(near(img, f.toPixelX(2), f.toPixelY(-1), BLUE, 3)).isFalse();
    assertThat(near(img, f.toPixelX(2), f.toPixelY(1), BLUE, 3)).isFalse();
  }

  @Test
  void sigmoidPassesThroughHalfAtZeroAndItsDerivativeThroughAQuarter() {
    FunctionPlotModel m = model("sigmoid", true, true, Double.NaN);
    BufferedImage img = draw(m);
    PlotFrame f = renderer.frame(W, H, m);
    assertThat(near(img, f.toPixelX(0), f.toPixelY(0.5), BLUE, 2)).isTrue();
    // dashed: somewhere within a dash length around x = 0 the derivative is drawn at 0.25
    boolean dashSeen = false;
    for (double x = -0.4; x <= 0.4; x += 0.02) {
      dashSeen |= near(img, f.toPixelX(x), f.toPixelY(0.25), BLUE, 1);
    }
    assertThat(dashSeen).isTrue();
  }

  @Test
  void jumpsAreBreaksNotVerticalLines() {
    FunctionPlotModel m = model("binary_step", true, false, Double.NaN);
    BufferedImage img = draw(m);
    PlotFrame f = renderer.frame(W, H, m);
    assertThat(near(img, f.toPixelX(-2), f.toPixelY(0), BLUE, 2)).isTrue();
    assertThat(near(img, f.toPixelX(2), f.toPixelY(1), BLUE, 2)).isTrue();
    int px = (int) Math.round(f.toPixelX(0));
    for (double y = 0.15; y <= 0.85; y += 0.05) {
      assertThat(near(img, px, f.toPixelY(y), BLUE, 1)).as("vertical line at y=" + y).isFalse();
    }
  }

  @Test
  void reluDerivativeJumpIsABreakToo() {
    FunctionPlotModel m = model("relu", false, true, Double.NaN);
    BufferedImage img = draw(m);
    PlotFrame f = renderer.frame(W, H, m);
    int px = (int) Math.round(f.toPixelX(0));
    for (double y = 0.2; y <= 0.8; y += 0.05) {
      assertThat(near(img, px, f.toPixelY(y), BLUE, 1)).isFalse();
    }
  }

  @Test
  void crosshairDrawsAReadoutBesideThePointer() {
    FunctionPlotModel without = model("sigmoid", true, true, Double.NaN);
    FunctionPlotModel with = model("sigmoid", true, true, 1.0);
    BufferedImage a = draw(without);
    BufferedImage b = draw(with);
    PlotFrame f = renderer.frame(W, H, with);
    // the readout box sits beside the crosshair (right, or left when there is no room), near the
    // bottom of the area: far more changes there than the one-pixel crosshair line makes
    int changed = 0;
    for (int x = (int) f.area().getMinX(); x < f.area().getMaxX(); x++) {
      for (int y = (int) (f.area().getMaxY() - 90); y < f.area().getMaxY(); y++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          changed++;
        }
      }
    }
    assertThat(changed).isGreaterThan(1200); // the line alone changes < 200
    // and a dot marks f(1) on the curve
    assertThat(near(b, f.toPixelX(1), f.toPixelY(Catalog.parse("sigmoid").value(1)), BLUE, 1)).isTrue();
  }

  @Test
  void nonFiniteValuesNeitherThrowNorConnect() {
    ActivationFunction hole = ActivationFunction.builder("hole_test", "Hole")
        .latex("f", "f'")
        .factory((fn, p) -> new org.activationlab.activation.AbstractActivation(fn, p) {
          @Override
          public double value(double x) {
            return Math.abs(x) < 1 ? Double.NaN : 1;
          }

          @Override
          public double derivative(double x) {
            return 0;
          }
        })
        .build();
    FunctionPlotModel m = new FunctionPlotModel(List.of(new PlotSeries(hole.withDefaults(), BLUE,
        "hole")), VIEW, true, false, Theme.light(), Double.NaN, "t");
    BufferedImage img = draw(m);
    PlotFrame f = renderer.frame(W, H, m);
    assertThat(near(img, f.toPixelX(-2), f.toPixelY(1), BLUE, 2)).isTrue();
    assertThat(near(img, f.toPixelX(0), f.toPixelY(1), BLUE, 1)).isFalse();
  }

  @Test
  void frameMapsBothWays() {
    PlotFrame f = renderer.frame(W, H, model("relu", true, true, Double.NaN));
    assertThat(f.toDataX(f.toPixelX(1.25))).isCloseTo(1.25, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.toDataY(f.toPixelY(-0.5))).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.toPixelY(3)).isLessThan(f.toPixelY(-2));
  }

  /** Pixels along y = x for x in (0.5, 3.5) nearest to each colour. */
  private static int[] alongTheDiagonal(BufferedImage img, PlotFrame f, Color... colours) {
    int[] counts = new int[colours.length];
    for (double x = 0.2; x < 2.8; x += 0.01) {
      int px = (int) Math.round(f.toPixelX(x));
      int py = (int) Math.round(f.toPixelY(x));
      int rgb = img.getRGB(px, py);
      for (int c = 0; c < colours.length; c++) {
        if (close(rgb, colours[c])) {
          counts[c]++;
        }
      }
    }
    return counts;
  }

  @Test
  void curvesThatCoincideTakeTurnsSoNoneIsHidden() {
    // ReLU, ELU and Leaky ReLU are all y = x for x > 0: each must show along that line
    Color relu = Palette.of("relu");
    Color elu = Palette.of("elu");
    Color leaky = Palette.of("leaky_relu");
    FunctionPlotModel m = new FunctionPlotModel(List.of(
        new PlotSeries(Catalog.parse("relu"), relu, "relu"),
        new PlotSeries(Catalog.parse("elu"), elu, "elu"),
        new PlotSeries(Catalog.parse("leaky_relu"), leaky, "leaky_relu")),
        VIEW, true, false, Theme.light(), Double.NaN, null);
    BufferedImage img = draw(m);
    int[] n = alongTheDiagonal(img, renderer.frame(W, H, m), relu, elu, leaky);
    for (int c = 0; c < 3; c++) {
      assertThat(n[c]).as("curve %d's share of 300 points on y = x", c).isGreaterThan(40);
    }
  }

  @Test
  void theSelectedCurveIsDrawnLastAndFunctionsUnderItStillShow() {
    assertThat(FunctionPlotRenderer.drawingOrder(4, 1)).containsExactly(0, 2, 3, 1);
    assertThat(FunctionPlotRenderer.drawingOrder(3, -1)).containsExactly(0, 1, 2);
    // two curves crossing: at the crossing the selected one's colour is on top
    Color a = Palette.color(0);
    Color b = Palette.color(1);
    for (int selected = 0; selected < 2; selected++) {
      FunctionPlotModel m = new FunctionPlotModel(List.of(
          new PlotSeries(Catalog.parse("tanh"), a, "tanh"),
          new PlotSeries(Catalog.parse("sigmoid"), b, "sigmoid")),
          VIEW, true, false, Theme.light(), Double.NaN, null, selected);
      BufferedImage img = draw(m);
      PlotFrame f = renderer.frame(W, H, m);
      // where tanh x = σ(x) (slopes 0.74 and 0.23) the pixel shows the one on top
      double lo = 0;
      double hi = 2;
      for (int k = 0; k < 60; k++) {
        double mid = (lo + hi) / 2;
        if (Math.tanh(mid) < 1 / (1 + Math.exp(-mid))) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double x = lo;
      int rgb = img.getRGB((int) Math.round(f.toPixelX(x)), (int) Math.round(f.toPixelY(Math.tanh(x))));
      assertThat(close(rgb, selected == 0 ? a : b)).as("selected %d on top", selected).isTrue();
    }
  }

  /**
   * The Explorer's legend hides no curve: with the functions the Explorer opens with, at the
   * sizes its plot gets (720p, 1080p, a focused plot), in both looks, no point of any f or f′
   * lies under the legend's panel, wherever it goes.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"700, 300, 1", "700, 300, 1.5", "1000, 420, 1.5",
      "1280, 720, 1.5", "1280, 720, 1", "480, 320, 1.5"})
  void theLegendHidesNoCurve(int w, int h, double scale) {
    Theme theme = scale == 1 ? Theme.light() : Theme.light().highContrast().scaled(scale);
    List<PlotSeries> series = List.of(new PlotSeries(Catalog.parse("sigmoid"), Palette.color(0),
        "Sigmoid"), new PlotSeries(Catalog.parse("tanh"), Palette.color(1), "Tanh"),
        new PlotSeries(Catalog.parse("relu"), Palette.color(2), "ReLU"));
    FunctionPlotModel m = new FunctionPlotModel(series, Viewport.DEFAULT, true, true, theme,
        Double.NaN, "Activation functions");
    FunctionPlotRenderer.LegendLayout legend = renderer.legend(w, h, m);
    assertThat(legend.box()).as("a legend is shown").isNotNull();
    assertThat(legend.rows()).as("with every function").hasSize(3);
    PlotFrame f = renderer.frame(w, h, m);
    int covered = 0;
    for (double px = f.area().getMinX(); px <= f.area().getMaxX(); px += 0.5) {
      double x = f.toDataX(px);
      for (PlotSeries s : series) {
        for (double y : new double[] {s.activation().value(x), s.activation().derivative(x)}) {
          double py = f.toPixelY(y);
          if (f.area().contains(px, py) && legend.box().contains(px, py)) {
            covered++;
          }
        }
      }
    }
    assertThat(covered).as("curve points under the legend").isZero();
  }
}
