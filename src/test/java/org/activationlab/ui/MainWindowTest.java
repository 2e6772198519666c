package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.export.ScenarioDocument;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window as a teacher prepares a lesson: presentation mode (F11), controls hidden,
 * Chinese from the menu, a broken lesson file refused. Screenshots under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @TempDir
  Path dir;

  private final Preferences node =
      Preferences.userRoot().node("org/activationlab-test/" + System.nanoTime());
  private ExplorerModel explorer;
  private LabModel lab;
  private ThemeManager themes;
  private ScenarioSession session;
  private UserPrefs prefs;
  private Scene scene;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    explorer = new ExplorerModel();
    lab = new LabModel();
    themes = new ThemeManager();
    session = new ScenarioSession(explorer, lab, themes);
    prefs = new UserPrefs(node);
    scene = new Scene(build(), 1600, 1000);
    themes.attach(scene);
    stage.setScene(scene);
    stage.show();
  }

  /** As the application does: a new window in the new language, the models kept. */
  private MainWindow build() {
    return new MainWindow(explorer, lab, themes, session, prefs, locale -> {
      I18n.setLocale(locale);
      MainWindow.replace(scene, build());
    }, () -> { });
  }

  private MainWindow window() {
    return (MainWindow) scene.getRoot();
  }

  @AfterEach
  void tearDown() throws Exception {
    lab.close();
    node.removeNode();
    I18n.setLocale(Locale.ENGLISH);
  }

  @Test
  void f11ShowsTheViewInFrontAloneFullScreenAndEscLeaves(FxRobot robot) throws Exception {
    robot.interact(() -> window().selectLab(true));
    Stage stage = (Stage) scene.getWindow();
    robot.type(KeyCode.F11);
    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, stage::isFullScreen);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().fullScreenShown()).isTrue();
    assertThat(robot.lookup("#menu-bar").query().isVisible()).isFalse();
    assertThat(window().getCenter()).as("the Lab alone, no tabs").isSameAs(window().lab());
    assertThat(robot.lookup("#lab-status").query().isVisible()).isFalse();
    assertThat(themes.presentationProperty().get()).isTrue();
    FxPixels.save(robot, window(), "full-screen-lab.png");
    // a teacher walks through the pictures: 3 is the heatmap alone, Esc first leaves the picture
    robot.type(KeyCode.DIGIT3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().focusedPictureName()).isEqualTo("HEATMAP");
    FxPixels.save(robot, window(), "full-screen-heatmap.png");
    // one key, one action, in full screen too (the Lab moved into the window's centre: its key
    // filter must not be there twice)
    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().focusedPictureName()).isEqualTo("LOSS");
    robot.type(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().focusedPictureName()).isEqualTo("HEATMAP");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().focusedPictureName()).isNull();
    assertThat(stage.isFullScreen()).as("the first Esc only leaves the picture").isTrue();
    robot.type(KeyCode.F11); // the accelerator works although the menu bar is hidden
    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !stage.isFullScreen());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().fullScreenShown()).isFalse();
    assertThat(robot.lookup("#menu-bar").query().isVisible()).isTrue();
    assertThat(window().getCenter()).isInstanceOf(TabPane.class);
    assertThat(robot.lookup("#lab-status").query().isVisible()).isTrue();
    assertThat(themes.presentationProperty().get()).as("the look it had before").isFalse();
    assertThat(window().lab().getParent()).as("the Lab is back in its tab").isNotNull();
  }

  @Test
  void aLessonsNotesOpenBesideThePicturesAndTheViewMenuClosesAndReopensThem(FxRobot robot) {
    robot.interact(() -> assertThat(window().openFile(
        Path.of("assets", "scenarios", "dead-relus.json"))).isTrue());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lastAlert()).as("no pop-up: the notes are in the Lab").isNull();
    assertThat(window().labShown()).isTrue();
    assertThat(window().lab().notesShown()).isTrue();
    robot.clickOn(I18n.text("menu.view"));
    robot.clickOn(I18n.text("menu.view.notes"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().notesShown()).isFalse();
    robot.interact(() -> window().selectLab(false));
    robot.clickOn(I18n.text("menu.view"));
    robot.clickOn(I18n.text("menu.view.notes"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().labShown()).as("the notes are in the Lab: it comes to the front")
        .isTrue();
    assertThat(window().lab().notesShown()).isTrue();
  }

  @Test
  void presentationModeHiddenControlsChineseAndABrokenLesson(FxRobot robot) throws Exception {
    robot.interact(() -> window().selectLab(true));
    WaitForAsyncUtils.waitForFxEvents();
    Label presetTitle = robot.lookup(".section-title").queryAs(Label.class);
    double normalFont = presetTitle.getFont().getSize();

    // F5: larger fonts everywhere, in the pictures too
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(themes.presentationProperty().get()).isTrue();
    assertThat(presetTitle.getFont().getSize()).isGreaterThanOrEqualTo(normalFont * 1.45);
    assertThat(themes.renderTheme().fontSize()).isEqualTo(21.0);
    FxPixels.save(robot, window(), "presentation-lab.png");
    robot.interact(() -> window().selectLab(false));
    WaitForAsyncUtils.waitForFxEvents();
    FxPixels.save(robot, window(), "presentation-explorer.png");
    robot.interact(() -> window().selectLab(true));
    WaitForAsyncUtils.waitForFxEvents();

    // Ctrl+H: only the pictures remain
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(themes.controlsShownProperty().get()).isFalse();
    assertThat(robot.lookup("#lab-controls").query().isVisible()).isTrue(); // inside a hidden pane
    assertThat(robot.lookup("#lab-controls").query().getParent().getParent().getParent()
        .isVisible()).isFalse();
    FxPixels.save(robot, window(), "presentation-pictures-only.png");
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(themes.presentationProperty().get()).isFalse();

    // Chinese from the menu: every label of the window; the Lab stays in front with its layer
    robot.interact(() -> robot.lookup("#activations-layer")
        .queryAs(javafx.scene.control.ChoiceBox.class).getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(I18n.text("menu.view"));
    robot.clickOn(I18n.text("menu.view.language"));
    robot.clickOn("中文");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(I18n.locale().getLanguage()).isEqualTo("zh");
    TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
    assertThat(tabs.getTabs().stream().map(Tab::getText)).contains("函数浏览", "训练实验室");
    assertThat(window().labShown()).as("the Lab stays in front").isTrue();
    assertThat(robot.lookup("#activations-layer").queryAs(javafx.scene.control.ChoiceBox.class)
        .getValue()).as("the chosen layer stays").isEqualTo(1);
    robot.interact(() -> window().selectLab(true));
    WaitForAsyncUtils.waitForFxEvents();
    // a refused value is explained in Chinese beside the field
    javafx.scene.control.TextField lr =
        robot.lookup("#field-learningRate").queryAs(javafx.scene.control.TextField.class);
    robot.interact(() -> {
      lr.setText("-1");
      lr.fireEvent(new javafx.event.ActionEvent());
    });
    assertThat(robot.lookup("#error-learningRate").queryAs(Label.class).getText())
        .contains("学习率").contains("大于 0 的数");
    FxPixels.save(robot, window(), "chinese-lab.png");
    robot.interact(() -> window().selectLab(false));
    WaitForAsyncUtils.waitForFxEvents();
    FxPixels.save(robot, window(), "chinese-explorer.png");

    // a broken lesson is refused with the reason, and nothing changes
    ScenarioDocument before = session.capture();
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\":\"activation-lab/scenario\",\"version\":1,\"lab\":",
        StandardCharsets.UTF_8);
    boolean[] opened = new boolean[1];
    robot.interact(() -> opened[0] = window().openFile(broken));
    assertThat(opened[0]).isFalse();
    assertThat(window().lastAlert().isShowing()).isTrue();
    assertThat(((Label) window().lastAlert().getDialogPane().getContent()).getText())
        .contains("broken.json").contains("当前状态没有任何改变");
    assertThat(session.capture()).isEqualTo(before);
    FxPixels.save(robot, window().lastAlert().getDialogPane(), "chinese-broken-lesson.png");
    robot.interact(() -> window().lastAlert().close());

    // a screenshot of the whole window at 2x, for "what the tool looks like" slides
    Path shot = dir.resolve("window.png");
    robot.interact(() -> assertThat(window().saveScreenshot(shot, 2)).isTrue());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(3200);
    assertThat(image.getHeight()).isEqualTo((int) Math.round(window().getHeight() * 2));

    // a good one is saved and opened again, and remembered as recent
    Path good = dir.resolve("good.json");
    robot.interact(() -> assertThat(window().saveTo(good)).isTrue());
    robot.interact(() -> assertThat(window().openFile(good)).isTrue());
    assertThat(prefs.recentFiles()).first().isEqualTo(good.toAbsolutePath());
  }
}
