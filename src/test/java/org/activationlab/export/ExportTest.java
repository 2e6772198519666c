package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.activationlab.activation.Catalog;
import org.activationlab.render.FunctionPlotModel;
import org.activationlab.render.FunctionPlotRenderer;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotSeries;
import org.activationlab.render.Theme;
import org.activationlab.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ExportTest {

  @TempDir
  Path dir;

  private static Picture plot() {
    List<PlotSeries> series = List.of(
        new PlotSeries(Catalog.parse("sigmoid"), Palette.color(0), "Sigmoid"),
        new PlotSeries(Catalog.parse("relu"), Palette.color(1), "ReLU"));
    return Picture.of("plot", (g, w, h, t) -> new FunctionPlotRenderer().draw(g, w, h,
        FunctionPlotModel.of(series, Viewport.DEFAULT, t)));
  }

  @Test
  void pngAtTwiceTheScaleIsTwiceTheSizeAndNotBlank() throws IOException {
    Path out = dir.resolve("plot.png");
    PngExporter.write(plot(), Theme.light(), 640, 360, 2, Background.THEME, out);
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(720);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < img.getWidth(); x += 3) {
      for (int y = 0; y < img.getHeight(); y += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertThat(colours.size()).isGreaterThan(20);
    assertThat(Files.list(dir).toList()).containsExactly(out); // no temporary file left
  }

  @Test
  void transparentBackgroundLeavesCornersClear() {
    BufferedImage img = PngExporter.render(plot(), Theme.dark(), 300, 200, 1, Background.TRANSPARENT);
    assertThat(img.getRGB(1, 1) >>> 24).isZero();
    BufferedImage white = PngExporter.render(plot(), Theme.dark(), 300, 200, 1, Background.WHITE);
    assertThat(white.getRGB(1, 1)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void svgParsesWithCurvesAsPathsAndLabelsAsText() throws Exception {
    String svg = SvgExporter.toSvgString(plot(), Theme.light(), 800, 450, Background.THEME);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setNamespaceAware(false);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    NodeList paths = doc.getElementsByTagName("path");
    assertThat(paths.getLength()).isGreaterThan(4);
    NodeList texts = doc.getElementsByTagName("text");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++) {
      all.append(texts.item(i).getTextContent()).append('|');
    }
    assertThat(all.toString()).contains("Sigmoid").contains("ReLU");
    assertThat(svg).doesNotContain("<image");
  }

  @Test
  void unwritableFolderThrowsAndLeavesNothing() {
    Path out = dir.resolve("missing").resolve("plot.png");
    assertThatThrownBy(() -> PngExporter.write(plot(), Theme.light(), 100, 100, 1,
        Background.THEME, out)).isInstanceOf(IOException.class).hasMessageContaining("folder");
    assertThat(out).doesNotExist();
  }

  @Test
  void failedWriteKeepsTheOldFile() throws IOException {
    Path out = dir.resolve("keep.svg");
    Files.writeString(out, "old");
    assertThatThrownBy(() -> AtomicFiles.write(out, os -> {
      os.write("partial".getBytes());
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(Files.readString(out)).isEqualTo("old");
    assertThat(Files.list(dir).toList()).containsExactly(out);
  }
}
