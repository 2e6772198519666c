package org.activationlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import org.activationlab.render.Theme;

/**
 * The one place that knows the current theme: light or dark, and presentation mode (fonts and
 * lines {@value #PRESENTATION_SCALE}× larger, higher contrast). It sets the scenes' style sheets
 * and gives the renderers their {@link Theme}, so the screen and the exports look alike.
 */
public final class ThemeManager {

  /** How much larger fonts and lines are in presentation mode. */
  public static final double PRESENTATION_SCALE = 1.5;

  private static final String BASE = ThemeManager.class.getResource("app.css").toExternalForm();
  private static final String DARK = ThemeManager.class.getResource("dark.css").toExternalForm();
  private static final String PRESENTATION =
      ThemeManager.class.getResource("presentation.css").toExternalForm();

  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final BooleanProperty presentation = new SimpleBooleanProperty(false);
  private final BooleanProperty controlsShown = new SimpleBooleanProperty(true);
  private final javafx.beans.property.ObjectProperty<java.util.Locale> locale =
      new javafx.beans.property.SimpleObjectProperty<>(I18n.locale());
  private final ObjectBinding<Theme> theme =
      Bindings.createObjectBinding(this::currentTheme, dark, presentation, locale);
  private final List<Scene> scenes = new ArrayList<>();

  public ThemeManager() {
    theme.addListener((o, was, now) -> scenes.forEach(this::style));
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

  public BooleanProperty darkProperty() {
    return dark;
  }

  /** Presentation mode: larger fonts and lines, higher contrast, on screen and in exports. */
  public BooleanProperty presentationProperty() {
    return presentation;
  }

  /** Whether the views show their controls; hidden, only the pictures remain (for projecting). */
  public BooleanProperty controlsShownProperty() {
    return controlsShown;
  }

  /** The language of the words in pictures (set with the window's language). */
  public void setLocale(java.util.Locale language) {
    locale.set(language);
  }

  /** Changes whenever the renderers' theme does: pictures redraw on it. */
  public Observable changes() {
    return theme;
  }

  /** The renderers' theme for the current choice. */
  public Theme renderTheme() {
    return theme.get();
  }

  private Theme currentTheme() {
    Theme t = (dark.get() ? Theme.dark() : Theme.light()).withLocale(locale.get());
    return presentation.get() ? t.highContrast().scaled(PRESENTATION_SCALE) : t;
  }

  private void style(Scene scene) {
    scene.getStylesheets().setAll(BASE);
    if (dark.get()) {
      scene.getStylesheets().add(DARK);
    }
    if (presentation.get()) {
      scene.getStylesheets().add(PRESENTATION);
    }
  }
}
