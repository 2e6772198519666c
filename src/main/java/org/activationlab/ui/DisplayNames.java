package org.activationlab.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Choice boxes that show values by a name (never parsed back from text). */
public final class DisplayNames {

  private DisplayNames() {}

  /** A converter showing each value as {@code name} gives it ("" for null). */
  public static <T> StringConverter<T> of(Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        return null;
      }
    };
  }
}
