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
import org.activationlab.render.ColorMap;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real Lab as a teacher would (headless under Monocle): presets, Space/S/R, an invalid
 * and a diverging learning rate, hovering; checks what the pictures show by their pixels and
 * saves a screenshot of each state under {@code target/screenshots}. One stage is started for the
 * class; each test loads the preset it needs, so the tests do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabViewTest {

  @org.junit.jupiter.api.io.TempDir
  Path dir;

  private final FxRobot robot = new FxRobot();
  private LabModel model;
  private LabView view;
  private ThemeManager themes;

  @BeforeAll
  void startStage() throws Exception {
    I18n.setLocale(java.util.Locale.ENGLISH);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(stage -> {
      model = new LabModel();
      themes = new ThemeManager();
      view = new LabView(model, themes);
      Scene scene = new Scene(view, 1600, 1000);
      themes.attach(scene);
      stage.setScene(scene);
      stage.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterAll
  void stopStage() throws Exception {
    model.close();
    FxToolkit.cleanupStages();
  }

  @Test
  void spacePlaysDeepSigmoidToItsDesignedStepAndTheGradientFadesTowardsTheInput()
      throws Exception {
    load("deep-sigmoid");
    assertThat(model.speed()).as("the preset's watching speed").isEqualTo(20);
    robot.interact(() -> model.setSpeed(0)); // the test need not watch for 15 s
    int[] heatmapAtStart = pixels(view.heatmapPanel().canvas());
    robot.type(KeyCode.SPACE);
    // the preset is designed for 300 steps: playing stops there, and says so
    TrainingSnapshot paused = awaitShown(s -> !s.status().playing() && s.step() > 0);
    assertThat(paused.step()).isEqualTo(Presets.get("deep-sigmoid").scenario().steps());
    assertThat(view.statusBar().getText()).startsWith("step 300 ")
        .contains("stopped at its designed step");
    int[] heatmapTrained = pixels(view.heatmapPanel().canvas());
    assertThat(differing(heatmapAtStart, heatmapTrained)).as("heatmap cells changed")
        .isGreaterThan(500);
    // the first hidden layer's cells sit far down the colour scale from the last hidden layer's
    double first = scalePosition(0, 0);
    double last = scalePosition(7, 0);
    double decades = (last - first) * 14; // the scale spans 1e-12..1e2
    assertThat(decades).as("decades between last and first hidden layer").isGreaterThan(2.5);
    double ratio = paused.layers().get(7).gradMeanAbs() / paused.layers().get(0).gradMeanAbs();
    assertThat(ratio).isGreaterThan(300);
    save("lab-deep-sigmoid.png");
  }

  @Test
  void pausedTrainingTakesNoStepsBetweenCommands() throws Exception {
    load("deep-sigmoid");
    robot.type(KeyCode.SPACE);
    awaitShown(s -> s.status().playing() && s.step() > 0);
    robot.type(KeyCode.SPACE);
    TrainingSnapshot paused = awaitShown(s -> !s.status().playing());
    long applied = model.latest().status().commandsApplied();
    robot.interact(() -> model.setSpeed(model.speed())); // any later command
    TrainingSnapshot later = awaitShown(s -> s.status().commandsApplied() > applied);
    assertThat(later.step()).isEqualTo(paused.step());
    assertThat(later.status().playing()).isFalse();
  }

  @Test
  void keySStepsOnceAndKeyRResets() throws Exception {
    load("deep-sigmoid");
    robot.type(KeyCode.S);
    assertThat(awaitShown(s -> s.step() != 0).step()).isEqualTo(1);
    robot.type(KeyCode.S);
    assertThat(awaitShown(s -> s.step() != 1).step()).isEqualTo(2);
    robot.type(KeyCode.R);
    TrainingSnapshot reset = awaitShown(s -> s.step() == 0);
    assertThat(reset.status().playing()).isFalse();
  }

  @Test
  void hoveringAHeatmapCellReadsItsNumbers() throws Exception {
    load("deep-sigmoid");
    Rectangle2D cell = cellRect(0, 2);
    Bounds b = view.heatmapPanel().canvas().canvas().localToScreen(
        view.heatmapPanel().canvas().canvas().getBoundsInLocal());
    robot.moveTo(new Point2D(b.getMinX() + cell.getCenterX(), b.getMinY() + cell.getCenterY()));
    WaitForAsyncUtils.waitForFxEvents();
    String expected = LabPictures.num(view.shown().layers().get(0).neuronGrad(2));
    assertThat(view.heatmapPanel().readoutText())
        .contains("layer 1 (sigmoid), neuron 3").contains("mean |δ| = " + expected);
    save("lab-hover.png");
  }

  @Test
  void lockingTheColoursKeepsTheScaleWhileTrainingGoesOn() throws Exception {
    load("deep-sigmoid");
    TrainingSnapshot start = awaitShown(s -> s.step() == 0);
    org.activationlab.render.DecadeRange fitted =
        org.activationlab.render.LabModels.gradientRange(start);
    robot.clickOn("#heatmap-lock");
    assertThat(model.gradientLock()).contains(fitted);
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(300)));
    TrainingSnapshot later = awaitShown(s -> s.step() == 300);
    assertThat(org.activationlab.render.LabModels.gradientRange(later))
        .as("300 steps of deep sigmoid change the fitted range").isNotEqualTo(fitted);
    org.activationlab.render.GradientHeatmapModel shown =
        view.pictures().screen().heatmapModel(themes.renderTheme());
    assertThat(shown.decadeMin()).isEqualTo(fitted.min());
    assertThat(shown.decadeMax()).isEqualTo(fitted.max());
    assertThat(shown.locked()).isTrue();
    save("lab-heatmap-locked.png");
    robot.clickOn("#heatmap-lock");
    assertThat(model.gradientLock()).isEmpty();
    assertThat(view.pictures().screen().heatmapModel(themes.renderTheme()).decadeMin())
        .isEqualTo(org.activationlab.render.LabModels.gradientRange(later).min());
  }

  @Test
  void theTimelineGoesBackInTimeReturnsAndContinuesFromAPastStep() throws Exception {
    load("deep-sigmoid");
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(60)));
    TrainingSnapshot at60 = awaitShown(s -> s.step() == 60);
    assertThat(view.timeline().slider().getMax()).isEqualTo(60);
    robot.interact(() -> view.timeline().slider().setValue(20)); // as a drag ends
    TrainingSnapshot past = awaitShown(s -> s.step() == 20);
    assertThat(past.status().liveStep()).isEqualTo(60);
    assertThat(robot.lookup("#timeline-step").queryAs(javafx.scene.control.Label.class)
        .getText()).isEqualTo("step 20 of 60");
    assertThat(view.pictures().screen().heatmapModel(themes.renderTheme()).title())
        .contains("step 20");
    save("lab-timeline-past.png");
    robot.clickOn("#timeline-live");
    TrainingSnapshot live = awaitShown(s -> s.step() == 60);
    assertThat(live.weights().parameters()).isEqualTo(at60.weights().parameters());
    robot.interact(() -> view.timeline().slider().setValue(20));
    awaitShown(s -> s.step() == 20);
    robot.clickOn("#timeline-continue");
    TrainingSnapshot branch = awaitShown(s -> s.status().liveStep() == 20);
    assertThat(branch.weights().parameters()).isEqualTo(past.weights().parameters());
    assertThat(view.timeline().slider().getMax()).isEqualTo(20);
    robot.clickOn("#timeline-switch"); // back to the branch that went on to step 60
    TrainingSnapshot old = awaitShown(s -> s.status().liveStep() == 60);
    assertThat(old.weights().parameters()).isEqualTo(at60.weights().parameters());
  }

  @Test
  void comparingDeepSigmoidWithReluHeShowsBothSideBySideInLockstep() throws Exception {
    load("deep-sigmoid");
    robot.clickOn("#lab-compare");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(I18n.text("lab.compare.pair", Presets.get("deep-sigmoid").title(I18n.locale()),
        Presets.get("relu-he").title(I18n.locale())));
    awaitShown(s -> s.comparing() && s.step() == 0);
    assertThat(robot.lookup("#lab-compare-header").queryAs(javafx.scene.control.Label.class)
        .getText()).contains("Activation: sigmoid → relu")
        .contains("Weight init: glorot_uniform → he_normal");
    robot.interact(() -> model.setSpeed(0));
    robot.clickOn("#lab-play");
    // the pair plays to the presets' designed 300 steps and pauses there
    TrainingSnapshot paused = awaitShown(s -> !s.status().playing() && s.step() == 300);
    assertThat(paused.compared().step()).as("both runs at the same step").isEqualTo(paused.step());
    assertThat(view.statusBar().getText()).contains("B: loss");

    // both halves of the heatmap drawn, on one colour scale
    int[] px = pixels(view.heatmapPanel().canvas());
    int w = (int) view.heatmapPanel().canvas().canvas().getWidth();
    int h = (int) view.heatmapPanel().canvas().canvas().getHeight();
    org.activationlab.render.SideBySide.Halves halves =
        org.activationlab.render.SideBySide.layout(w, h, themes.renderTheme());
    assertThat(coloursIn(px, w, halves.a())).as("A's heatmap").isGreaterThan(8);
    assertThat(coloursIn(px, w, halves.b())).as("B's heatmap").isGreaterThan(8);
    var screen = view.pictures().screen();
    assertThat(screen.heatmapModel(themes.renderTheme()).decadeMin())
        .isEqualTo(screen.side(1).heatmapModel(themes.renderTheme()).decadeMin());

    // hovering reads both runs' unit at that place
    Rectangle2D cell = cellRect(0, 2);
    Bounds b = view.heatmapPanel().canvas().canvas().localToScreen(
        view.heatmapPanel().canvas().canvas().getBoundsInLocal());
    robot.moveTo(new Point2D(b.getMinX() + cell.getCenterX(), b.getMinY() + cell.getCenterY()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.heatmapPanel().readoutText()).contains("A · layer 1 (sigmoid), neuron 3")
        .contains("B · layer 1 (relu), neuron 3");
    robot.moveTo(view.statusBar());
    save("lab-compare-deep-sigmoid-relu-he.png");

    // the timeline takes both back, and continuing forks both
    robot.interact(() -> view.timeline().slider().setValue(20));
    TrainingSnapshot past = awaitShown(s -> s.step() == 20);
    assertThat(past.compared().step()).isEqualTo(20);
    robot.clickOn("#timeline-continue");
    TrainingSnapshot forked = awaitShown(s -> s.status().liveStep() == 20);
    assertThat(forked.comparing()).isTrue();
    assertThat(forked.compared().step()).isEqualTo(20);

    robot.clickOn("#lab-compare");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(I18n.text("lab.compare.end"));
    TrainingSnapshot alone = awaitShown(s -> !s.comparing());
    assertThat(alone.scenario()).isEqualTo(Presets.get("deep-sigmoid").scenario());
  }

  private static long coloursIn(int[] px, int w, Rectangle2D r) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = (int) r.getMinY() + 1; y < r.getMaxY() - 1; y += 2) {
      for (int x = (int) r.getMinX() + 1; x < r.getMaxX() - 1; x += 2) {
        seen.add(px[y * w + x]);
      }
    }
    return seen.size();
  }

  @Test
  void drawnPointsOfTwoClassesTrainAndTheBoundarySeparatesThem() throws Exception {
    load("playground");
    robot.clickOn("#lab-edit-data");
    DataEditBar bar = view.controls().dataEdit();
    assertThat(bar.editing()).isTrue();
    robot.clickOn("#edit-clear");
    var canvas = view.boundaryPanel().canvas().canvas();
    var screen = view.pictures().screen();
    var theme = themes.renderTheme();
    var frame = screen.boundaryRenderer().frame(canvas.getWidth(), canvas.getHeight(),
        screen.boundaryModel(theme), theme);
    Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
    // two clicks of each class with the mouse, as a user would
    for (int k = 0; k < 4; k++) {
      int cls = k % 2;
      robot.clickOn("#edit-class-" + cls);
      double x = cls == 0 ? -0.6 + 0.1 * k : 0.4 + 0.1 * k;
      robot.clickOn(new Point2D(b.getMinX() + frame.toPixelX(x),
          b.getMinY() + frame.toPixelY(cls == 0 ? 0.5 : -0.5)));
    }
    assertThat(bar.editor().points()).hasSize(4);
    // then 18 more of each, left and right of x = 0
    java.util.Random r = new java.util.Random(3);
    robot.interact(() -> {
      for (int k = 0; k < 36; k++) {
        int cls = k % 2;
        robot.lookup("#edit-class-" + cls).queryAs(javafx.scene.control.ToggleButton.class)
            .setSelected(true);
        bar.press((cls == 0 ? -0.6 : 0.6) + 0.3 * r.nextGaussian(), 0.5 * r.nextGaussian(),
            0.01, 0.01, true);
      }
    });
    assertThat(bar.editor().points()).hasSize(40);
    TrainingSnapshot fresh = awaitShown(s -> s.scenario().dataset().id().equals("custom")
        && s.scenario().samples() == 40 && s.step() == 0);
    assertThat(fresh.scenario().points().size()).isEqualTo(40);
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(400)));
    TrainingSnapshot trained = awaitShown(s -> s.step() == 400 && s.scenario().samples() == 40);
    assertThat(trained.scores().accuracy()).as("the boundary separates the two groups")
        .isEqualTo(1.0);
    save("lab-own-data.png");

    // undo the last point, redo it
    robot.clickOn("#edit-undo");
    awaitShown(s -> s.scenario().samples() == 39);
    robot.clickOn("#edit-redo");
    awaitShown(s -> s.scenario().samples() == 40);

    // a refused CSV names its line and changes nothing; a good one trains
    java.nio.file.Path bad = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(bad, "x,y,label\n0,0,0\n1,abc,1\n");
    robot.interact(() -> bar.loadCsv(bad));
    assertThat(robot.lookup("#lab-data-message").queryAs(javafx.scene.control.Label.class)
        .getText()).contains("bad.csv:3");
    assertThat(model.scenario().samples()).isEqualTo(40);
    java.nio.file.Path good = dir.resolve("good.csv");
    StringBuilder csv = new StringBuilder("x,y,label\n");
    for (int k = 0; k < 10; k++) {
      csv.append(-1 + 0.05 * k).append(",0.2,0\n").append(1 - 0.05 * k).append(",-0.2,1\n");
    }
    java.nio.file.Files.writeString(good, csv);
    robot.interact(() -> bar.loadCsv(good));
    awaitShown(s -> s.scenario().samples() == 20 && s.step() == 0);

    // input features as toggles
    robot.clickOn("#lab-edit-data"); // editing off
    robot.clickOn("#feature-x1sq");
    TrainingSnapshot squared = awaitShown(s -> s.scenario().features().spec().contains("x1sq"));
    assertThat(squared.weights().inputSize()).isEqualTo(3);
  }

  @Test
  void keysOneToSixFocusAPictureArrowsWalkAndEscapeReturns() throws Exception {
    load("deep-sigmoid");
    robot.type(KeyCode.DIGIT3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isEqualTo(LabPicture.HEATMAP);
    double alone = view.heatmapPanel().canvas().canvas().getWidth();
    assertThat(view.lookup("#lab-pictures")).as("the six-picture grid is gone").isNull();
    assertThat(alone).as("the heatmap fills the Lab's width").isGreaterThan(
        ((javafx.scene.layout.Region) view.getCenter()).getWidth() * 0.9);
    save("lab-focus-heatmap.png");
    robot.type(KeyCode.SPACE); // training goes on while focused
    awaitShown(s -> s.status().playing() && s.step() > 20);
    robot.type(KeyCode.SPACE);
    robot.type(KeyCode.RIGHT);
    assertThat(view.focusedPicture()).isEqualTo(LabPicture.LOSS);
    robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
    assertThat(view.focusedPicture()).isEqualTo(LabPicture.BOUNDARY);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isNull();
    assertThat(view.lookup("#lab-pictures")).as("all six again").isNotNull();
    assertThat(view.heatmapPanel().canvas().canvas().getWidth()).isLessThan(alone * 0.8);
    // double-click a picture to focus it, again to return
    Node canvas = view.heatmapPanel().canvas().canvas();
    robot.doubleClickOn(canvas);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isEqualTo(LabPicture.HEATMAP);
    robot.doubleClickOn(canvas);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isNull();
  }

  @Test
  void anInvalidLearningRateIsRefusedBesideTheField() throws Exception {
    load("deep-sigmoid");
    double rate = model.scenario().learningRate();
    SettingField lr = view.controls().field("learningRate");
    robot.interact(() -> lr.enter("-1"));
    assertThat(lr.errorText()).contains("learning rate");
    assertThat(robot.lookup("#error-learningRate").queryAs(javafx.scene.control.Label.class)
        .isVisible()).isTrue();
    assertThat(model.scenario().learningRate()).isEqualTo(rate);
    save("lab-invalid-learning-rate.png");
  }

  @Test
  void theLearningRateSliderChangesTheRateLiveKeepingTheWeights() throws Exception {
    load("deep-sigmoid");
    robot.type(KeyCode.S);
    TrainingSnapshot before = awaitShown(s -> s.step() == 1);
    robot.interact(() -> robot.lookup("#lab-lr-slider").queryAs(javafx.scene.control.Slider.class)
        .setValue(-0.5)); // 10^-0.5 = 0.316…, three digits kept (the preset has 0.1)
    TrainingSnapshot after = awaitShown(s -> s.scenario().learningRate() == 0.316);
    assertThat(after.runId()).as("a live change keeps the run").isEqualTo(before.runId());
    assertThat(after.step()).isEqualTo(1);
    assertThat(view.controls().field("learningRate").text()).isEqualTo("0.316");
  }

  @Test
  void theDepthSpinnerRebuildsTheNetwork() throws Exception {
    load("deep-sigmoid");
    robot.interact(() -> robot.lookup("#lab-depth").queryAs(javafx.scene.control.Spinner.class)
        .getValueFactory().setValue(3));
    assertThat(model.scenario().hidden()).containsExactly(8, 8, 8);
    assertThat(awaitShown(s -> s.layers().size() == 4).step()).isZero();
    assertThat(view.controls().field("hidden").text()).isEqualTo("8x3");
  }

  @Test
  void deadReluUnitsAreCountedAndCrossedOut() throws Exception {
    load("dead-relu");
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(300)));
    TrainingSnapshot dead = awaitShown(s -> s.step() == 300);
    assertThat(dead.deadFraction()).isGreaterThan(0);
    assertThat(view.statusBar().getText()).contains("dead units")
        .doesNotContain("dead units 0.0 %");
    int[] deadCell = findDeadUnit(dead);
    Rectangle2D r = cellRect(deadCell[0], deadCell[1]);
    int[] px = pixels(view.heatmapPanel().canvas());
    int w = (int) view.heatmapPanel().canvas().canvas().getWidth();
    int centre = px[(int) r.getCenterY() * w + (int) r.getCenterX()];
    assertThat(luminance(centre)).as("✕ drawn over the dead unit").isLessThan(80);
    save("lab-dead-relu.png");
  }

  @Test
  void recordingAGifAndSavingTheStatistics() throws Exception {
    load("dead-relu");
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
    awaitShown(s -> !s.status().playing());
    Path stats = gif.resolveSibling("stats.json");
    robot.interact(() -> assertThat(view.saveStatistics(stats)).isTrue());
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.toFile());
    assertThat(root.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(root.get("records").size()).isGreaterThan(2);
    assertThat(root.get("layers").get(3).get("activation").asText()).isEqualTo("sigmoid");
  }

  @Test
  void aLiveLearningRateChangeKeepsTheSavedStatistics() throws Exception {
    load("dead-relu");
    robot.interact(() -> model.trainer().submit(
        new org.activationlab.training.Command.Step(20)));
    awaitShown(s -> s.step() == 20);
    robot.interact(() -> view.controls().field("learningRate").enter("0.05"));
    robot.type(KeyCode.S);
    awaitShown(s -> s.step() == 21 && s.scenario().learningRate() == 0.05);
    Path stats = dir.resolve("live.json");
    robot.interact(() -> assertThat(view.saveStatistics(stats)).isTrue());
    com.fasterxml.jackson.databind.JsonNode records =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.toFile()).get("records");
    assertThat(records.get(0).get("step").asInt()).as("the run from its start").isZero();
    assertThat(records.get(records.size() - 1).get("step").asInt()).isEqualTo(21);
  }

  @Test
  void aDivergingLearningRatePausesWithABannerThatResetClears() throws Exception {
    load("leaky-relu");
    robot.interact(() -> view.controls().field("learningRate").enter("100"));
    robot.type(KeyCode.SPACE);
    TrainingSnapshot diverged = awaitShown(TrainingSnapshot::diverged);
    assertThat(diverged.status().playing()).isFalse();
    assertThat(view.bannerShown()).isTrue();
    assertThat(view.bannerLabel().getText()).contains("Stopped at step").contains("diverged")
        .contains("Lower the learning rate");
    save("lab-diverged.png");
    robot.clickOn("#lab-reset");
    awaitShown(s -> s.step() == 0 && !s.diverged());
    assertThat(view.bannerShown()).isFalse();
  }

  // -------------------------------------------------------------------------------- helpers

  /** Chooses a preset in the combo box and waits until its step 0 is shown, paused. */
  private TrainingSnapshot load(String name) throws TimeoutException {
    if (name.equals(model.presetProperty().get())) {
      robot.interact(() -> model.loadPreset(name)); // choosing it again would change nothing
    } else {
      choosePreset(name);
    }
    return awaitShown(s -> s.scenario().equals(Presets.get(name).scenario()) && s.step() == 0
        && !s.status().playing());
  }

  private void choosePreset(String name) {
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
  private double scalePosition(int layer, int j) {
    int[] px = pixels(view.heatmapPanel().canvas());
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

  private int[] pixels(PictureCanvas canvas) {
    return FxPixels.pixels(robot, canvas.canvas());
  }

  private static long differing(int[] a, int[] b) {
    return FxPixels.differing(a, b);
  }

  private void save(String name) throws IOException {
    FxPixels.save(robot, view, name);
  }
}
