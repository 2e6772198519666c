package org.activationlab.activation;

import java.util.Locale;

/**
 * A typed parameter of an activation function, e.g. Leaky ReLU's {@code negative_slope}.
 *
 * <p>{@code validMin..validMax} is what the function accepts (may be infinite); {@code
 * sliderMin..sliderMax} is the range offered by a slider, always finite and inside the valid range.
 * A {@link Kind#BOOLEAN} parameter holds 0 (false) or 1 (true).
 *
 * @param name snake_case name used in commands and files ({@code negative_slope})
 * @param displayName label for people ({@code negative slope})
 * @param symbol LaTeX symbol used in the formulas ({@code \alpha})
 * @param defaultValue the value a fresh function gets
 * @param validMin smallest accepted value
 * @param minExclusive whether {@code validMin} itself is refused (e.g. β &gt; 0)
 * @param validMax largest accepted value (inclusive)
 * @param sliderMin lower end of the slider
 * @param sliderMax upper end of the slider
 * @param kind real number or boolean
 */
public record Parameter(
    String name,
    String displayName,
    String symbol,
    double defaultValue,
    double validMin,
    boolean minExclusive,
    double validMax,
    double sliderMin,
    double sliderMax,
    Kind kind) {

  /** What values a parameter holds. */
  public enum Kind {
    REAL,
    BOOLEAN
  }

  public Parameter {
    if (!(validMin <= sliderMin && sliderMin < sliderMax && sliderMax <= validMax)) {
      throw new IllegalArgumentException("slider range must lie inside the valid range: " + name);
    }
    if (!accepts(defaultValue, validMin, minExclusive, validMax)) {
      throw new IllegalArgumentException("default outside the valid range: " + name);
    }
  }

  /** A real parameter whose valid range equals its slider range. */
  public static Parameter real(
      String name, String displayName, String symbol, double defaultValue, double min, double max) {
    return new Parameter(name, displayName, symbol, defaultValue, min, false, max, min, max, Kind.REAL);
  }

  /** A real parameter that accepts more than the slider offers. */
  public static Parameter real(
      String name,
      String displayName,
      String symbol,
      double defaultValue,
      double validMin,
      boolean minExclusive,
      double validMax,
      double sliderMin,
      double sliderMax) {
    return new Parameter(
        name, displayName, symbol, defaultValue, validMin, minExclusive, validMax, sliderMin, sliderMax,
        Kind.REAL);
  }

  /** A true/false parameter stored as 1/0. */
  public static Parameter bool(String name, String displayName, boolean defaultValue) {
    return new Parameter(name, displayName, name, defaultValue ? 1 : 0, 0, false, 1, 0, 1, Kind.BOOLEAN);
  }

  /** Whether {@code value} is allowed for this parameter. */
  public boolean accepts(double value) {
    if (kind == Kind.BOOLEAN) {
      return value == 0 || value == 1;
    }
    return accepts(value, validMin, minExclusive, validMax);
  }

  private static boolean accepts(double v, double min, boolean minExclusive, double max) {
    return !Double.isNaN(v) && (minExclusive ? v > min : v >= min) && v <= max;
  }

  /** The human-readable valid range, e.g. {@code (0, ∞)} or {@code [0, 1]} or {@code true|false}. */
  public String rangeText() {
    if (kind == Kind.BOOLEAN) {
      return "true|false";
    }
    return (minExclusive || Double.isInfinite(validMin) ? "(" : "[") + format(validMin) + ", " + format(validMax)
        + (Double.isInfinite(validMax) ? ")" : "]");
  }

  /**
   * Parses a value typed by a user: a number, or for booleans {@code true/false/1/0} (and for
   * GELU-style switches also {@code tanh/none}).
   *
   * @throws IllegalArgumentException with a message naming the valid range
   */
  public double parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    double v;
    if (kind == Kind.BOOLEAN) {
      v = switch (t) {
        case "true", "1", "yes", "tanh" -> 1;
        case "false", "0", "no", "none" -> 0;
        default -> throw new IllegalArgumentException(
            "parameter " + name + " must be true or false (got '" + text + "')");
      };
      return v;
    }
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a number in " + rangeText() + " (got '" + text + "')");
    }
    if (!accepts(v)) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be in " + rangeText() + " (got " + text.trim() + ")");
    }
    return v;
  }

  /** Formats a value of this parameter for files and commands. */
  public String formatValue(double value) {
    if (kind == Kind.BOOLEAN) {
      return value != 0 ? "true" : "false";
    }
    return format(value);
  }

  static String format(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
