package org.activationlab.activation;

/**
 * Numerically careful scalar functions shared by the catalog: the error function (Java has none),
 * a sigmoid and softplus that never overflow, and the standard normal distribution.
 *
 * <p>The error function is computed with two classical expansions, chosen so that neither suffers
 * from cancellation:
 *
 * <ul>
 *   <li>for |x| &lt; 2 the series with positive terms (Abramowitz &amp; Stegun 7.1.6)
 *       erf(x) = (2/√π) e^{-x²} Σ 2ⁿ x^{2n+1} / (1·3·5···(2n+1)), at most ~31 terms;
 *   <li>for x ≥ 1 (erfc) and x ≥ 2 (erf = 1 − erfc) Laplace's continued fraction in its even
 *       (contracted) form erfc(x) = (2x e^{-x²}/√π) / (2x²+1 − 1·2/(2x²+5 − 3·4/(2x²+9 − …))),
 *       evaluated backwards from a fixed depth (120 terms at x = 1, 14 at x = 5).
 * </ul>
 *
 * e^{-x²} is evaluated as e^{-h²}·e^{-(x−h)(x+h)} with h = x rounded to 26 bits, so that the
 * rounding of x² does not cost relative accuracy for large x. Relative error is about 1e-15 or
 * better over the whole range (checked against reference values in the tests).
 */
public final class SpecialFunctions {

  static final double TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
  static final double SQRT_HALF = 0.7071067811865476; // 1/√2
  static final double ONE_OVER_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

  private SpecialFunctions() {}

  /** The error function, (2/√π)∫₀ˣ e^{-t²} dt; odd, in [-1, 1]. */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    double r;
    if (a < 2.0) {
      r = erfSeries(a);
    } else if (a < 6.0) {
      r = 1.0 - erfcContinuedFraction(a); // erfc(2) ≈ 4.7e-3: no cancellation to speak of
    } else {
      r = 1.0; // erfc(6) ≈ 2.2e-17 < half an ulp of 1
    }
    return x < 0 ? -r : r;
  }

  /** The complementary error function 1 − erf(x), accurate also where it is tiny (x ≫ 1). */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (x < 0) {
      return 1.0 + erf(-x);
    }
    if (x < 1.0) {
      return 1.0 - erfSeries(x); // erfc ≥ 0.157 here
    }
    if (x < 27.3) {
      return erfcContinuedFraction(x);
    }
    return 0.0; // erfc(27.3) ≈ 4e-326 underflows
  }

  /** Standard normal cumulative distribution Φ(x), accurate in both tails. */
  public static double normalCdf(double x) {
    return 0.5 * erfc(-x * SQRT_HALF);
  }

  /** Standard normal density φ(x) = e^{-x²/2}/√(2π). */
  public static double normalPdf(double x) {
    return ONE_OVER_SQRT_2PI * expMinusSquare(x * SQRT_HALF);
  }

  /** The logistic sigmoid 1/(1+e^{-x}); never evaluates exp of a large positive number. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /**
   * σ'(x) = σ(x)σ(−x) = e^{-|x|}/(1+e^{-|x|})²; unlike σ(1−σ) it stays non-zero (and accurate)
   * in the tails until e^{-|x|} underflows.
   */
  public static double sigmoidDerivative(double x) {
    double e = Math.exp(-Math.abs(x));
    double d = 1.0 + e;
    return e / (d * d);
  }

  /** ln(1 + e^x) = max(x, 0) + log1p(e^{-|x|}), finite for every finite x. */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** ln σ(x) = −softplus(−x). */
  public static double logSigmoid(double x) {
    return -softplus(-x);
  }

  /** 1 − tanh²(x) = 4e^{-2|x|}/(1+e^{-2|x|})², accurate in the tails. */
  public static double sech2(double x) {
    double e = Math.exp(-2.0 * Math.abs(x));
    double d = 1.0 + e;
    return 4.0 * e / (d * d);
  }

  /** e^{-x²} without the relative error that rounding x² would cause for large |x|. */
  static double expMinusSquare(double x) {
    double a = Math.abs(x);
    if (a > 27.3) {
      return 0.0;
    }
    double hi = Double.longBitsToDouble(Double.doubleToRawLongBits(a) & 0xFFFFFFFFF8000000L);
    double lo = a - hi;
    // a² = hi² + lo·(a + hi), and hi² is exact because hi has at most 26 significant bits
    return Math.exp(-hi * hi) * Math.exp(-lo * (a + hi));
  }

  /** erf(a) for 0 ≤ a &lt; ~2.5 by the series with positive terms (no cancellation). */
  private static double erfSeries(double a) {
    double y = 2.0 * a * a;
    double term = 1.0;
    double sum = 1.0;
    for (int n = 1; term > 1e-17 * sum; n++) {
      term *= y / (2 * n + 1);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * a * expMinusSquare(a) * sum;
  }

  /**
   * erfc(a) for a ≥ 1 by the even contraction of Laplace's continued fraction, evaluated backwards
   * from a fixed depth (10 + 110/a² terms: enough for full precision at a = 1, where the fraction
   * converges slowest). Backward evaluation accumulates less rounding error than forward (Lentz).
   */
  private static double erfcContinuedFraction(double a) {
    double twoA2 = 2.0 * a * a;
    int depth = 10 + (int) (110.0 / (a * a));
    double t = 0.0;
    for (int n = depth; n >= 1; n--) {
      double an = -(2.0 * n - 1.0) * (2.0 * n);
      double bn = twoA2 + 1.0 + 4.0 * n;
      t = an / (bn + t);
    }
    return TWO_OVER_SQRT_PI * a * expMinusSquare(a) / (twoA2 + 1.0 + t);
  }
}
