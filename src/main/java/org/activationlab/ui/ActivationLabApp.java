package org.activationlab.ui;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;

/** The JavaFX application: one window holding the Explorer and the Lab. */
public final class ActivationLabApp extends Application {

  private final ExplorerModel explorerModel = new ExplorerModel();
  private LabModel labModel;
  private final ThemeManager themes = new ThemeManager();
  private Scene scene;
  private Stage stage;

  public static void launchApp(String[] args) {
    Application.launch(ActivationLabApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    labModel = new LabModel();
    scene = new Scene(buildWindow(), 1500, 950);
    themes.attach(scene);
    stage.setTitle("Activation Lab");
    var icon = ActivationLabApp.class.getResourceAsStream("icon.png");
    if (icon != null) {
      stage.getIcons().add(new Image(icon));
    }
    stage.setScene(scene);
    stage.setOnCloseRequest(e -> Platform.exit());
    stage.show();
  }

  private MainWindow buildWindow() {
    return new MainWindow(explorerModel, labModel, themes, this::switchLanguage, Platform::exit);
  }

  /** Window closed or Quit: the trainer thread ends with the application. */
  @Override
  public void stop() {
    if (labModel != null) {
      labModel.close();
    }
  }

  private void switchLanguage(Locale locale) {
    I18n.setLocale(locale);
    scene.setRoot(buildWindow());
  }

  /** The stage, for tests. */
  Stage stage() {
    return stage;
  }
}
