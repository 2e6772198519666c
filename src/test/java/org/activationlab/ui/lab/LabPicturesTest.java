package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.nn.DatasetKind;
import org.activationlab.render.Theme;
import org.activationlab.training.Command;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.I18n;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Lab picture draws for every kind of data (binary, three classes, 1-D regression) in both
 * languages and themes, and each readout answers over the middle of its picture.
 */
class LabPicturesTest {

  @ParameterizedTest
  @EnumSource(value = DatasetKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void everyPictureDrawsAndAnswersHoverForEveryDataSet(DatasetKind kind) throws Exception {
    I18n.setLocale(Locale.ENGLISH);
    try (LabModel model = new LabModel()) {
      assertThat(model.set("dataset", kind.id())).isEmpty();
      model.trainer().submit(new Command.Step(25));
      TrainingSnapshot s = model.await(x -> x.step() == 25
          && x.scenario().dataset() == kind, Duration.ofSeconds(30));
      LabPictures pictures = new LabPictures(model);
      pictures.show(s);
      for (Theme theme : new Theme[] {Theme.light(),
          Theme.dark().withLocale(Locale.SIMPLIFIED_CHINESE).scaled(1.5)}) {
        for (LabPicture p : LabPicture.values()) {
          BufferedImage img = PngExporter.render(p.of(pictures.forExport()), theme, 700, 320, 1,
              Background.THEME);
          assertThat(distinctColours(img)).as(kind + " " + p).isGreaterThan(8);
        }
        double w = 700;
        double h = 320;
        assertThat(pictures.heatmapAt(w * 0.5, h * 0.35, w, h, theme)).as("heatmap")
            .hasValueSatisfying(text -> assertThat(text).containsPattern(
                "update : weight = \\d[0-9.e+-]* per step"));
        assertThat(pictures.lossAt(w * 0.5, h * 0.5, w, h, theme)).as("loss").isPresent();
        assertThat(pictures.historyAt(w * 0.5, h * 0.3, w, h, theme)).as("history").isPresent();
        assertThat(pictures.activationsAt(w * 0.5, h * 0.5, w, h, theme)).isPresent();
        assertThat(pictures.boundaryAt(w * 0.5, h * 0.5, w, h, theme)).as("boundary")
            .isPresent();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void hoveringAUnitSaysDeadOrHowOftenAReluIsOffAndNeverSaturated() throws Exception {
    I18n.setLocale(Locale.ENGLISH);
    try (LabModel model = new LabModel()) {
      assertThat(model.set("activation", "relu")).isEmpty();
      assertThat(model.set("biasInit", "constant:value=-0.3")).isEmpty();
      model.trainer().submit(new Command.Step(3));
      TrainingSnapshot s = model.await(x -> x.step() == 3
          && x.scenario().activationOf(0).equals("relu"), Duration.ofSeconds(30));
      LabPictures pictures = new LabPictures(model);
      pictures.show(s);
      Theme theme = Theme.light();
      double w = 900;
      double h = 400;
      var layer = s.layers().get(0);
      for (int j = 0; j < layer.width(); j++) {
        java.awt.geom.Rectangle2D cell = pictures.heatmapCell(0, j, w, h, theme);
        String text = pictures.heatmapAt(cell.getCenterX(), cell.getCenterY(), w, h, theme)
            .orElseThrow();
        assertThat(text).as("unit " + j).doesNotContain("saturated")
            .contains(layer.isDead(j) ? "dead"
                : "inactive (f′ = 0) for "
                    + org.activationlab.render.LabModels.percent(layer.unitInactiveFraction(j)));
      }
    }
  }

  private static long distinctColours(BufferedImage img) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
