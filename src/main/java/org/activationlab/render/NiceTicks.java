package org.activationlab.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions people like to read (1, 2, 5 × 10^k; decades on log axes) and their labels. */
public final class NiceTicks {

  private NiceTicks() {}

  /** The nice step for about {@code target} ticks over [min, max]. */
  public static double step(double min, double max, int target) {
    double raw = (max - min) / Math.max(1, target);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double residual = raw / magnitude;
    double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
    return nice * magnitude;
  }

  /** Ticks at multiples of a nice step inside [min, max]. */
  public static List<Double> linear(double min, double max, int target) {
    List<Double> ticks = new ArrayList<>();
    if (!(max > min) || !Double.isFinite(max - min)) {
      return ticks;
    }
    double step = step(min, max, target);
    long first = (long) Math.ceil(min / step - 1e-9);
    long last = (long) Math.floor(max / step + 1e-9);
    for (long i = first; i <= last && ticks.size() < 1000; i++) {
      double t = i * step;
      ticks.add(t == 0 ? 0.0 : clean(t, step));
    }
    return ticks;
  }

  /**
   * Ticks for a count (training steps): as {@link #linear}, but never between whole numbers, so a
   * short run does not show 0, 0.25, 0.5 … labelled "0 0 1".
   */
  public static List<Double> whole(double min, double max, int target) {
    if (step(min, max, target) >= 1) {
      return linear(min, max, target);
    }
    List<Double> ticks = new ArrayList<>();
    for (long i = (long) Math.ceil(min); i <= (long) Math.floor(max) && ticks.size() < 1000; i++) {
      ticks.add((double) i);
    }
    return ticks;
  }

  /** Powers of ten in [min, max] (both &gt; 0); every k-th decade when there are many. */
  public static List<Double> decades(double min, double max, int target) {
    List<Double> ticks = new ArrayList<>();
    if (!(min > 0) || !(max > min)) {
      return ticks;
    }
    int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
    int hi = (int) Math.floor(Math.log10(max) + 1e-9);
    int every = Math.max(1, (int) Math.ceil((hi - lo + 1) / (double) Math.max(1, target)));
    for (int e = lo; e <= hi; e++) {
      if (Math.floorMod(e, every) == 0) {
        ticks.add(Double.parseDouble("1e" + e));
      }
    }
    return ticks;
  }

  /** Label of a linear tick: as many decimals as the step needs, no floating-point noise. */
  public static String label(double value, double step) {
    if (value == 0) {
      return "0";
    }
    double abs = Math.abs(value);
    if (abs >= 1e6 || abs < 1e-4) {
      return scientific(value);
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    return s.replace('-', '−');
  }

  /** Label of a decade tick: 1, 10, 100 near one, otherwise 1e-12 style. */
  public static String decadeLabel(double value) {
    int e = (int) Math.round(Math.log10(value));
    if (e >= 0 && e <= 3) {
      return Long.toString(Math.round(value));
    }
    if (e < 0 && e >= -2) {
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
    return ("1e" + e).replace('-', '−');
  }

  /** Compact number for readouts: {@code digits} significant digits, no trailing zeros. */
  public static String significant(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs >= 1e6 || abs < 1e-4) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v).replace('-', '−');
    }
    String s = new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
        .toPlainString();
    return s.replace('-', '−');
  }

  private static String scientific(double v) {
    String s = String.format(Locale.ROOT, "%.3g", v);
    return s.replace('-', '−');
  }

  /** Removes representation noise: round to the step's precision. */
  private static double clean(double t, double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)) + 2);
    return new BigDecimal(t).setScale(Math.min(decimals, 300), java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}
