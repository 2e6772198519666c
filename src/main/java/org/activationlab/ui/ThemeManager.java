package org.activationlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import org.activationlab.render.Theme;

/** The one place that knows the current theme: the scene's style sheets and the renderers' Theme. */
public final class ThemeManager {

  private static final String BASE = ThemeManager.class.getResource("app.css").toExternalForm();
  private static final String DARK = ThemeManager.class.getResource("dark.css").toExternalForm();

  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final List<Scene> scenes = new ArrayList<>();

  public ThemeManager() {
    dark.addListener((o, was, now) -> scenes.forEach(this::style));
  }

  /** Styles a scene now and whenever the theme changes. */
  public void attach(Scene scene) {
    scenes.add(scene);
    style(scene);
  }

  public boolean isDark() {
    return dark.get();
  }

  public void setDark(boolean value) {
    dark.set(value);
  }

  /** Observed by the pictures, which redraw in the new theme. */
  public BooleanProperty darkProperty() {
    return dark;
  }

  /** The renderers' theme for the current choice. */
  public Theme renderTheme() {
    return dark.get() ? Theme.dark() : Theme.light();
  }

  private void style(Scene scene) {
    scene.getStylesheets().setAll(BASE);
    if (dark.get()) {
      scene.getStylesheets().add(DARK);
    }
  }
}
