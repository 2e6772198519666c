package org.activationlab.ui;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.activationlab.export.ScenarioFile;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;

/**
 * The JavaFX application: one window holding the Explorer and the Lab. It remembers the theme,
 * language and window size between runs, and opens a scenario file given as its only argument
 * ({@code java -jar activation-lab.jar lesson.json}).
 */
public final class ActivationLabApp extends Application {

  private static final double DEFAULT_WIDTH = 1500;
  private static final double DEFAULT_HEIGHT = 950;

  private final ExplorerModel explorerModel = new ExplorerModel();
  private final ThemeManager themes = new ThemeManager();
  private final UserPrefs prefs = UserPrefs.forUser();
  private LabModel labModel;
  private final org.activationlab.ui.run.RunViewerModel runModel =
      new org.activationlab.ui.run.RunViewerModel();
  private ScenarioSession session;
  private MainWindow window;
  private Scene scene;
  private Stage stage;

  public static void launchApp(String[] args) {
    Application.launch(ActivationLabApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    labModel = new LabModel();
    session = new ScenarioSession(explorerModel, labModel, themes);
    I18n.setLocale(prefs.language().orElse(I18n.defaultLocale()));
    themes.setDark(prefs.dark());
    ExportDialog.usePrefs(prefs);
    themes.darkProperty().addListener((o, was, now) -> prefs.setDark(now));
    double[] size = prefs.windowSize(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    // within the screen it opens on, centred: a remembered 1500 × 950 must not spill off a 720p
    // projector (there may be no window manager to move it)
    Rectangle2D bounds = WindowPlacement.fit(size[0], size[1],
        Screen.getPrimary().getVisualBounds());
    window = buildWindow();
    scene = new Scene(window);
    themes.attach(scene);
    stage.setTitle("Activation Lab");
    var icon = ActivationLabApp.class.getResourceAsStream("icon.png");
    if (icon != null) {
      stage.getIcons().add(new Image(icon));
    }
    stage.setScene(scene);
    stage.setX(bounds.getMinX()); // the window's bounds, title bar included
    stage.setY(bounds.getMinY());
    stage.setWidth(bounds.getWidth());
    stage.setHeight(bounds.getHeight());
    stage.setOnCloseRequest(e -> Platform.exit());
    stage.show();
    java.util.List<String> raw = getParameters().getRaw();
    java.util.Optional<java.nio.file.Path> run = runArgument(raw);
    if (run.isPresent()) {
      window.openRun(run.get()); // a run file: the run viewer follows it
    } else {
      ScenarioFile.argument(raw).ifPresent(window::openFile);
    }
  }

  /** The only argument when it names a run file (a .jsonl, a stats .json, a TensorBoard log). */
  static java.util.Optional<java.nio.file.Path> runArgument(java.util.List<String> raw) {
    if (raw.size() != 1) {
      return java.util.Optional.empty();
    }
    try {
      java.nio.file.Path p = java.nio.file.Path.of(raw.get(0));
      return org.activationlab.runs.RunFiles.isRunFile(p) ? java.util.Optional.of(p)
          : java.util.Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty();
    }
  }

  private MainWindow buildWindow() {
    return new MainWindow(explorerModel, labModel, runModel, themes, session, prefs,
        this::switchLanguage, Platform::exit);
  }

  /** Window closed or Quit: remember the size; the trainer thread ends with the application. */
  @Override
  public void stop() {
    if (stage != null && stage.getWidth() > 0 && !stage.isFullScreen()) {
      prefs.setWindowSize(stage.getWidth(), stage.getHeight());
    }
    if (labModel != null) {
      labModel.close();
    }
    runModel.close();
  }

  private void switchLanguage(Locale locale) {
    I18n.setLocale(locale);
    prefs.setLanguage(locale);
    window = buildWindow();
    MainWindow.replace(scene, window);
  }

  /** The stage, for tests. */
  Stage stage() {
    return stage;
  }
}
