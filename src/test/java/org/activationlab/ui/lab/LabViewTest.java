package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.render.ColorMap;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real Lab as a teacher would (headless under Monocle): presets, Space/S/R, an invalid
 * and a diverging learning rate, hovering; checks what the pictures show by their pixels and
 * saves a screenshot of each state under {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

  @org.junit.jupiter.api.io.TempDir
  Path dir;

  private LabModel model;
  private LabView view;
  private ThemeManager themes;

  @BeforeAll
  static void english() {
    I18n.setLocale(java.util.Locale.ENGLISH);
  }

  @Start
  void start(Stage stage) {
    model = new LabModel();
    themes = new ThemeManager();
    view = new LabView(model, themes);
    Scene scene = new Scene(view, 1600, 1000);
    themes.attach(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stopTrainer() {
    model.close();
  }

  @Test
  void teachingSessionWithPresetsKeysInvalidAndDivergingLearningRates(FxRobot robot)
      throws Exception {
    // --- deep sigmoid: play with Space, the gradient fades towards the input
    choosePreset(robot, "deep-sigmoid");
    TrainingSnapshot loaded = awaitShown(s -> s.scenario().equals(
        Presets.get("deep-sigmoid").scenario()) && s.step() == 0);
    int[] heatmapAtStart = pixels(robot, view.heatmapPanel().canvas());
    robot.type(KeyCode.SPACE);
    TrainingSnapshot running = awaitShown(s -> s.playing() && s.step() >= 300);
    assertThat(running.step()).isGreaterThan(loaded.step());
    assertThat(view.statusBar().getText()).startsWith("step ");
    robot.type(KeyCode.SPACE);
    TrainingSnapshot paused = awaitShown(s -> !s.playing());
    int[] heatmapTrained = pixels(robot, view.heatmapPanel().canvas());
    assertThat(differing(heatmapAtStart, heatmapTrained)).as("heatmap cells changed")
        .isGreaterThan(500);
    // the first hidden layer's cells sit far down the colour scale from the last hidden layer's
    double first = scalePosition(robot, 0, 0);
    double last = scalePosition(robot, 7, 0);
    double decades = (last - first) * 14; // the scale spans 1e-12..1e2
    assertThat(decades).as("decades between last and first hidden layer").isGreaterThan(2.5);
    double ratio = paused.layers().get(7).gradMeanAbs() / paused.layers().get(0).gradMeanAbs();
    assertThat(ratio).isGreaterThan(300);
    save(robot, view, "lab-deep-sigmoid.png");

    // pause stops the counter: a later command is applied, and no step came in between
    long stoppedAt = paused.step();
    long applied = model.latest().commandsApplied();
    model.setSpeed(model.speed());
    TrainingSnapshot later = awaitShown(s -> s.commandsApplied() > applied);
    assertThat(later.step()).isEqualTo(stoppedAt);
    assertThat(later.playing()).isFalse();
    assertThat(view.shown().step()).isEqualTo(stoppedAt);

    // S advances exactly one step, R goes back to step 0
    robot.type(KeyCode.S);
    assertThat(awaitShown(s -> s.step() != stoppedAt).step()).isEqualTo(stoppedAt + 1);
    robot.type(KeyCode.R);
    assertThat(awaitShown(s -> s.step() == 0).playing()).isFalse();

    // hovering over a heatmap cell gives its exact numbers
    Rectangle2D cell = cellRect(0, 2);
    Bounds b = view.heatmapPanel().canvas().canvas().localToScreen(
        view.heatmapPanel().canvas().canvas().getBoundsInLocal());
    robot.moveTo(new Point2D(b.getMinX() + cell.getCenterX(), b.getMinY() + cell.getCenterY()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.heatmapPanel().readoutText())
        .contains("layer 1 (sigmoid), neuron 3").contains("mean |δ| =");
    save(robot, view, "lab-hover.png");

    // an invalid learning rate is refused beside the field; the rate stays
    double rate = model.scenario().learningRate();
    SettingField lr = view.controls().field("learningRate");
    robot.interact(() -> lr.enter("-1"));
    assertThat(lr.errorText()).contains("learning rate");
    assertThat(robot.lookup("#error-learningRate").queryAs(javafx.scene.control.Label.class)
        .isVisible()).isTrue();
    assertThat(model.scenario().learningRate()).isEqualTo(rate);
    save(robot, view, "lab-invalid-learning-rate.png");

    // the layer spinner rebuilds the network with that many hidden layers of the same width
    robot.interact(() -> robot.lookup("#lab-depth").queryAs(javafx.scene.control.Spinner.class)
        .getValueFactory().setValue(3));
    assertThat(model.scenario().hidden()).containsExactly(8, 8, 8);
    assertThat(awaitShown(s -> s.layers().size() == 4).step()).isZero();
    assertThat(view.controls().field("hidden").text()).isEqualTo("8x3");

    // --- dead ReLUs: the dead % is above zero and dead cells are crossed out
    choosePreset(robot, "dead-relu");
    awaitShown(s -> s.scenario().equals(Presets.get("dead-relu").scenario()) && s.step() == 0);
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(300)));
    TrainingSnapshot dead = awaitShown(s -> s.step() == 300);
    assertThat(dead.deadFraction()).isGreaterThan(0);
    assertThat(view.statusBar().getText()).contains("dead units")
        .doesNotContain("dead units 0.0 %");
    int[] deadCell = findDeadUnit(dead);
    Rectangle2D r = cellRect(deadCell[0], deadCell[1]);
    int[] px = pixels(robot, view.heatmapPanel().canvas());
    int w = (int) view.heatmapPanel().canvas().canvas().getWidth();
    int centre = px[(int) r.getCenterY() * w + (int) r.getCenterX()];
    assertThat(luminance(centre)).as("✕ drawn over the dead unit").isLessThan(80);
    save(robot, view, "lab-dead-relu.png");

    // --- record a GIF of the heatmap and save the run's statistics
    Path gif = dir.resolve("heatmap.gif");
    robot.interact(() -> assertThat(view.startRecording(new GifRecording.Plan(
        LabPicture.HEATMAP, 4, 5, false, 640, 320, 100, true, gif))).isTrue());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.recording() == null);
    assertThat(robot.lookup("#lab-notice").queryAs(javafx.scene.control.Label.class).getText())
        .startsWith("Saved heatmap.gif (4 frames)");
    try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
      var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(4);
      assertThat(reader.read(0).getWidth()).isEqualTo(640);
    }
    robot.type(KeyCode.SPACE); // recording started playback: pause again
    awaitShown(s -> !s.playing());
    Path stats = gif.resolveSibling("stats.json");
    robot.interact(() -> assertThat(view.saveStatistics(stats)).isTrue());
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.toFile());
    assertThat(root.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(root.get("records").size()).isGreaterThan(2);
    assertThat(root.get("layers").get(3).get("activation").asText()).isEqualTo("sigmoid");

    // --- a diverging learning rate pauses training with a banner saying so
    choosePreset(robot, "leaky-relu");
    awaitShown(s -> s.scenario().equals(Presets.get("leaky-relu").scenario()) && s.step() == 0);
    robot.interact(() -> view.controls().field("learningRate").enter("100"));
    robot.type(KeyCode.SPACE);
    TrainingSnapshot diverged = awaitShown(TrainingSnapshot::diverged);
    assertThat(diverged.playing()).isFalse();
    assertThat(view.bannerShown()).isTrue();
    assertThat(view.bannerLabel().getText()).contains("Stopped at step").contains("diverged")
        .contains("Lower the learning rate");
    save(robot, view, "lab-diverged.png");
    // reset clears the banner
    robot.clickOn("#lab-reset");
    awaitShown(s -> s.step() == 0 && !s.diverged());
    assertThat(view.bannerShown()).isFalse();
  }

  // -------------------------------------------------------------------------------- helpers

  private void choosePreset(FxRobot robot, String name) {
    ComboBox<Presets.Preset> combo = robot.lookup("#preset-choice").queryComboBox();
    robot.clickOn(combo);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(Presets.get(name).title(I18n.locale()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(combo.getValue().name()).isEqualTo(name);
    assertThat(model.presetProperty().get()).isEqualTo(name);
  }

  /** Waits until the view shows a snapshot matching the condition. */
  private TrainingSnapshot awaitShown(Predicate<TrainingSnapshot> condition)
      throws TimeoutException {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> condition.test(view.shown()));
    WaitForAsyncUtils.waitForFxEvents();
    return view.shown();
  }

  private Rectangle2D cellRect(int layer, int j) {
    PictureCanvas c = view.heatmapPanel().canvas();
    return view.pictures().heatmapCell(layer, j, c.canvas().getWidth(), c.canvas().getHeight(),
        themes.renderTheme());
  }

  /** Where the colour at the centre of a heatmap cell sits on the viridis scale, 0..1. */
  private double scalePosition(FxRobot robot, int layer, int j) {
    int[] px = pixels(robot, view.heatmapPanel().canvas());
    int w = (int) view.heatmapPanel().canvas().canvas().getWidth();
    Rectangle2D r = cellRect(layer, j);
    int argb = px[(int) r.getCenterY() * w + (int) r.getCenterX()];
    assertThat(argb & 0xFFFFFF).as("a viridis colour, not the zero grey")
        .isNotEqualTo(GradientHeatmapRenderer.ZERO_COLOR.getRGB() & 0xFFFFFF);
    double best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int i = 0; i <= 1000; i++) {
      int c = ColorMap.VIRIDIS.argb(i / 1000.0);
      double d = sq(((c >> 16) & 255) - ((argb >> 16) & 255)) + sq(((c >> 8) & 255)
          - ((argb >> 8) & 255)) + sq((c & 255) - (argb & 255));
      if (d < bestDistance) {
        bestDistance = d;
        best = i / 1000.0;
      }
    }
    assertThat(bestDistance).as("cell colour is on the viridis scale").isLessThan(30);
    return best;
  }

  private static int[] findDeadUnit(TrainingSnapshot s) {
    for (LayerSnapshot l : s.layers()) {
      for (int j = 0; j < l.width(); j++) {
        if (l.isDead(j)) {
          return new int[] {l.index(), j};
        }
      }
    }
    throw new AssertionError("no dead unit");
  }

  private static double sq(double v) {
    return v * v;
  }

  private static int luminance(int argb) {
    return (int) (0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF)
        + 0.0722 * (argb & 0xFF));
  }

  private static int[] pixels(FxRobot robot, PictureCanvas canvas) {
    return FxPixels.pixels(robot, canvas.canvas());
  }

  private static long differing(int[] a, int[] b) {
    return FxPixels.differing(a, b);
  }

  private static void save(FxRobot robot, Node node, String name) throws IOException {
    FxPixels.save(robot, node, name);
  }
}
