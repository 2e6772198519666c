package org.activationlab.activation;

/**
 * A closed interval of the real line [from, to]; either end may be infinite (then it is open on
 * that side).
 */
public record Interval(double from, double to) {

  public Interval {
    if (Double.isNaN(from) || Double.isNaN(to) || from > to) {
      throw new IllegalArgumentException("not an interval: [" + from + ", " + to + "]");
    }
  }

  /** Whether x lies in the interval (ends included). */
  public boolean contains(double x) {
    return x >= from && x <= to;
  }

  /** to − from; infinite for a half-line. */
  public double length() {
    return to - from;
  }

  /** E.g. {@code (-∞, 0]} or {@code [4.3605, ∞)}. */
  @Override
  public String toString() {
    return (Double.isInfinite(from) ? "(" : "[") + ActivationProperties.format(from) + ", "
        + ActivationProperties.format(to) + (Double.isInfinite(to) ? ")" : "]");
  }
}
