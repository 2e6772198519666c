package org.activationlab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.activationlab.activation.Catalog;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ThemeManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real Explorer as a user would (headless under Monocle) and saves screenshots under
 * {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerViewTest {

  private ExplorerModel model;
  private ExplorerView view;
  private ThemeManager themes;

  @BeforeAll
  static void english() {
    I18n.setLocale(java.util.Locale.ENGLISH);
  }

  @Start
  void start(Stage stage) {
    model = new ExplorerModel();
    themes = new ThemeManager();
    view = new ExplorerView(model, themes);
    Scene scene = new Scene(view, 1500, 950);
    themes.attach(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void choosingFunctionsDraggingParametersHoveringAndSoftmax(FxRobot robot) throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    int[] before = pixels(robot, view.plot());
    save(robot, view, "explorer-default.png");

    // search and tick Leaky ReLU: it joins the plot and its parameter slider appears
    robot.clickOn("#function-search").write("leaky");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#show-leaky_relu");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.isShown(Catalog.get("leaky_relu"))).isTrue();
    Slider slope = robot.lookup("#parameters-leaky_relu #slider-negative_slope").queryAs(Slider.class);
    int[] withLeaky = pixels(robot, view.plot());
    assertThat(differingPixels(before, withLeaky)).as("plot changed after ticking leaky relu")
        .isGreaterThan(200);

    // drag the slider to the right: the slope and the plot follow
    double slopeBefore = model.find(Catalog.get("leaky_relu")).orElseThrow().activation()
        .parameter("negative_slope");
    Node thumb = slope.lookup(".thumb");
    robot.drag(thumb).moveBy(slope.getWidth() * 0.4, 0).release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    double slopeAfter = model.find(Catalog.get("leaky_relu")).orElseThrow().activation()
        .parameter("negative_slope");
    assertThat(slopeAfter).isGreaterThan(slopeBefore + 0.2);
    TextField field = robot.lookup("#parameters-leaky_relu #field-negative_slope").queryAs(TextField.class);
    assertThat(Double.parseDouble(field.getText())).isEqualTo(slopeAfter);
    int[] dragged = pixels(robot, view.plot());
    assertThat(differingPixels(withLeaky, dragged)).as("plot follows the slider").isGreaterThan(200);
    save(robot, view, "explorer-leaky-dragged.png");

    // an invalid value is refused beside the field and the slope stays
    robot.doubleClickOn(field).eraseText(field.getText().length()).write("-3").type(javafx.scene.input.KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.find(Catalog.get("leaky_relu")).orElseThrow().activation()
        .parameter("negative_slope")).isEqualTo(slopeAfter);
    assertThat(robot.lookup(".field-error").queryAll().stream()
        .filter(Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText()))
        .anyMatch(t -> t.contains("negative_slope"));

    // hovering shows the crosshair readout
    Bounds b = view.plot().localToScreen(view.plot().getBoundsInLocal());
    int[] noHover = pixels(robot, view.plot());
    robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.5));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.plot().crosshairX()).isFinite();
    int[] hover = pixels(robot, view.plot());
    assertThat(differingPixels(noHover, hover)).as("crosshair and readout drawn").isGreaterThan(300);
    save(robot, view, "explorer-hover.png");

    // softmax: moving a logit slider moves the bars
    robot.clickOn("#tab-softmax .tab-label");
    WaitForAsyncUtils.waitForFxEvents();
    int[] softBefore = pixels(robot, view.softmax().canvas());
    Slider z1 = robot.lookup("#logit-1").queryAs(Slider.class);
    robot.interact(() -> z1.setValue(-6));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.logits().get(0)).isEqualTo(-6.0);
    int[] softAfter = pixels(robot, view.softmax().canvas());
    assertThat(differingPixels(softBefore, softAfter)).as("softmax bars moved").isGreaterThan(200);
    save(robot, view, "explorer-softmax.png");
  }

  @Test
  void zoomPanAndResetChangeTheViewport(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    var initial = view.plot().viewportProperty().get();
    Bounds b = view.plot().localToScreen(view.plot().getBoundsInLocal());
    robot.moveTo(new Point2D(b.getCenterX(), b.getCenterY()));
    robot.scroll(3, javafx.geometry.VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    var zoomed = view.plot().viewportProperty().get();
    assertThat(zoomed.xMax() - zoomed.xMin()).isNotEqualTo(initial.xMax() - initial.xMin());
    robot.drag(new Point2D(b.getCenterX(), b.getCenterY()))
        .moveBy(-100, 0).release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    var panned = view.plot().viewportProperty().get();
    assertThat(panned.xMin()).isGreaterThan(zoomed.xMin());
    robot.doubleClickOn(new Point2D(b.getCenterX(), b.getCenterY()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.plot().viewportProperty().get()).isEqualTo(initial);
  }

  @Test
  void keysOneToThreeShowAPanelAloneArrowsWalkAndEscapeReturns(FxRobot robot)
      throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(view.plot()); // the keyboard is not in a text field
    double plotWidth = view.plot().getWidth();
    robot.type(javafx.scene.input.KeyCode.DIGIT3);
    assertThat(view.focusedPanelIndex()).isEqualTo(2);
    assertThat(view.getLeft()).as("side panels hidden").isNull();
    assertThat(view.softmax().canvas().getWidth()).as("softmax gets the room")
        .isGreaterThan(plotWidth);
    assertThat(view.softmax().getScene()).isNotNull();
    save(robot, view, "explorer-focus-softmax.png");
    robot.type(javafx.scene.input.KeyCode.RIGHT);
    assertThat(view.focusedPanelIndex()).as("wraps to the plot").isEqualTo(0);
    robot.type(javafx.scene.input.KeyCode.LEFT);
    assertThat(view.focusedPanelIndex()).isEqualTo(2);
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    assertThat(view.focusedPanelIndex()).isEqualTo(-1);
    assertThat(view.getLeft()).isNotNull();
    assertThat(view.softmax().getScene()).as("back in its tab").isNotNull();
    // double-clicking the depth picture focuses it; again returns
    robot.clickOn("#tab-depth");
    robot.doubleClickOn(view.depth().canvas());
    assertThat(view.focusedPanelIndex()).isEqualTo(1);
    save(robot, view, "explorer-focus-depth.png");
    robot.doubleClickOn(view.depth().canvas());
    assertThat(view.focusedPanelIndex()).isEqualTo(-1);
    assertThat(view.plot().getScene()).isNotNull();
  }

  @Test
  void theDepthPanelFollowsTheChosenInitialisation(FxRobot robot) throws IOException {
    robot.clickOn("#tab-depth .tab-label");
    WaitForAsyncUtils.waitForFxEvents();
    DepthPane depth = view.depth();
    assertThat(depth.init()).isEqualTo(org.activationlab.render.DepthInit.DEFAULT);
    int[] glorot = pixels(robot, depth.canvas());

    // choose He from the list: the dashed lines move (ReLU's to 1)
    robot.clickOn("#depth-init");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(I18n.text("depth.init.he"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(depth.init().kind()).isEqualTo(org.activationlab.render.DepthInit.Kind.HE);
    assertThat(depth.sigma().getValue()).isCloseTo(Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(depth.sigma().isDisabled()).isTrue();
    var relu = depth.depthModel(themes.renderTheme()).series().stream()
        .filter(s -> s.label().equals("ReLU")).findFirst().orElseThrow();
    assertThat(relu.typical(30)).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
    int[] he = pixels(robot, depth.canvas());
    assertThat(differingPixels(glorot, he)).as("the chart follows the choice").isGreaterThan(200);
    save(robot, view, "explorer-depth-he.png");

    // a custom σ_w, typed
    robot.clickOn("#depth-init");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(I18n.text("depth.init.custom"));
    WaitForAsyncUtils.waitForFxEvents();
    TextField editor = depth.sigma().getEditor();
    robot.doubleClickOn(editor).eraseText(editor.getText().length()).write("4")
        .type(javafx.scene.input.KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(depth.init()).isEqualTo(org.activationlab.render.DepthInit.custom(4));

    // an Explorer in a 720p window of its own (the test stage is shared with other tests) in
    // presentation mode: the chart keeps its minimum height
    Stage[] small = new Stage[1];
    ThemeManager presenting = new ThemeManager();
    ExplorerView[] explorer = new ExplorerView[1];
    robot.interact(() -> {
      small[0] = new Stage();
      explorer[0] = new ExplorerView(new ExplorerModel(), presenting);
      Scene scene = new Scene(explorer[0], 1280, 720);
      presenting.attach(scene);
      presenting.presentationProperty().set(true);
      small[0].setScene(scene);
      small[0].show();
    });
    try {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(explorer[0].depth().canvas().getHeight())
          .isGreaterThanOrEqualTo(DepthPane.MIN_CHART_HEIGHT);
      save(robot, explorer[0], "explorer-depth-720p-presentation.png");
    } finally {
      robot.interact(() -> small[0].close());
    }
  }

  private static int[] pixels(FxRobot robot, Node node) {
    return FxPixels.pixels(robot, node);
  }

  private static long differingPixels(int[] a, int[] b) {
    return FxPixels.differing(a, b);
  }

  private static void save(FxRobot robot, Node node, String name) throws IOException {
    FxPixels.save(robot, node, name);
  }
}
