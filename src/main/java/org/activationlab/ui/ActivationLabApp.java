package org.activationlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: Explorer and Lab views. */
public final class ActivationLabApp extends Application {

  public static void launchApp(String[] args) {
    Application.launch(ActivationLabApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle("Activation Lab");
    stage.setScene(new Scene(new Label("Activation Lab"), 1400, 900));
    stage.show();
  }
}
