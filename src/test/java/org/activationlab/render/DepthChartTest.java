package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.activationlab.activation.Catalog;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/**
 * The depth chart's typical lines: the model's numbers (ReLU with He stays at 1, sigmoid with
 * Glorot decays), where the dashed lines are drawn, and a legend that names the initialisation and
 * stays clear of the plot.
 */
class DepthChartTest {

  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

  private static DepthSeries series(String spec, int slot, DepthInit init) {
    return DepthSeries.of(Catalog.get(spec).displayName(), Palette.color(slot),
        Catalog.parse(spec), init, 30);
  }

  private static DepthModel model(DepthInit init, Theme theme, String... specs) {
    List<DepthSeries> s = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      s.add(series(specs[i], i, init));
    }
    return new DepthModel(s, 30, init, theme);
  }

  private static List<String> texts(DepthModel m, int w, int h) {
    SVGGraphics2D g = new SVGGraphics2D(w, h);
    new DepthRenderer().draw(g, w, h, m);
    List<String> out = new ArrayList<>();
    Matcher x = TEXT.matcher(g.getSVGElement());
    while (x.find()) {
      out.add(x.group(1));
    }
    return out;
  }

  private static BufferedImage draw(DepthModel m, int w, int h, String name) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    new DepthRenderer().draw(g, w, h, m);
    g.dispose();
    Path dir = Files.createDirectories(Path.of("target", "render-tests"));
    ImageIO.write(img, "png", new File(dir.toFile(), name));
    return img;
  }

  @Test
  void theInitialisationsAreTheirWeightScales() {
    assertThat(DepthInit.of(DepthInit.Kind.HE).weightScale()).isCloseTo(2, within(1e-15));
    assertThat(DepthInit.of(DepthInit.Kind.GLOROT).weightScale()).isEqualTo(1);
    assertThat(DepthInit.of(DepthInit.Kind.LECUN).weightScale()).isEqualTo(1);
    assertThat(DepthInit.custom(3).weightScale()).isEqualTo(9);
    assertThat(DepthInit.DEFAULT.kind()).isEqualTo(DepthInit.Kind.GLOROT);
  }

  @Test
  void reluWithHeStaysAtOneAndSigmoidWithGlorotDecays() {
    DepthSeries reluHe = series("relu", 0, DepthInit.of(DepthInit.Kind.HE));
    assertThat(reluHe.gain()).isCloseTo(0.5, within(1e-14));
    for (int n = 1; n <= 30; n++) {
      assertThat(reluHe.typical(n)).isCloseTo(1, within(1e-12));
    }
    DepthSeries reluGlorot = series("relu", 0, DepthInit.DEFAULT);
    assertThat(reluGlorot.typical(10)).isCloseTo(Math.pow(0.5, 10), within(1e-15));
    DepthSeries sigmoid = series("sigmoid", 1, DepthInit.DEFAULT);
    // typical is below even the best case: E[f′²]·σ_w² < max|f′| for sigmoid
    assertThat(sigmoid.typical(10)).isLessThan(Math.pow(0.25, 10));
    assertThat(sigmoid.typical(30)).isLessThan(1e-30);
    DepthSeries linear = series("identity", 2, DepthInit.DEFAULT);
    assertThat(linear.typical(30)).isCloseTo(1, within(1e-12));
  }

  @Test
  void theDashedLineSitsAtItsDecadeAndTheSolidOneAtItsOwn() throws Exception {
    // ReLU with Glorot: solid 1ⁿ = 1, dashed 0.5ⁿ
    DepthModel m = model(DepthInit.DEFAULT, Theme.light(), "relu");
    BufferedImage img = draw(m, 900, 360, "depth-relu-glorot.png");
    PlotFrame f = new DepthRenderer().frame(900, 360, m);
    java.awt.Color c = Palette.color(0);
    int onDashed = 0;
    int samples = 40;
    for (int i = 0; i < samples; i++) {
      double n = 4 + 6.0 * i / samples; // along the dashed line from n = 4 to 10
      onDashed += FunctionPlotRendererTest.near(img, f.toPixelX(n),
          f.toPixelY(n * Math.log10(0.5)), c, 1) ? 1 : 0;
    }
    assertThat(onDashed).as("dashed 0.5ⁿ drawn, with gaps").isBetween(samples / 4, samples - 3);
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(20), f.toPixelY(0), c, 1)).isTrue();
    // nothing of the series halfway between the two lines
    assertThat(FunctionPlotRendererTest.near(img, f.toPixelX(20), f.toPixelY(-3), c, 2)).isFalse();
  }

  @Test
  void theLegendNamesTheInitialisationAndEachFunctionsNumbers() {
    DepthModel he = model(DepthInit.of(DepthInit.Kind.HE), Theme.light(), "relu", "sigmoid",
        "tanh");
    List<String> t = texts(he, 1100, 360);
    assertThat(t).contains("max|f′|ⁿ: at best", "∏ χ: typical, He, σ_w² = 2",
        "ReLU: max|f′| 1 · E[f′²] 0.5 · χ 1");
    assertThat(t).anyMatch(s -> s.startsWith("Sigmoid: max|f′| 0.25 · E[f′²] ") && s.contains("→"));
    assertThat(t).contains("a gradient through n layers (log scale)");
    DepthModel custom = model(DepthInit.custom(1.5), Theme.light(), "tanh");
    assertThat(texts(custom, 1100, 360)).contains("∏ χ: typical, σ_w = 1.5");
    DepthModel zh = model(DepthInit.DEFAULT, Theme.light().withLocale(Locale.SIMPLIFIED_CHINESE),
        "relu");
    assertThat(texts(zh, 1100, 360)).contains("∏ χ：典型情况，Glorot 初始化，σ_w² = 1",
        "梯度穿过 n 层（对数坐标）");
  }

  @Test
  void theLegendSitsBesideThePlotWhenThereIsRoomAndInsideWhenNot() {
    for (Theme theme : new Theme[] {Theme.light(), Theme.dark().scaled(1.5)}) {
      DepthModel m = model(DepthInit.of(DepthInit.Kind.HE), theme, "sigmoid", "tanh", "relu",
          "leaky_relu", "elu", "gelu");
      DepthRenderer r = new DepthRenderer();
      DepthRenderer.Layout wide = r.layout(1400, 300, m);
      assertThat(wide.outside()).isTrue();
      assertThat(wide.legend().intersects(wide.plot())).isFalse();
      assertThat(wide.legend().getMaxX()).isLessThanOrEqualTo(1400);
      assertThat(wide.legend().getMaxY()).isLessThanOrEqualTo(300);
      assertThat(wide.rows()).hasSize(8);
      // the chart keeps most of its height whatever the legend does
      assertThat(wide.plot().getHeight()).isGreaterThan(300 * 0.6);
      // narrower: names only, still beside the plot
      DepthRenderer.Layout narrow = r.layout(420, 200, m);
      assertThat(narrow.outside()).isTrue();
      assertThat(narrow.rows()).contains("ReLU", "Leaky ReLU").noneMatch(t -> t.contains("χ 1"));
      assertThat(narrow.legend().intersects(narrow.plot())).isFalse();
      assertThat(narrow.plot().getHeight()).isGreaterThan(200 * 0.5);
      // tiny: inside the plot, in its lower left corner, within it
      DepthRenderer.Layout tiny = r.layout(200, 160, m);
      assertThat(tiny.outside()).isFalse();
      Rectangle2D box = tiny.legend();
      assertThat(tiny.plot().contains(box) || tiny.rows().isEmpty()).isTrue();
    }
  }
}
