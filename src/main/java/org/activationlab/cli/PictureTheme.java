package org.activationlab.cli;

import java.util.Locale;
import org.activationlab.render.Theme;

/** The colours and language of a command's pictures, from its --theme and --lang. */
final class PictureTheme {

  private PictureTheme() {}

  /** light|dark and en|zh; anything else is bad input naming the choices. */
  static Theme of(String themeName, String lang) {
    Theme t = switch (themeName.trim().toLowerCase(Locale.ROOT)) {
      case "light" -> Theme.light();
      case "dark" -> Theme.dark();
      default -> throw new Cli.UsageException("--theme must be light or dark (got '" + themeName
          + "')");
    };
    return switch (lang.trim().toLowerCase(Locale.ROOT)) {
      case "en" -> t.withLocale(Locale.ENGLISH);
      case "zh" -> t.withLocale(Locale.CHINESE);
      default -> throw new Cli.UsageException("--lang must be en or zh (got '" + lang + "')");
    };
  }
}
