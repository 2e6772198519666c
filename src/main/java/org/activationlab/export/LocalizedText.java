package org.activationlab.export;

import java.util.Locale;

/**
 * A text for the reader in English and in Chinese, such as a lesson's notes or title. A plain
 * string in a scenario file is the same text in both languages ({@link #of}); a language left out
 * is empty, and {@link #in} then gives the other one. Immutable; never null inside.
 *
 * @param en the English text, "" for none
 * @param zh the Chinese text, "" for none
 */
public record LocalizedText(String en, String zh) {

  /** No text in either language. */
  public static final LocalizedText EMPTY = new LocalizedText("", "");

  public LocalizedText {
    en = en == null ? "" : en;
    zh = zh == null ? "" : zh;
  }

  /** One text for every language (a plain string in a file). */
  public static LocalizedText of(String text) {
    return new LocalizedText(text, text);
  }

  /** Whether neither language has more than white space. */
  public boolean isBlank() {
    return en.isBlank() && zh.isBlank();
  }

  /** Whether both languages hold the same text (written as a plain string). */
  public boolean isPlain() {
    return en.equals(zh);
  }

  /**
   * The text in {@code locale}'s language (Chinese for {@code zh}, English otherwise), or the
   * other language's when that one is blank; "" when both are.
   */
  public String in(Locale locale) {
    boolean chinese = locale != null && "zh".equals(locale.getLanguage());
    String first = chinese ? zh : en;
    return first.isBlank() ? (chinese ? en : zh) : first;
  }

  /**
   * Refuses a language longer than {@code max} characters.
   *
   * @param field the field's name in messages, e.g. {@code notes}; a language is named {@code
   *     notes.en} unless the text is plain
   * @throws IllegalArgumentException naming the field, the limit and the length
   */
  void checkLength(String field, int max) {
    for (String language : new String[] {"en", "zh"}) {
      String text = language.equals("en") ? en : zh;
      if (text.length() > max) {
        throw new IllegalArgumentException((isPlain() ? field : field + "." + language)
            + ": at most " + max + " characters (got " + text.length() + ")");
      }
    }
  }
}
