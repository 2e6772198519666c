package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.FormulaView;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.lab.StepThroughModel.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step-through window driven as a teacher would (headless, Monocle): the Lab at a past step
 * of the playground, E opens the window, → walks forward through every stage and ← back, the
 * stage's title and typeset formulas change; screenshots under {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepThroughWindowTest {

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
      Scene scene = new Scene(view, 1280, 720);
      themes.attach(scene);
      stage.setScene(scene);
      stage.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterAll
  void stopStage() throws Exception {
    robot.interact(() -> {
      if (StepThroughWindow.current() != null) {
        StepThroughWindow.current().stage().close();
      }
    });
    model.close();
    FxToolkit.cleanupStages();
  }

  private TrainingSnapshot awaitShown(java.util.function.Predicate<TrainingSnapshot> c)
      throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> c.test(view.shown()));
    WaitForAsyncUtils.waitForFxEvents();
    return view.shown();
  }

  /** The formula images shown now: each has a picture of some size. */
  private static List<FormulaView> formulaViews(StepThroughWindow w) {
    List<FormulaView> out = new ArrayList<>();
    w.formulas().lookupAll(".step-formula").forEach(n -> out.add((FormulaView) n));
    return out;
  }

  @Test
  void eOpensTheWindowAtTheStepShownAndArrowsWalkForwardAndBack() throws Exception {
    robot.interact(() -> model.loadPreset("playground"));
    awaitShown(s -> s.scenario().equals(Presets.get("playground").scenario()) && s.step() == 0);
    robot.interact(() -> model.trainer().submit(new Command.Step(200)));
    awaitShown(s -> s.step() == 200);
    robot.interact(() -> view.timeline().slider().setValue(150)); // back in time
    TrainingSnapshot past = awaitShown(s -> s.step() == 150);

    robot.clickOn(view.heatmapPanel()); // the Lab has the keyboard
    robot.type(KeyCode.E);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> StepThroughWindow.current() != null
        && StepThroughWindow.current().stage().isShowing());
    WaitForAsyncUtils.waitForFxEvents();
    StepThroughWindow w = StepThroughWindow.current();
    assertThat(w.model().step()).as("the scrubbed step's weights").isEqualTo(150);
    assertThat(w.model().trace().weight(0, 1, 0)).isEqualTo(past.weights().weight(0, 1, 0));
    assertThat(robot.lookup("#step-weights").queryAs(Label.class).getText())
        .isEqualTo("Weights of step 150 (the Lab went back from step 200)");
    assertThat(w.stageTitle().getText()).isEqualTo("Forward pass · layer 1 (Tanh)");
    List<FormulaView> first = formulaViews(w);
    assertThat(first).as("4 units, two lines each").hasSize(8);
    for (FormulaView f : first) {
      assertThat(f.getImage()).isNotNull();
      assertThat(f.getFitWidth()).isGreaterThan(100);
      assertThat(f.getFitHeight()).as("typeset at 18 px or more").isGreaterThan(18);
    }
    FxPixels.save(robot, w.stage().getScene().getRoot(), "step-through-forward.png");

    // → through every stage, each with its own title and formulas
    List<String> titles = new ArrayList<>();
    titles.add(w.stageTitle().getText());
    int stages = w.model().stages().size();
    assertThat(stages).isEqualTo(10);
    for (int k = 1; k < stages; k++) {
      robot.interact(() -> w.stage().requestFocus());
      robot.type(KeyCode.RIGHT);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(w.model().index()).isEqualTo(k);
      assertThat(w.stageTitle().getText()).isNotIn(titles);
      titles.add(w.stageTitle().getText());
      assertThat(formulaViews(w)).isNotEmpty().allSatisfy(f -> assertThat(f.getImage())
          .isNotNull());
      Kind kind = w.model().stage().kind();
      if (kind == Kind.LOSS) {
        FxPixels.save(robot, w.stage().getScene().getRoot(), "step-through-loss.png");
      } else if (kind == Kind.BACKWARD && w.model().stage().layer() == 0) {
        assertThat(w.stageTitle().getText()).isEqualTo("Backward pass · layer 1 (Tanh)");
        FxPixels.save(robot, w.stage().getScene().getRoot(), "step-through-backward.png");
      } else if (kind == Kind.UPDATE && w.model().stage().layer() == 1) {
        assertThat(robot.lookup("#step-input").queryAs(javafx.scene.Node.class).isVisible())
            .isTrue();
        FxPixels.save(robot, w.stage().getScene().getRoot(), "step-through-update.png");
      }
    }
    assertThat(titles).contains("Loss · binary cross-entropy", "Update · output layer 3");
    robot.type(KeyCode.RIGHT); // at the last stage: stays
    assertThat(w.model().index()).isEqualTo(stages - 1);
    for (int k = stages - 2; k >= 0; k--) {
      robot.type(KeyCode.LEFT);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(w.stageTitle().getText()).isEqualTo(titles.get(k));
    }
    robot.type(KeyCode.LEFT); // at the first: stays
    assertThat(w.model().index()).isZero();

    // another sample, from the test set: the stage stays, the numbers change
    robot.clickOn("#step-next");
    String before = w.model().unitFormulas(w.model().stage(), 0, 0).get(0);
    robot.interact(() -> w.pick(org.activationlab.training.SampleTraces.Split.TEST, 7));
    assertThat(w.model().sample()).isEqualTo(7);
    assertThat(w.model().index()).isEqualTo(1);
    assertThat(w.model().unitFormulas(w.model().stage(), 0, 0).get(0)).isNotEqualTo(before);
    robot.clickOn("#step-random");
    assertThat(w.model().split()).isEqualTo(org.activationlab.training.SampleTraces.Split.TEST);

    // back to the live step: "use the Lab's step" reads it
    robot.clickOn(view.heatmapPanel());
    robot.interact(() -> view.timeline().slider().setValue(200));
    awaitShown(s -> s.step() == 200);
    robot.clickOn("#step-reload");
    assertThat(w.model().step()).isEqualTo(200);
    assertThat(robot.lookup("#step-weights").queryAs(Label.class).getText())
        .isEqualTo("Weights of step 200");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.stage().isShowing()).isFalse();
    // the button opens it again: the same window, at the step shown
    robot.clickOn("#lab-step-through");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(StepThroughWindow.current()).isSameAs(w);
    assertThat(w.stage().isShowing()).isTrue();
    assertThat(w.model().step()).isEqualTo(200);
    robot.interact(() -> w.stage().close());
  }
  @Test
  void shiftClickingADataPointOnTheBoundaryTracesThatSample() throws Exception {
    TrainingSnapshot s = awaitShown(x -> true);
    var canvas = view.boundaryPanel().canvas().canvas();
    var theme = themes.renderTheme();
    var screen = view.pictures().screen();
    var frame = screen.boundaryRenderer().frame(canvas.getWidth(), canvas.getHeight(),
        screen.boundaryModel(theme), theme);
    var train = s.data().train();
    int sample = 5;
    double px = frame.toPixelX(train.input(sample, 0));
    double py = frame.toPixelY(train.input(sample, 1));
    javafx.geometry.Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
    robot.press(KeyCode.SHIFT);
    try {
      robot.clickOn(new javafx.geometry.Point2D(b.getMinX() + px, b.getMinY() + py));
    } finally {
      robot.release(KeyCode.SHIFT);
    }
    WaitForAsyncUtils.waitForFxEvents();
    StepThroughWindow w = StepThroughWindow.current();
    assertThat(w).isNotNull();
    assertThat(w.stage().isShowing()).isTrue();
    // the sample picked is the one drawn under the click (another may lie on the same pixel)
    var pickedData = org.activationlab.training.SampleTraces.samples(s, w.model().split());
    int picked = w.model().sample();
    assertThat(frame.toPixelX(pickedData.input(picked, 0))).isCloseTo(px,
        org.assertj.core.data.Offset.offset(1.5));
    assertThat(frame.toPixelY(pickedData.input(picked, 1))).isCloseTo(py,
        org.assertj.core.data.Offset.offset(1.5));
    robot.interact(() -> w.stage().close());
  }
}
