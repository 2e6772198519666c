package org.activationlab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.lab.LabModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "New function…": type a formula with a parameter, see it refused or typeset, add and use it. */
@ExtendWith(ApplicationExtension.class)
class NewFunctionTest {

  private ExplorerModel model;
  private ExplorerView view;

  @BeforeAll
  static void english() {
    I18n.setLocale(java.util.Locale.ENGLISH);
  }

  @Start
  void start(Stage stage) {
    model = new ExplorerModel();
    ThemeManager themes = new ThemeManager();
    view = new ExplorerView(model, themes);
    Scene scene = new Scene(view, 1500, 950);
    themes.attach(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void aTypedFormulaIsCheckedTypesetAddedShownAndTrains(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    int[] before = FxPixels.pixels(robot, view.plot());
    robot.clickOn("#new-function");
    WaitForAsyncUtils.waitForFxEvents();
    TextField formula = robot.lookup("#new-function-formula").queryAs(TextField.class);
    Label message = robot.lookup("#new-function-message").queryAs(Label.class);

    // a mistake is refused with its column, and Add is disabled
    robot.interact(() -> formula.setText("x * sigmoid(beta * x))"));
    assertThat(message.getText()).contains("column 22");
    assertThat(robot.lookup("#new-function-add").query().isDisabled()).isTrue();
    robot.interact(() -> formula.setText("x * sigmod(beta * x)"));
    assertThat(message.getText()).contains("sigmod").contains("sigmoid");

    // the swish formula: accepted, f and its derivative typeset
    robot.interact(() -> formula.setText("x * sigmoid(beta * x)"));
    assertThat(message.getText()).startsWith("✓");
    assertThat(robot.lookup("#new-function-f").queryAs(javafx.scene.image.ImageView.class)
        .getImage()).isNotNull();
    assertThat(robot.lookup("#new-function-df").queryAs(javafx.scene.image.ImageView.class)
        .getImage()).isNotNull();
    FxPixels.save(robot, robot.lookup("#new-function-form").query(), "new-function-dialog.png");
    robot.clickOn("#new-function-add");
    WaitForAsyncUtils.waitForFxEvents();

    ActivationFunction made = model.selectedProperty().get();
    assertThat(made.id()).startsWith("formula:x*sigmoid(beta*x);beta=1");
    assertThat(model.isShown(made)).isTrue();
    assertThat(model.custom()).contains(made);
    int[] shown = FxPixels.pixels(robot, view.plot());
    assertThat(FxPixels.differing(before, shown)).as("its curves drawn").isGreaterThan(200);

    // its parameter has a slider like a catalog function's: moving it moves f and f′
    Slider beta = robot.lookup("#slider-beta").queryAs(Slider.class);
    assertThat(beta.getMax()).isEqualTo(10);
    robot.interact(() -> beta.setValue(5));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.find(made).orElseThrow().activation().parameter("beta")).isEqualTo(5);
    int[] moved = FxPixels.pixels(robot, view.plot());
    assertThat(FxPixels.differing(shown, moved)).as("the plot follows the slider")
        .isGreaterThan(200);
    FxPixels.save(robot, view, "explorer-new-function.png");

    // a formula undefined somewhere says where
    robot.interact(() -> model.selectedProperty().set(Catalog.get("formula:log(x)")));
    assertThat(robot.lookup("#prop-undefined").queryAs(Label.class).getText())
        .contains("[−20, −0.01]");

    // saved with the Explorer's state and opened again
    var state = model.toState();
    assertThat(state.functions()).anyMatch(s -> s.startsWith("formula:x*sigmoid(beta*x);beta=5"));
    ExplorerModel reopened = new ExplorerModel();
    robot.interact(() -> reopened.apply(state));
    // the shown swish (with β = 5 as its value) and the described log(x) come back
    assertThat(reopened.custom()).extracting(ActivationFunction::id).containsExactlyInAnyOrder(
        "formula:x*sigmoid(beta*x);beta=5 in [0,10]", "formula:log(x)");

    // and it trains in the Lab, typed in the activation field
    try (LabModel lab = new LabModel()) {
      String spec = model.find(made).orElseThrow().activation().spec();
      assertThat(lab.set("activation", spec)).isEmpty();
      lab.step();
      var s = lab.await(x -> x.step() == 1 && x.scenario().activation().startsWith("formula:"),
          Duration.ofSeconds(30));
      assertThat(s.scores().trainLoss()).isFinite();
    }
  }
}
