package org.activationlab.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words drawn in pictures, English (root) or Chinese, from {@code
 * org/activationlab/render/texts[_zh].properties}: exports carry the language of the window they
 * came from. A missing key shows as {@code [key]} (a test keeps both languages complete).
 */
final class Texts {

  private static final String BUNDLE = "org.activationlab.render.texts";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  static String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale,
          NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
