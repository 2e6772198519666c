package org.activationlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's texts, from {@code org/activationlab/ui/messages[_zh].properties} (UTF-8). The locale
 * defaults to the system's: Chinese when the system language is Chinese, English otherwise.
 */
public final class I18n {

  private static final String BUNDLE = "org.activationlab.ui.messages";
  private static volatile ResourceBundle bundle = load(defaultLocale());

  private I18n() {}

  /** Chinese for a Chinese system, English otherwise. */
  public static Locale defaultLocale() {
    return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  public static void setLocale(Locale locale) {
    bundle = load(locale);
  }

  public static Locale locale() {
    Locale l = bundle.getLocale();
    return l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
  }

  /** The text for a key, or the key itself in brackets if missing (a test keeps keys complete). */
  public static String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
  }

  /** The text for a key with {@link MessageFormat} arguments. */
  public static String text(String key, Object... args) {
    return new MessageFormat(text(key), locale()).format(args);
  }

  private static ResourceBundle load(Locale locale) {
    // The root bundle is English; never fall back to the JVM's default locale's bundle.
    return ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
