package org.activationlab.activation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Shrinkage functions, which pull small inputs to (or towards) zero. */
final class Shrink {

  private Shrink() {}

  private static Parameter lambd() {
    return Parameter.real("lambd", "lambda", "\\lambda", 0.5, 0, false, Double.POSITIVE_INFINITY, 0, 2);
  }

  static ActivationFunction tanhshrink() {
    return ActivationFunction.builder("tanhshrink", "Tanhshrink")
        .alias("tanh_shrink")
        .latex("f(x) = x - \\tanh x", "f'(x) = \\tanh^2 x")
        .factory(Tanhshrink::new)
        .build();
  }

  /**
   * x − tanh x; f' = tanh² x. Near 0 the difference cancels (x − tanh x ≈ x³/3 loses about
   * log10(3/x²) digits), so below |x| = {@value #SERIES_LIMIT} it is summed from its Taylor
   * series x − tanh x = Σ_{n≥2} (−1)ⁿ Tₙ x^(2n−1)/(2n−1)!, Tₙ the tangent numbers.
   */
  static final class Tanhshrink extends AbstractActivation {
    static final double SERIES_LIMIT = 1.0;
    /** Coefficients of x³, x⁵, … (terms until they fall below 1e-17 of the first at |x| = 1). */
    private static final double[] SERIES = seriesCoefficients(48);

    Tanhshrink(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      if (Math.abs(x) >= SERIES_LIMIT) {
        return x - Math.tanh(x);
      }
      double x2 = x * x;
      double sum = 0;
      for (int k = SERIES.length - 1; k >= 0; k--) {
        sum = sum * x2 + SERIES[k];
      }
      return sum * x2 * x;
    }

    /** (−1)ⁿ Tₙ/(2n−1)! for n = 2..count+1: the coefficients of x^(2n−1) in x − tanh x. */
    static double[] seriesCoefficients(int count) {
      int n = count + 1;
      BigInteger[] t = new BigInteger[n + 1];
      // tangent numbers by the Knuth–Buckholtz recurrence: T1 = 1, 2, 16, 272, 7936, …
      t[1] = BigInteger.ONE;
      for (int k = 2; k <= n; k++) {
        t[k] = t[k - 1].multiply(BigInteger.valueOf(k - 1));
      }
      for (int k = 2; k <= n; k++) {
        for (int j = k; j <= n; j++) {
          t[j] = t[j - 1].multiply(BigInteger.valueOf(j - k))
              .add(t[j].multiply(BigInteger.valueOf(j - k + 2)));
        }
      }
      double[] c = new double[count];
      BigInteger factorial = BigInteger.valueOf(6); // 3!
      for (int i = 0; i < count; i++) {
        int m = 2 * (i + 2) - 1; // the power, 3, 5, 7, …
        if (i > 0) {
          factorial = factorial.multiply(BigInteger.valueOf((long) (m - 1) * m));
        }
        double v = new BigDecimal(t[i + 2]).divide(new BigDecimal(factorial),
            MathContext.DECIMAL128).doubleValue();
        c[i] = i % 2 == 0 ? v : -v;
      }
      return c;
    }

    @Override
    public double derivative(double x) {
      double t = Math.tanh(x);
      return t * t;
    }
  }

  static ActivationFunction softshrink() {
    return ActivationFunction.builder("softshrink", "Softshrink")
        .alias("soft_shrink")
        .parameter(lambd())
        .latex("f(x) = \\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda "
                + "\\\\ 0 & \\text{otherwise} \\end{cases}",
            "f'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}")
        .factory(Softshrink::new)
        .derivativeBreaks(p -> Functions.breaks(-p[0], p[0]))
        .build();
  }

  /** Soft thresholding; f' = 0 for |x| ≤ λ including |x| = λ (PyTorch), 1 outside. */
  static final class Softshrink extends AbstractActivation {
    private final double lambda;

    Softshrink(ActivationFunction f, double[] p) {
      super(f, p);
      this.lambda = p[0];
    }

    @Override
    public double value(double x) {
      if (x > lambda) {
        return x - lambda;
      }
      return x < -lambda ? x + lambda : 0.0;
    }

    @Override
    public double derivative(double x) {
      return x > lambda || x < -lambda ? 1.0 : 0.0;
    }
  }

  static ActivationFunction hardshrink() {
    return ActivationFunction.builder("hardshrink", "Hardshrink")
        .alias("hard_shrink")
        .parameter(lambd())
        .latex("f(x) = \\begin{cases} x & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}",
            "f'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}")
        .factory(Hardshrink::new)
        .valueBreaks(p -> p[0] == 0 ? new double[0] : Functions.breaks(-p[0], p[0]))
        .derivativeBreaks(p -> Functions.breaks(-p[0], p[0]))
        .build();
  }

  /** Hard thresholding: jumps by λ at ±λ; f' = 0 for |x| ≤ λ including |x| = λ (PyTorch). */
  static final class Hardshrink extends AbstractActivation {
    private final double lambda;

    Hardshrink(ActivationFunction f, double[] p) {
      super(f, p);
      this.lambda = p[0];
    }

    @Override
    public double value(double x) {
      return x > lambda || x < -lambda ? x : 0.0;
    }

    @Override
    public double derivative(double x) {
      return x > lambda || x < -lambda ? 1.0 : 0.0;
    }
  }
}
