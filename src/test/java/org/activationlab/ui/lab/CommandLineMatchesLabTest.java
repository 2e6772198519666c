package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.activationlab.cli.Cli;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.ThemeManager;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One run, one picture pipeline: the command line's heatmap of a step and the Lab's PNG export
 * of the same step of the same run are the same picture, pixel for pixel, in either language and
 * theme.
 */
class CommandLineMatchesLabTest {

  static final int STEPS = 60;

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"en, light", "zh, dark"})
  void heatmapFromTheCommandLineEqualsTheLabsExport(String lang, String theme) throws Exception {
    Path cli = dir.resolve("cli.png");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Cli.run(new String[] {"train", "--preset", "deep-sigmoid", "--steps",
        String.valueOf(STEPS), "--heatmap", cli.toString(), "--lang", lang, "--theme", theme},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();

    Path lab = dir.resolve("lab.png");
    try (LabModel model = new LabModel(Presets.get("deep-sigmoid").scenario())) {
      model.trainer().submit(new Command.Step(STEPS));
      TrainingSnapshot s = model.await(x -> x.step() == STEPS, Duration.ofSeconds(30));
      LabPictures pictures = new LabPictures(model);
      pictures.show(s);
      ThemeManager themes = new ThemeManager();
      themes.setDark(theme.equals("dark"));
      themes.setLocale(Locale.forLanguageTag(lang));
      // what the export dialog writes for a PNG of this picture at the command line's size
      PngExporter.write(LabPicture.HEATMAP.of(pictures.forExport()), themes.renderTheme(), 1000,
          80 + 46 * s.layers().size(), 1, Background.THEME, lab);
    }

    BufferedImage a = ImageIO.read(cli.toFile());
    BufferedImage b = ImageIO.read(lab.toFile());
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).isEqualTo(b.getHeight());
    int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
    int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    assertThat(pa).as("the same picture, pixel for pixel").isEqualTo(pb);
    long background = java.util.Arrays.stream(pa).filter(p -> p == pa[0]).count();
    assertThat(background).as("a picture was drawn, not an empty image")
        .isLessThan(pa.length * 9L / 10);
  }
}
