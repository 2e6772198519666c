package org.activationlab.activation;

import java.util.List;
import java.util.Locale;

/**
 * Shape properties of a bound activation function, computed numerically by {@link
 * PropertyAnalysis#analyse(Activation)}.
 *
 * @param rangeMin infimum of f over ℝ (−∞ when unbounded below); a limit when not attained
 * @param rangeMax supremum of f over ℝ (+∞ when unbounded above)
 * @param rangeMinAttained whether some finite x has f(x) = rangeMin (ReLU's 0: yes; sigmoid's 0: no)
 * @param rangeMaxAttained whether some finite x has f(x) = rangeMax
 * @param boundedBelow whether rangeMin is finite
 * @param boundedAbove whether rangeMax is finite
 * @param zeroCentred the mean output for a standard-normal input x ~ N(0, 1) is near zero: |E f(x)|
 *     ≤ 0.1 × √E f(x)² (tanh, softsign and SELU yes; sigmoid, ReLU, Leaky ReLU, ELU and GELU no:
 *     their outputs shift the next layer's inputs)
 * @param monotonic f is non-decreasing everywhere sampled
 * @param smooth f and f' have no (significant) jumps: C¹; declared breaks whose jump is below 1e-6
 *     of the local scale (softplus's threshold switch, ≈ 2e-9) do not count
 * @param maxAbsDerivative sup |f'| (+∞ when unbounded, e.g. e^x)
 * @param argMaxAbsDerivative where |f'| is largest: the maximiser for a peak (sigmoid: 0); the left
 *     end of a plateau, snapped to the kink that starts it (ReLU: 0, although f'(0) = 0 by
 *     PyTorch's convention, hard sigmoid: −3); ±∞ when the supremum is only approached in a tail
 *     (tanhshrink, softplus, e^x); NaN when |f'| is the same everywhere (identity, binary step)
 * @param steepest where |f'| takes its largest value, as intervals whose ends are included only
 *     where f' really takes it there: a peak is a single point (sigmoid: [0, 0]); ReLU's plateau
 *     is (0, ∞), since f'(0) = 0 by PyTorch's convention; ELU's is [0, ∞); hard sigmoid's
 *     (−3, 3); softshrink's (−∞, −0.5) and (0.5, ∞); a point with neither end included is only
 *     approached there (hard swish's 1.5 as x → 3⁻, where f'(3) = 1). Empty for a supremum only
 *     approached in a tail, or a constant |f'|.
 * @param interiorMinimum the global minimum when it is attained at a finite x strictly below the
 *     tails' limits (SiLU ≈ −0.2785), otherwise NaN
 * @param interiorMinimumAt where interiorMinimum is attained (SiLU ≈ −1.2785), otherwise NaN
 * @param saturationRegions maximal intervals where |f'| ≤ {@value #SATURATION_FRACTION} ×
 *     maxAbsDerivative, sorted, possibly reaching ±∞; empty when maxAbsDerivative is infinite. They
 *     include small neighbourhoods of stationary points (SiLU near its minimum).
 */
public record ActivationProperties(
    double rangeMin,
    double rangeMax,
    boolean rangeMinAttained,
    boolean rangeMaxAttained,
    boolean boundedBelow,
    boolean boundedAbove,
    boolean zeroCentred,
    boolean monotonic,
    boolean smooth,
    double maxAbsDerivative,
    double argMaxAbsDerivative,
    List<Span> steepest,
    double interiorMinimum,
    double interiorMinimumAt,
    List<Interval> saturationRegions) {

  /**
   * An interval of x.
   *
   * @param fromIncluded whether {@code from} belongs to it
   * @param toIncluded whether {@code to} belongs to it (never for ∞)
   */
  public record Span(double from, double to, boolean fromIncluded, boolean toIncluded) {
    /** Whether it is one point. */
    public boolean isPoint() {
      return from == to;
    }
  }

  /** |f'| at most this fraction of max |f'| counts as saturated. */
  public static final double SATURATION_FRACTION = 0.05;

  public ActivationProperties {
    steepest = List.copyOf(steepest);
    saturationRegions = List.copyOf(saturationRegions);
  }

  /** Whether the function has a minimum at a finite x below its tails. */
  public boolean hasInteriorMinimum() {
    return !Double.isNaN(interiorMinimum);
  }

  /** The range in interval notation, e.g. {@code (0, 1)}, {@code [0, ∞)}, {@code (-1.7581, ∞)}. */
  public String rangeText() {
    return (rangeMinAttained ? "[" : "(") + format(rangeMin) + ", " + format(rangeMax)
        + (rangeMaxAttained ? "]" : ")");
  }

  /** Compact number for people: integers without decimals, otherwise 5 significant digits. */
  static String format(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-∞";
    }
    double r = Math.rint(v);
    if (Math.abs(v - r) <= 1e-9 * Math.max(1, Math.abs(v)) && Math.abs(r) < 1e15) {
      return Long.toString((long) r);
    }
    String s = String.format(Locale.ROOT, "%.5g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
