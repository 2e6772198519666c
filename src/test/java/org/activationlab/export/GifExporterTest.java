package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.activation.Catalog;
import org.activationlab.render.FunctionPlotModel;
import org.activationlab.render.FunctionPlotRenderer;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotSeries;
import org.activationlab.render.Theme;
import org.activationlab.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifExporterTest {

  @TempDir
  Path dir;

  /** Frame k: the function plot with the viewport moved k units to the right. */
  static Picture plot(int k) {
    List<PlotSeries> series = List.of(
        new PlotSeries(Catalog.parse("sigmoid"), Palette.color(0), "Sigmoid"),
        new PlotSeries(Catalog.parse("tanh"), Palette.color(1), "Tanh"));
    Viewport v = new Viewport(-5 + k, 5 + k, -1.5, 1.5);
    return Picture.of("plot", (g, w, h, t) -> new FunctionPlotRenderer().draw(g, w, h,
        FunctionPlotModel.of(series, v, t)));
  }

  /** A gradient heatmap: the viridis ramp over twelve decades plus the legend. */
  static Picture heatmap() {
    double[] mags = new double[14];
    for (int j = 0; j < mags.length; j++) {
      mags[j] = Math.pow(10, -12 + j);
    }
    GradientHeatmapModel m = new GradientHeatmapModel("ramp", List.of(
        GradientHeatmapModel.Row.of("1 relu", mags, new boolean[14], 0, 0),
        GradientHeatmapModel.Row.of("2 output", new double[] {0, 1e-3}, new boolean[2], 0, 0)),
        -12, 2);
    return Picture.of("heatmap", (g, w, h, t) -> new GradientHeatmapRenderer().draw(g, w, h, m, t));
  }

  @Test
  void writesTheRequestedFramesAtTheRequestedSizeWithDelayAndLoop() throws IOException {
    Path out = dir.resolve("plot.gif");
    GifExporter.Options o = new GifExporter.Options(320, 180, 2, Theme.light(),
        Background.THEME, 15, true);
    try (GifExporter.Recorder r = GifExporter.start(out, o)) {
      for (int k = 0; k < 7; k++) {
        r.add(plot(k));
        assertThat(r.frames()).isEqualTo(k + 1);
        assertThat(out).as("nothing at the target before finish").doesNotExist();
      }
      r.finish();
    }
    GifFiles.Gif gif = GifFiles.read(out);
    assertThat(gif.frames()).hasSize(7);
    for (BufferedImage f : gif.frames()) {
      assertThat(f.getWidth()).isEqualTo(640);
      assertThat(f.getHeight()).isEqualTo(360);
    }
    assertThat(GifFiles.loops(gif.metadata().get(0))).isTrue();
    for (int i = 0; i < 7; i++) {
      assertThat(GifFiles.delay(gif, i)).isEqualTo(15);
    }
    for (int k = 1; k < 7; k++) {
      assertThat(GifFiles.difference(gif.frames().get(k - 1), gif.frames().get(k))[0])
          .as("frame %d differs from frame %d", k, k - 1).isGreaterThan(100);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void playOnceHasNoLoopExtension() throws IOException {
    Path out = dir.resolve("once.gif");
    GifExporter.write(out, new GifExporter.Options(200, 120, 1, Theme.dark(), Background.THEME,
        GifExporter.Options.centiseconds(250), false), List.of(plot(0), plot(1)));
    GifFiles.Gif gif = GifFiles.read(out);
    assertThat(gif.frames()).hasSize(2);
    assertThat(gif.metadata()).noneMatch(GifFiles::loops);
    assertThat(GifFiles.delay(gif, 0)).isEqualTo(25);
  }

  @Test
  void framesLookLikeThePngWithinATolerance() throws IOException {
    for (Background bg : List.of(Background.THEME, Background.WHITE)) {
      for (Theme theme : List.of(Theme.light(), Theme.dark())) {
        Path out = dir.resolve("colours-" + bg + "-" + theme.darkMode() + ".gif");
        List<Picture> pictures = List.of(heatmap(), plot(2));
        GifExporter.write(out, new GifExporter.Options(700, 300, 1, theme, bg, 10, true),
            pictures);
        GifFiles.Gif gif = GifFiles.read(out);
        for (int i = 0; i < pictures.size(); i++) {
          BufferedImage png = PngExporter.render(pictures.get(i), theme, 700, 300, 1, bg);
          double[] d = GifFiles.difference(png, gif.frames().get(i));
          // the palette is per frame: flat areas and the viridis cells stay within a few units,
          // antialiasing shades may be merged with a neighbour
          assertThat(d[1]).as("mean difference, %s %s frame %d", bg, theme.darkMode(), i)
              .isLessThan(1.5);
          assertThat(d[0]).as("largest difference, %s %s frame %d", bg, theme.darkMode(), i)
              .isLessThan(24);
        }
      }
    }
  }

  @Test
  void transparentBackgroundIsRefusedClearly() {
    assertThatThrownBy(() -> new GifExporter.Options(100, 100, 1, Theme.light(),
        Background.TRANSPARENT, 10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transparency").hasMessageContaining("white");
    assertThatThrownBy(() -> new GifExporter.Options(100, 100, 1, Theme.light(),
        Background.THEME, 0, true)).hasMessageContaining("delay");
  }

  @Test
  void anUnfinishedOrFailedAnimationLeavesNothing() throws IOException {
    Path out = dir.resolve("a.gif");
    GifExporter.Options o = new GifExporter.Options(100, 60, 1, Theme.light(), Background.THEME,
        10, true);
    try (GifExporter.Recorder r = GifExporter.start(out, o)) {
      r.add(plot(0));
      r.add(plot(1));
      // closed without finish, e.g. the run diverged
    }
    assertThat(dir).isEmptyDirectory();

    Picture broken = Picture.of("broken", (g, w, h, t) -> {
      throw new IllegalStateException("renderer failed");
    });
    assertThatThrownBy(() -> GifExporter.write(out, o, List.of(plot(0), broken)))
        .hasMessageContaining("renderer failed");
    assertThat(dir).isEmptyDirectory();

    assertThatThrownBy(() -> GifExporter.write(out, o, List.of()))
        .isInstanceOf(IOException.class).hasMessageContaining("at least one frame");
    assertThat(dir).isEmptyDirectory();

    Path folder = Files.createDirectory(dir.resolve("folder.gif"));
    assertThatThrownBy(() -> GifExporter.write(folder, o, List.of(plot(0))))
        .isInstanceOf(IOException.class).hasMessageContaining("is a folder");
    assertThatThrownBy(() -> GifExporter.start(dir.resolve("no/such/x.gif"), o))
        .isInstanceOf(IOException.class).hasMessageContaining("folder does not exist");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(folder);
    }
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void aFailedAtomicWriteLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("x.png");
    assertThatThrownBy(() -> AtomicFiles.write(out, os -> {
      os.write(new byte[1000]);
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(dir).isEmptyDirectory();
    Path existing = dir.resolve("keep.txt");
    Files.writeString(existing, "old");
    assertThatThrownBy(() -> AtomicFiles.write(existing, os -> {
      os.write("new, half".getBytes());
      throw new IOException("interrupted");
    })).hasMessage("interrupted");
    assertThat(Files.readString(existing)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(existing);
    }
  }
}
