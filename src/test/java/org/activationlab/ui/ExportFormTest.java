package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.activationlab.export.Background;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The export form: presets set the size, the preview and size line follow, choices are kept. */
@ExtendWith(ApplicationExtension.class)
class ExportFormTest {

  private final Preferences memory =
      Preferences.userRoot().node("org/activationlab-test/export-" + System.nanoTime());
  private final Picture picture = Picture.of("square", (g, w, h, t) -> {
    g.setColor(java.awt.Color.RED);
    g.fill(new java.awt.geom.Rectangle2D.Double(w * 0.25, h * 0.25, w * 0.5, h * 0.5));
  });
  private ExportForm form;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    form = new ExportForm(picture, Theme.light(), 800, 500, memory);
    stage.setScene(new Scene(form, 900, 400));
    stage.show();
  }

  @AfterEach
  void tearDown() throws Exception {
    memory.removeNode();
  }

  @Test
  void presetsScaleAndFormatShapeTheChoiceAndAreRemembered(FxRobot robot) {
    // as on screen by default
    ExportDialog.Choice first = form.choose();
    assertThat(first.width()).isEqualTo(800);
    assertThat(first.height()).isEqualTo(500);
    assertThat(form.sizeText()).isEqualTo("1600 × 1000 pixels");
    assertThat(form.preview().getImage().getWidth()).isEqualTo(360);

    ChoiceBox<Integer> size = robot.lookup("#export-size").queryAs(ChoiceBox.class);
    ChoiceBox<Integer> scale = robot.lookup("#export-scale").queryAs(ChoiceBox.class);
    ChoiceBox<Background> background = robot.lookup("#export-background").queryAs(ChoiceBox.class);
    robot.interact(() -> {
      size.setValue(1); // 1280 × 720
      scale.setValue(3);
      background.setValue(Background.WHITE);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(form.sizeText()).isEqualTo("3840 × 2160 pixels");
    assertThat(form.preview().getImage().getHeight()).isEqualTo(Math.round(720 * 360 / 1280.0));
    ExportDialog.Choice c = form.choose();
    assertThat(c).isEqualTo(new ExportDialog.Choice(false, 1280, 720, 3, Background.WHITE));

    ChoiceBox<String> format = robot.lookup("#export-format").queryAs(ChoiceBox.class);
    robot.interact(() -> format.setValue("SVG"));
    assertThat(scale.isDisabled()).isTrue();
    assertThat(form.sizeText()).startsWith("vector");
    form.choose();

    // the next export starts from these choices
    ExportForm[] next = new ExportForm[1];
    robot.interact(() -> next[0] = new ExportForm(picture, Theme.light(), 640, 480, memory));
    assertThat(next[0].choose()).isEqualTo(new ExportDialog.Choice(true, 1280, 720, 3,
        Background.WHITE));
  }
}
