package org.activationlab.render;

/**
 * A range of whole decades [10^min, 10^max] for a logarithmic colour scale. {@link #fitting}
 * makes the smallest range holding every positive finite value shown, so a 10⁴ ratio between
 * layers spans most of the colour map instead of 4 of 14 fixed decades; a locked range (for
 * comparing moments of a run) stays as it is and reports values outside it.
 *
 * @param min log10 of the bottom of the range
 * @param max log10 of the top, above {@code min}
 */
public record DecadeRange(int min, int max) {

  /** The narrowest fitted range, so that nearly equal values do not get extreme colours. */
  public static final int MIN_SPAN = 2;
  /** The range when there is nothing to fit (all values zero or not finite). */
  public static final DecadeRange EMPTY = new DecadeRange(-4, 0);

  public DecadeRange {
    if (max <= min) {
      throw new IllegalArgumentException("decade range needs max > min (got " + min + ", " + max
          + ")");
    }
  }

  /**
   * The smallest whole-decade range, at least {@link #MIN_SPAN} wide, holding {@code smallest}
   * and {@code largest} (the extreme positive finite values shown); {@link #EMPTY} when there are
   * none ({@code largest} not positive and finite).
   */
  public static DecadeRange fitting(double smallest, double largest) {
    if (!(largest > 0) || !Double.isFinite(largest) || !(smallest > 0)) {
      return EMPTY;
    }
    int lo = (int) Math.floor(Math.log10(smallest));
    int hi = (int) Math.ceil(Math.log10(largest));
    int missing = MIN_SPAN - (hi - lo);
    if (missing > 0) { // widen on both sides, the extra decade below
      lo -= (missing + 1) / 2;
      hi += missing / 2;
    }
    return new DecadeRange(lo, hi);
  }

  /** Whether {@code magnitude} (positive, finite) lies inside the range. */
  public boolean contains(double magnitude) {
    double e = Math.log10(magnitude);
    return e >= min && e <= max;
  }

  /**
   * The smallest range holding both (two runs on one colour scale); {@link #EMPTY}, the range of
   * no data, gives way to the other.
   */
  public DecadeRange union(DecadeRange other) {
    if (this.equals(EMPTY)) {
      return other;
    }
    if (other.equals(EMPTY)) {
      return this;
    }
    return new DecadeRange(Math.min(min, other.min), Math.max(max, other.max));
  }

  /** The number of decades spanned. */
  public int span() {
    return max - min;
  }
}
