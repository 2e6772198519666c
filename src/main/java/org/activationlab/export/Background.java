package org.activationlab.export;

import java.awt.Color;
import org.activationlab.render.Theme;

/** The background of an exported picture. */
public enum Background {
  /** As on screen. */
  THEME,
  /** White, with the light theme's colours so text stays readable (print, light slides). */
  WHITE,
  /** No background: the theme's colours over whatever the slide has. */
  TRANSPARENT;

  /** The theme to draw with for this background. */
  public Theme apply(Theme theme) {
    return switch (this) {
      case THEME -> theme;
      case WHITE -> Theme.light().scaled(theme.fontSize() / Theme.light().fontSize())
          .withBackground(Color.WHITE);
      case TRANSPARENT -> theme.withBackground(new Color(0, 0, 0, 0));
    };
  }
}
