package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.activationlab.activation.Softmax;
import org.junit.jupiter.api.Test;

class OtherRenderersTest {

  @Test
  void depthPointOfSigmoidAtTenLayersSitsAtTheRightDecade() {
    DepthModel m = new DepthModel(List.of(new DepthSeries("sigmoid", Palette.color(0), 0.25)), 30,
        Theme.light());
    BufferedImage img = new BufferedImage(700, 420, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    DepthRenderer r = new DepthRenderer();
    r.draw(g, 700, 420, m);
    g.dispose();
    PlotFrame f = r.frame(700, 420, m);
    double py = f.toPixelY(Math.log10(Math.pow(0.25, 10)));
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(10), py, Palette.color(0), 2)).isTrue();
    // 0.25^10 ≈ 9.5e-7 is six decades below 1
    assertThat(f.toPixelY(0) - py).isLessThan(0);
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(10), f.toPixelY(-3), Palette.color(0), 2))
        .isFalse();
  }

  @Test
  void depthClampsZeroAndInfiniteSlopes() {
    DepthModel m = new DepthModel(List.of(new DepthSeries("step", Palette.color(0), 0),
        new DepthSeries("exp", Palette.color(1), Double.POSITIVE_INFINITY)), 30, Theme.dark());
    double[] range = DepthRenderer.yRange(m);
    assertThat(range[0]).isEqualTo(DepthRenderer.FLOOR);
    assertThat(range[1]).isEqualTo(DepthRenderer.CEILING);
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    new DepthRenderer().draw(g, 400, 300, m);
    g.dispose();
  }

  @Test
  void softmaxBarsAreAsTallAsTheProbabilities() {
    double[] z = {2, 1, 0.1};
    double[] p = Softmax.probabilities(z, 1);
    SoftmaxModel m = new SoftmaxModel(z, 1, p, Softmax.jacobian(p, 1), Theme.light());
    BufferedImage img = new BufferedImage(800, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    SoftmaxRenderer r = new SoftmaxRenderer();
    r.draw(g, 800, 300, m);
    g.dispose();
    java.awt.geom.Rectangle2D a = r.barArea(800, 300, Theme.light());
    double slot = a.getWidth() / 3;
    for (int i = 0; i < 3; i++) {
      double cx = a.getMinX() + slot * (i + 0.5);
      double top = a.getMaxY() - p[i] * a.getHeight();
      assertThat(FunctionPlotRendererTest.near(img, cx, top + 3, Palette.color(0), 0)).as("bar " + i).isTrue();
      assertThat(FunctionPlotRendererTest.near(img, cx, top - 3, Palette.color(0), 0)).as("above bar " + i).isFalse();
    }
  }

  @Test
  void theSigmoidIdentityCurvesPassThroughHalfAtZero() {
    double[] z = {2, 1, 0.1};
    double[] p = Softmax.probabilities(z, 1);
    SoftmaxModel m = new SoftmaxModel(z, 1, p, Softmax.jacobian(p, 1), Theme.light());
    BufferedImage img = new BufferedImage(1000, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    SoftmaxRenderer r = new SoftmaxRenderer();
    r.draw(g, 1000, 300, m);
    g.dispose();
    PlotFrame f = r.identityFrame(1000, 300, Theme.light());
    // the solid sigmoid lies under the dashed softmax curve: one of the two colours is at (0, ½)
    boolean seen = FunctionPlotRendererTest.near(img, f.toPixelX(0), f.toPixelY(0.5), Palette.color(0), 1)
        || FunctionPlotRendererTest.near(img, f.toPixelX(0), f.toPixelY(0.5), Palette.color(1), 1);
    assertThat(seen).isTrue();
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(3), f.toPixelY(0.5), Palette.color(0), 2))
        .isFalse();
  }

  @Test
  void colorMapEndpointsAreViridis() {
    assertThat(ColorMap.VIRIDIS.argb(0) & 0xFFFFFF).isEqualTo(0x440154);
    assertThat(ColorMap.VIRIDIS.argb(1) & 0xFFFFFF).isEqualTo(0xFDE725);
    assertThat(ColorMap.DIVERGING.argb(0.5) & 0xFFFFFF).isEqualTo(0xF7F7F7);
  }

  @Test
  void casesColumnsGetAQuadButEscapedAmpersandsStay() {
    assertThat(FormulaPicture.spaceColumns("\\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}"))
        .isEqualTo("\\begin{cases} x &\\quad  x > 0 \\\\ 0 &\\quad  x \\le 0 \\end{cases}");
    assertThat(FormulaPicture.spaceColumns("a \\& b")).isEqualTo("a \\& b");
  }

  @Test
  void formulasTypesetAndDraw() {
    FormulaPicture f = new FormulaPicture("\\sigma(x) = \\frac{1}{1 + e^{-x}}", 20f);
    assertThat(f.typeset()).isTrue();
    assertThat(f.width()).isGreaterThan(60);
    BufferedImage img = new BufferedImage((int) f.width() + 4, (int) f.height() + 4,
        BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    f.draw(g, img.getWidth(), img.getHeight(), Theme.light());
    g.dispose();
    long inked = 0;
    for (int x = 0; x < img.getWidth(); x++) {
      for (int y = 0; y < img.getHeight(); y++) {
        inked += (img.getRGB(x, y) >>> 24) > 128 ? 1 : 0;
      }
    }
    assertThat(inked).isGreaterThan(100);
    // malformed LaTeX never throws: it is drawn as well as JLaTeXMath can, or as source text
    FormulaPicture broken = new FormulaPicture("\\frac{1}{", 20f);
    Graphics2D g2 = img.createGraphics();
    broken.draw(g2, 100, 40, Theme.dark());
    g2.dispose();
  }
}
