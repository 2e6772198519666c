package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a projector's screen, as a teacher uses it: it opens within the screen, a lesson
 * opens with its notes beside the pictures, F11 fills the screen with the Lab alone (the notes
 * only when asked for with N), one picture can fill it, and the same in Chinese.
 * Run by its own Surefire executions at 1280×720 and 1920×1080 (the screen size is fixed per
 * JVM); the screenshots go to {@code target/screenshots/projector-SIZE-*.png} to be looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class ProjectorScreens {

  private final FxRobot robot = new FxRobot();
  private final Preferences node =
      Preferences.userRoot().node("org/activationlab-test/" + System.nanoTime());
  private final String size = System.getProperty("projector.name", "default");
  private LabModel lab;
  private final org.activationlab.ui.run.RunViewerModel runs =
      new org.activationlab.ui.run.RunViewerModel();
  private ThemeManager themes;
  private Scene scene;
  private Stage stage;

  @BeforeAll
  void open() throws Exception {
    I18n.setLocale(Locale.ENGLISH);
    stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(s -> {
      ExplorerModel explorer = new ExplorerModel();
      lab = new LabModel();
      themes = new ThemeManager();
      ScenarioSession session = new ScenarioSession(explorer, lab, themes);
      UserPrefs prefs = new UserPrefs(node);
      scene = new Scene(window(explorer, session, prefs));
      themes.attach(scene);
      // as the application opens it: its usual size, within the screen, centred
      Rectangle2D r = WindowPlacement.fit(1500, 950, Screen.getPrimary().getVisualBounds());
      s.setScene(scene);
      s.setX(r.getMinX());
      s.setY(r.getMinY());
      s.setWidth(r.getWidth());
      s.setHeight(r.getHeight());
      s.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private MainWindow window(ExplorerModel explorer, ScenarioSession session, UserPrefs prefs) {
    return new MainWindow(explorer, lab, runs, themes, session, prefs, locale -> {
      I18n.setLocale(locale);
      MainWindow.replace(scene, window(explorer, session, prefs));
    }, () -> { });
  }

  private MainWindow window() {
    return (MainWindow) scene.getRoot();
  }

  @AfterAll
  void close() throws Exception {
    lab.close();
    runs.close();
    FxToolkit.cleanupStages();
    node.removeNode();
    I18n.setLocale(Locale.ENGLISH);
  }

  @Test
  void aLessonOnTheProjectorInEnglishAndChinese() throws Exception {
    Rectangle2D screen = Screen.getPrimary().getBounds();
    assertThat(stage.getWidth()).as("the window fits the screen").isLessThanOrEqualTo(
        screen.getWidth());
    assertThat(stage.getHeight()).isLessThanOrEqualTo(screen.getHeight());
    assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
    assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
    FxPixels.save(robot, window(), "projector-" + size + "-explorer.png");

    robot.interact(() -> window().selectLab(true));
    robot.interact(() -> window().openFile(Path.of("assets/scenarios/vanishing-gradients.json")));
    assertThat(window().lab().notesShown()).as("the lesson's notes beside the pictures")
        .isTrue();
    robot.interact(() -> {
      lab.setSpeed(0);
      lab.play();
    });
    lab.await(s -> !s.status().playing() && s.step() == 300, java.time.Duration.ofSeconds(60));
    WaitForAsyncUtils.waitForFxEvents();
    FxPixels.save(robot, window(), "projector-" + size + "-lesson-notes.png");

    robot.type(KeyCode.F11);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isFullScreen);
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(scene.getWidth()).as("full screen fills the screen").isEqualTo(screen.getWidth());
    assertThat(scene.getHeight()).isEqualTo(screen.getHeight());
    assertThat(window().getCenter()).isSameAs(window().lab());
    assertThat(window().lab().notesShown()).as("full screen: the pictures have the room")
        .isFalse();
    FxPixels.save(robot, window(), "projector-" + size + "-lab-full-screen.png");
    robot.type(KeyCode.N); // unless the teacher opens the notes there
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().notesShown()).isTrue();
    FxPixels.save(robot, window(), "projector-" + size + "-full-screen-notes.png");
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitForFxEvents();

    robot.type(KeyCode.DIGIT3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().focusedPictureName()).isEqualTo("HEATMAP");
    FxPixels.save(robot, window(), "projector-" + size + "-heatmap-alone.png");
    robot.type(KeyCode.ESCAPE);

    robot.interact(() -> window().switchLanguage(Locale.SIMPLIFIED_CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().labShown()).as("still the Lab").isTrue();
    assertThat(window().fullScreenShown()).as("still full screen").isTrue();
    FxPixels.save(robot, window(), "projector-" + size + "-lab-full-screen-zh.png");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isFullScreen());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(themes.presentationProperty().get()).as("the look from before full screen")
        .isFalse();
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().lab().notesShown()).as("the notes, open before, after the switch")
        .isTrue();
    FxPixels.save(robot, window(), "projector-" + size + "-lesson-notes-zh.png");
    robot.interact(() -> window().selectLab(false));
    WaitForAsyncUtils.waitForFxEvents();
    FxPixels.save(robot, window(), "projector-" + size + "-explorer-zh.png");
  }

  @Test
  void aRecordedPyTorchRunOnTheProjector() throws Exception {
    robot.interact(() -> window().switchLanguage(Locale.ENGLISH));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window().openRun(Path.of("src/test/resources/runs/probe-sigmoid-mlp.jsonl")));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window().runs().model().run() != null
        && window().runs().model().run().size() == 13);
    WaitForAsyncUtils.waitForFxEvents();
    FxPixels.save(robot, window(), "projector-" + size + "-runs.png");
    robot.type(KeyCode.F11);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isFullScreen);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().getCenter()).isSameAs(window().runs());
    assertThat(themes.presentationProperty().get()).isTrue();
    FxPixels.save(robot, window(), "projector-" + size + "-runs-full-screen.png");
    robot.interact(() -> window().switchLanguage(Locale.SIMPLIFIED_CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window().getCenter()).as("still the run viewer, still full screen")
        .isSameAs(window().runs());
    assertThat(window().runs().model().run().size()).as("the run carries over").isEqualTo(13);
    FxPixels.save(robot, window(), "projector-" + size + "-runs-full-screen-zh.png");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isFullScreen());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window().switchLanguage(Locale.ENGLISH));
    robot.interact(() -> window().selectTab(0));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
