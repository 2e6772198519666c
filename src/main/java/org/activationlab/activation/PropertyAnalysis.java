package org.activationlab.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link ActivationProperties} numerically, so that it works for any parameter values.
 *
 * <p>Sampling: a uniform core grid of 10 001 points over [−w, w] (w = 50, widened to reach 10
 * beyond every declared break), 200 geometrically spaced points on each side out to ±1000, every
 * declared break b and b ± 1e-9. Limits at ±∞ are read at x = ±1e300 (every catalog function is
 * finite or an exact 0·x there). Extremes, boundaries of saturation regions and plateaus are then
 * refined by golden-section search or bisection. About 25 000 evaluations: a few milliseconds.
 */
public final class PropertyAnalysis {

  private static final int CORE_HALF = 5000;
  private static final int FAR_POINTS = 200;
  private static final double FAR = 1e3;
  private static final double LIMIT = 1e300;

  private PropertyAnalysis() {}

  /** Analyses a bound function. */
  public static ActivationProperties analyse(Activation a) {
    return new Run(a).analyse();
  }

  private static final class Run {
    final Activation a;
    final double[] valueBreaks;
    final double[] derivativeBreaks;
    final double w;
    double[] xs;
    double[] fs;
    double[] ds;

    Run(Activation a) {
      this.a = a;
      double[] p = a.parameterValues();
      this.valueBreaks = a.function().valueDiscontinuities(p);
      this.derivativeBreaks = a.function().derivativeDiscontinuities(p);
      double width = 50;
      for (double b : allBreaks()) {
        if (Double.isFinite(b)) {
          width = Math.max(width, Math.min(FAR / 2, Math.abs(b) + 10));
        }
      }
      this.w = width;
    }

    double[] allBreaks() {
      double[] all = Arrays.copyOf(valueBreaks, valueBreaks.length + derivativeBreaks.length);
      System.arraycopy(derivativeBreaks, 0, all, valueBreaks.length, derivativeBreaks.length);
      return all;
    }

    void sample() {
      double[] breaks = allBreaks();
      double[] x = new double[2 * CORE_HALF + 1 + 2 * FAR_POINTS + 3 * breaks.length];
      int n = 0;
      for (int i = -CORE_HALF; i <= CORE_HALF; i++) {
        x[n++] = (i * w) / CORE_HALF; // exact 0 and, for w = 50, exact integers
      }
      double ratio = FAR / w;
      for (int k = 1; k <= FAR_POINTS; k++) {
        double v = k == FAR_POINTS ? FAR : w * Math.pow(ratio, (double) k / FAR_POINTS);
        x[n++] = v;
        x[n++] = -v;
      }
      for (double b : breaks) {
        if (Double.isFinite(b) && Math.abs(b) < FAR) {
          double d = 1e-9 * Math.max(1, Math.abs(b));
          x[n++] = b;
          x[n++] = b - d;
          x[n++] = b + d;
        }
      }
      for (int i = 0; i < n; i++) {
        x[i] += 0.0; // -0 → 0
      }
      Arrays.sort(x, 0, n);
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (m == 0 || x[i] != x[m - 1]) {
          x[m++] = x[i];
        }
      }
      xs = Arrays.copyOf(x, m);
      fs = new double[xs.length];
      ds = new double[xs.length];
      a.values(xs, fs, 0, xs.length);
      a.derivatives(xs, ds, 0, xs.length);
    }

    /**
     * A bound within rounding of 0 is 0 (squareplus tends to b / (4|x|), which is 1e-300 at the
     * far end of the sampled line, not a bound worth printing); −0 becomes 0.
     */
    private static double snapToZero(double bound, double tol) {
      return Math.abs(bound) < tol ? 0.0 : bound + 0.0;
    }

    ActivationProperties analyse() {
      sample();
      int last = xs.length - 1;

      // ---- range -------------------------------------------------------------------------
      double scale = 1;
      int iMin = -1;
      int iMax = -1;
      for (int i = 0; i <= last; i++) {
        double f = fs[i];
        if (Double.isNaN(f)) {
          continue;
        }
        if (Double.isFinite(f) && Math.abs(xs[i]) <= w) {
          scale = Math.max(scale, Math.abs(f));
        }
        if (iMin < 0 || f < fs[iMin]) {
          iMin = i;
        }
        if (iMax < 0 || f > fs[iMax]) {
          iMax = i;
        }
      }
      double tol = 1e-12 * scale;
      double limLeft = limit(-1);
      double limRight = limit(+1);
      double huge = 1e6 * Math.max(scale, FAR);
      boolean unboundedBelow = limLeft < -huge || limRight < -huge || fs[iMin] == Double.NEGATIVE_INFINITY;
      boolean unboundedAbove = limLeft > huge || limRight > huge || fs[iMax] == Double.POSITIVE_INFINITY;
      double tailMin = Math.min(limLeft, limRight);
      double tailMax = Math.max(limLeft, limRight);

      double rangeMin = Double.NEGATIVE_INFINITY;
      boolean minAttained = false;
      double interiorMin = Double.NaN;
      double interiorMinAt = Double.NaN;
      if (!unboundedBelow) {
        if (fs[iMin] < tailMin - tol) {
          double[] m = refineExtremum(iMin, +1);
          interiorMinAt = m[0];
          interiorMin = m[1];
          rangeMin = interiorMin;
          minAttained = true;
        } else {
          rangeMin = snapToZero(Math.min(fs[iMin], tailMin), tol);
          minAttained = plateauReachesTail(rangeMin, limLeft, limRight, tol);
        }
      }
      double rangeMax = Double.POSITIVE_INFINITY;
      boolean maxAttained = false;
      if (!unboundedAbove) {
        if (fs[iMax] > tailMax + tol) {
          rangeMax = refineExtremum(iMax, -1)[1];
          maxAttained = true;
        } else {
          rangeMax = snapToZero(Math.max(fs[iMax], tailMax), tol);
          maxAttained = plateauReachesTail(rangeMax, limLeft, limRight, tol);
        }
      }

      // ---- sign, monotonicity, smoothness -----------------------------------------------
      boolean zeroCentred = zeroCentred(a);
      boolean monotonic = true;
      for (int i = 0; i < last && monotonic; i++) {
        if (fs[i + 1] < fs[i] - 1e-12 * Math.max(1, Math.abs(fs[i]))) {
          monotonic = false;
        }
      }
      boolean smooth = !hasSignificantBreak() && !hasNumericDerivativeJump();

      // ---- steepest slope ---------------------------------------------------------------
      double[] steepest = steepest();
      double maxAbs = steepest[0];

      return new ActivationProperties(rangeMin, rangeMax, minAttained, maxAttained,
          !unboundedBelow, !unboundedAbove, zeroCentred, monotonic, smooth, maxAbs, steepest[1],
          spans(steepest), interiorMin, interiorMinAt, saturation(maxAbs));
    }

    /** f at ±1e300 (the limit at ±∞), or at ±1e3 if that is NaN. */
    double limit(int side) {
      double v = a.value(side * LIMIT);
      return Double.isNaN(v) ? a.value(side * FAR) : v;
    }

    /**
     * Whether an extreme equal to a tail's limit is attained at finite x: the function must sit
     * exactly on it, with f' exactly 0, at the edge of the core grid on that side (ReLU's 0).
     * Asymptotes (sigmoid's 0, tanh's 1) have f' ≠ 0 there.
     */
    boolean plateauReachesTail(double extreme, double limLeft, double limRight, double tol) {
      boolean left = Math.abs(limLeft - extreme) <= tol && a.value(-w) == limLeft && a.derivative(-w) == 0;
      boolean right = Math.abs(limRight - extreme) <= tol && a.value(w) == limRight && a.derivative(w) == 0;
      return left || right;
    }

    /** Golden-section refinement of a sampled minimum (sign +1) or maximum (−1): {x, f(x)}. */
    double[] refineExtremum(int i, int sign) {
      double lo = xs[Math.max(0, i - 1)];
      double hi = xs[Math.min(xs.length - 1, i + 1)];
      double x = goldenMin(t -> sign * a.value(t), lo, hi);
      double fx = a.value(x);
      if (sign * fx <= sign * fs[i]) {
        return new double[] {x, fx};
      }
      return new double[] {xs[i], fs[i]};
    }

    boolean hasSignificantBreak() {
      for (double b : valueBreaks) {
        double d = 1e-9 * Math.max(1, Math.abs(b));
        double jump = a.value(b + d) - a.value(b - d) - d * (a.derivative(b + d) + a.derivative(b - d));
        if (Math.abs(jump) > 1e-6 * Math.max(1, Math.abs(a.value(b)))) {
          return true;
        }
      }
      for (double b : derivativeBreaks) {
        double d = 1e-9 * Math.max(1, Math.abs(b));
        double left = a.derivative(b - d);
        double right = a.derivative(b + d);
        if (Math.abs(right - left) > 1e-6 * Math.max(1, Math.max(Math.abs(left), Math.abs(right)))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Looks for jumps of f' between core samples: where f' changes much faster than between the
     * neighbouring samples, the interval is halved (50 times at most) and a jump is reported if the
     * change does not shrink below 1e-6 of |f'|.
     */
    boolean hasNumericDerivativeJump() {
      for (int i = 0; i + 1 < xs.length; i++) {
        if (Math.abs(xs[i]) > w || Math.abs(xs[i + 1]) > w) {
          continue;
        }
        double jump = Math.abs(ds[i + 1] - ds[i]);
        double before = i > 0 ? Math.abs(ds[i] - ds[i - 1]) : 0;
        double after = i + 2 < xs.length ? Math.abs(ds[i + 2] - ds[i + 1]) : 0;
        if (!(jump > 4 * Math.max(before, after))) {
          continue; // f' changes no faster here than next door: no jump (NaN-safe)
        }
        double lo = xs[i];
        double hi = xs[i + 1];
        double dlo = ds[i];
        double dhi = ds[i + 1];
        for (int k = 0; k < 50; k++) {
          double local = Math.max(1, Math.max(Math.abs(dlo), Math.abs(dhi)));
          if (!(Math.abs(dhi - dlo) > 1e-6 * local)) {
            break;
          }
          if (k == 49 || hi - lo <= 1e-12 * Math.max(1, Math.abs(lo))) {
            return true;
          }
          double mid = 0.5 * (lo + hi);
          double dmid = a.derivative(mid);
          if (Math.abs(dmid - dlo) >= Math.abs(dhi - dmid)) {
            hi = mid;
            dhi = dmid;
          } else {
            lo = mid;
            dlo = dmid;
          }
        }
      }
      return false;
    }

    /**
     * Where |f'| is at its maximum (to relative 1e-8), from what {@link #steepest()} found: the
     * peak's point, or every plateau at that level (softshrink has two); each end is included
     * only if f' takes the maximum there (ReLU's 0 is not: f'(0) = 0), and a peak that f' only
     * approaches at a kink (hard swish at 3) is a point with neither end included. Empty for a
     * tail or a constant |f'|.
     */
    List<ActivationProperties.Span> spans(double[] steepest) {
      double m = steepest[0];
      if (Double.isNaN(steepest[2]) || Double.isInfinite(m)) {
        return List.of();
      }
      double level = m * (1 - 1e-8);
      if (steepest[2] == steepest[3]) { // a peak
        double x = snap(steepest[2]);
        boolean attained = Math.abs(a.derivative(x)) >= level;
        return List.of(new ActivationProperties.Span(x, x, attained, attained));
      }
      List<ActivationProperties.Span> out = new ArrayList<>();
      int last = xs.length - 1;
      for (int i = 0; i <= last; i++) {
        if (!(Math.abs(ds[i]) >= level)) {
          continue;
        }
        int j = i;
        while (j < last && Math.abs(ds[j + 1]) >= level) {
          j++;
        }
        double from = i == 0 ? Double.NEGATIVE_INFINITY
            : snap(bisect(xs[i - 1], xs[i], t -> Math.abs(a.derivative(t)) >= level));
        double to = j == last ? Double.POSITIVE_INFINITY
            : snap(bisect(xs[j], xs[j + 1], t -> Math.abs(a.derivative(t)) < level));
        out.add(new ActivationProperties.Span(from, to,
            Double.isFinite(from) && Math.abs(a.derivative(from)) >= level,
            Double.isFinite(to) && Math.abs(a.derivative(to)) >= level));
        i = j;
      }
      return out;
    }

    /**
     * {max |f'|, where, from, to}: where as {@link ActivationProperties#argMaxAbsDerivative()},
     * from..to the points or plateau of the maximum (see {@link
     * ActivationProperties#steepest()}), NaN when there is none.
     */
    double[] steepest() {
      int last = xs.length - 1;
      double m = 0;
      int im = -1;
      for (int i = 0; i <= last; i++) {
        double d = Math.abs(ds[i]);
        if (d > m) { // NaN never compares greater
          m = d;
          im = i;
        }
      }
      if (im < 0) {
        return new double[] {0, Double.NaN, Double.NaN, Double.NaN}; // f' = 0 everywhere
      }
      if (Double.isInfinite(m)) {
        return new double[] {m, Math.copySign(Double.POSITIVE_INFINITY, xs[im]), Double.NaN,
            Double.NaN};
      }
      for (int side = -1; side <= 1; side += 2) { // the limit of |f'| at ±∞ may exceed every sample
        double tail = Math.abs(a.derivative(side * LIMIT));
        if (Double.isFinite(tail) && tail > m) {
          return new double[] {tail, side * Double.POSITIVE_INFINITY, Double.NaN, Double.NaN};
        }
      }
      double level = m * (1 - 1e-8);
      int i0 = im;
      while (i0 > 0 && Math.abs(ds[i0 - 1]) >= level) {
        i0--;
      }
      int i1 = im;
      while (i1 < last && Math.abs(ds[i1 + 1]) >= level) {
        i1++;
      }
      boolean touchesLeft = i0 == 0;
      boolean touchesRight = i1 == last;
      if (touchesLeft && touchesRight) {
        return new double[] {m, Double.NaN, Double.NaN, Double.NaN}; // |f'| constant
      }
      if (i0 == i1 && !touchesLeft && !touchesRight) { // a peak: refine
        double x = goldenMin(t -> -Math.abs(a.derivative(t)), xs[i0 - 1], xs[i0 + 1]);
        double d = Math.abs(a.derivative(x));
        return d > m ? new double[] {d, x, x, x} : new double[] {m, xs[i0], xs[i0], xs[i0]};
      }
      if (touchesLeft) { // from −∞ to a finite end: a real plateau end, or an asymptote
        double end = bisect(xs[i1], xs[i1 + 1], t -> Math.abs(a.derivative(t)) < level);
        return sharpEdge(end, +1, m)
            ? new double[] {m, snap(end), Double.NEGATIVE_INFINITY, snap(end)}
            : new double[] {m, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN};
      }
      double start = bisect(xs[i0 - 1], xs[i0], t -> Math.abs(a.derivative(t)) >= level);
      if (touchesRight && !sharpEdge(start, -1, m)) {
        return new double[] {m, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN}; // softplus
      }
      double end = touchesRight ? Double.POSITIVE_INFINITY
          : snap(bisect(xs[i1], xs[i1 + 1], t -> Math.abs(a.derivative(t)) < level));
      return new double[] {m, snap(start), snap(start), end}; // a plateau (ReLU, ELU, …)
    }

    /**
     * Whether |f'| leaves the level m clearly (by more than 1e-6·m within 0.01) on the given side
     * of x: true at a kink (ReLU) or a smooth but finite-order end of a plateau (ELU), false where
     * |f'| only creeps towards m (softplus's σ(x) → 1), which numerically looks like a plateau.
     */
    boolean sharpEdge(double x, int side, double m) {
      return m - Math.abs(a.derivative(x + side * 0.01)) > 1e-6 * m;
    }

    List<Interval> saturation(double maxAbs) {
      List<Interval> out = new ArrayList<>();
      if (!Double.isFinite(maxAbs)) {
        return out;
      }
      double threshold = ActivationProperties.SATURATION_FRACTION * maxAbs;
      int last = xs.length - 1;
      int i = 0;
      while (i <= last) {
        if (!(Math.abs(ds[i]) <= threshold)) {
          i++;
          continue;
        }
        int j = i;
        while (j < last && Math.abs(ds[j + 1]) <= threshold) {
          j++;
        }
        double from = i == 0 ? Double.NEGATIVE_INFINITY
            : snap(bisect(xs[i - 1], xs[i], t -> Math.abs(a.derivative(t)) <= threshold));
        double to = j == last ? Double.POSITIVE_INFINITY
            : snap(bisect(xs[j], xs[j + 1], t -> !(Math.abs(a.derivative(t)) <= threshold)));
        out.add(new Interval(Math.min(from, to), Math.max(from, to)));
        i = j + 1;
      }
      return out;
    }

    /** The declared break within 1e-6 of x, or NaN. */
    double nearBreak(double x) {
      for (double b : allBreaks()) {
        if (Math.abs(b - x) <= 1e-6 * Math.max(1, Math.abs(b))) {
          return b;
        }
      }
      return Double.NaN;
    }

    /** x moved onto a declared break (or 0) when within 1e-6 of it. */
    double snap(double x) {
      double b = nearBreak(x);
      if (!Double.isNaN(b)) {
        return b;
      }
      return Math.abs(x) <= 1e-6 ? 0.0 : x;
    }
  }

  /** Outputs whose mean is at most this share of their root mean square count as zero-centred. */
  static final double ZERO_CENTRED_TOLERANCE = 0.1;

  /**
   * Whether f's outputs are centred on zero for a standard-normal input x ~ N(0, 1), as a
   * pre-activation with He or Glorot weights is: |E f(x)| ≤ {@value #ZERO_CENTRED_TOLERANCE} ×
   * √E f(x)². The expectations by the trapezoid rule on [−12, 12] (the Gaussian tail beyond holds
   * under 1e-32 of the mass).
   */
  static boolean zeroCentred(Activation a) {
    int n = 4800;
    double h = 24.0 / n;
    double mean = 0;
    double square = 0;
    for (int i = 0; i <= n; i++) {
      double x = -12 + i * h;
      double w = (i == 0 || i == n ? 0.5 : 1) * h * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      double f = a.value(x);
      if (!Double.isFinite(f)) {
        return false;
      }
      mean += w * f;
      square += w * f * f;
    }
    return Math.abs(mean) <= ZERO_CENTRED_TOLERANCE * Math.sqrt(square);
  }

  @FunctionalInterface
  private interface Predicate {
    boolean test(double x);
  }

  @FunctionalInterface
  private interface Objective {
    double at(double x);
  }

  /** The boundary in [lo, hi] where {@code inside} starts to hold (it holds at hi, not at lo). */
  private static double bisect(double lo, double hi, Predicate inside) {
    for (int k = 0; k < 200; k++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (inside.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Golden-section search for a minimum of a unimodal function on [lo, hi]. */
  private static double goldenMin(Objective f, double lo, double hi) {
    final double g = 0.6180339887498949;
    double c = hi - g * (hi - lo);
    double d = lo + g * (hi - lo);
    double fc = f.at(c);
    double fd = f.at(d);
    for (int k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo) + Math.abs(hi)); k++) {
      if (fc <= fd) {
        hi = d;
        d = c;
        fd = fc;
        c = hi - g * (hi - lo);
        fc = f.at(c);
      } else {
        lo = c;
        c = d;
        fc = fd;
        d = lo + g * (hi - lo);
        fd = f.at(d);
      }
    }
    return 0.5 * (lo + hi);
  }
}
