package org.activationlab.activation;

/**
 * Piecewise functions that are the identity for x &gt; 0: ReLU, ReLU6, the leaky family and the
 * exponential-linear family (ELU, CELU, SELU).
 */
final class ReluLike {

  private ReluLike() {}

  private static final double[] AT_ZERO = {0};

  static ActivationFunction relu() {
    return ActivationFunction.builder("relu", "ReLU")
        .latex("\\mathrm{ReLU}(x) = \\max(0, x)",
            "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}")
        .factory(Relu::new)
        .derivativeBreaks(p -> AT_ZERO.clone())
        .build();
  }

  /** max(0, x). PyTorch convention: ReLU'(0) = 0. */
  static final class Relu extends AbstractActivation {
    Relu(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x > 0 ? x : 0.0;
    }

    @Override
    public double derivative(double x) {
      return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x > 0 ? x : 0.0;
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = in[i] > 0 ? 1.0 : 0.0;
      }
    }
  }

  static ActivationFunction relu6() {
    return ActivationFunction.builder("relu6", "ReLU6")
        .latex("f(x) = \\min(\\max(0, x), 6)",
            "f'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}")
        .factory(Relu6::new)
        .derivativeBreaks(p -> new double[] {0, 6})
        .build();
  }

  /** min(max(0, x), 6). PyTorch (hardtanh(0, 6)): f'(0) = f'(6) = 0. */
  static final class Relu6 extends AbstractActivation {
    Relu6(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x <= 0 ? 0.0 : (x >= 6 ? 6.0 : x);
    }

    @Override
    public double derivative(double x) {
      return x > 0 && x < 6 ? 1.0 : 0.0;
    }
  }

  static ActivationFunction leakyRelu() {
    return ActivationFunction.builder("leaky_relu", "Leaky ReLU")
        .alias("leakyrelu")
        .parameter(Parameter.real("negative_slope", "negative slope", "\\alpha", 0.01, 0, false,
            Double.POSITIVE_INFINITY, 0, 1))
        .latex("f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}")
        .factory(LeakyRelu::new)
        .derivativeBreaks(p -> p[0] == 1 ? new double[0] : AT_ZERO.clone())
        .build();
  }

  /**
   * x for x &gt; 0, αx otherwise; default α = 0.01 as PyTorch (Keras 3 uses 0.2, tf.keras 2 0.3).
   * PyTorch convention: f'(x) = 1 if x &gt; 0 else α, so f'(0) = α.
   */
  static class LeakyRelu extends AbstractActivation {
    private final double slope;

    LeakyRelu(ActivationFunction f, double[] p) {
      this(f, p, p[0]);
    }

    LeakyRelu(ActivationFunction f, double[] p, double slope) {
      super(f, p);
      this.slope = slope;
    }

    @Override
    public final double value(double x) {
      return x > 0 ? x : slope * x;
    }

    @Override
    public final double derivative(double x) {
      return x > 0 ? 1.0 : slope;
    }

    @Override
    public final void values(double[] in, double[] out, int from, int to) {
      double a = slope;
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x > 0 ? x : a * x;
      }
    }

    @Override
    public final void derivatives(double[] in, double[] out, int from, int to) {
      double a = slope;
      for (int i = from; i < to; i++) {
        out[i] = in[i] > 0 ? 1.0 : a;
      }
    }
  }

  static ActivationFunction prelu() {
    return ActivationFunction.builder("prelu", "PReLU")
        .parameter(Parameter.real("alpha", "slope", "\\alpha", 0.25, Double.NEGATIVE_INFINITY, false,
            Double.POSITIVE_INFINITY, -0.5, 1))
        .latex("f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}")
        .factory(Prelu::new)
        .derivativeBreaks(p -> p[0] == 1 ? new double[0] : AT_ZERO.clone())
        .build();
  }

  /**
   * Parametric ReLU: a leaky ReLU whose slope α is learned (one scalar here; PyTorch initialises
   * it to 0.25). Same derivative convention as leaky ReLU: f'(0) = α.
   */
  static final class Prelu extends LeakyRelu {
    Prelu(ActivationFunction f, double[] p) {
      super(f, p, p[0]);
    }
  }

  static ActivationFunction rrelu() {
    return ActivationFunction.builder("rrelu", "RReLU (evaluation mode)")
        .parameter(Parameter.real("lower", "lower", "l", 1.0 / 8, 0, false, 1, 0, 0.3))
        .parameter(Parameter.real("upper", "upper", "u", 1.0 / 3, 0, false, 1, 0.3, 1))
        .latex("f(x) = \\begin{cases} x & x > 0 \\\\ \\frac{l + u}{2}\\, x & x \\le 0 \\end{cases}",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\frac{l + u}{2} & x \\le 0 \\end{cases}")
        .factory(Rrelu::new)
        .derivativeBreaks(p -> (p[0] + p[1]) / 2 == 1 ? new double[0] : AT_ZERO.clone())
        .build();
  }

  /**
   * Randomized leaky ReLU in evaluation mode: in training the negative slope is drawn from
   * U(lower, upper) per element; at inference (shown here) it is the mean (lower+upper)/2.
   * Requires lower ≤ upper. f'(0) = slope, as leaky ReLU.
   */
  static final class Rrelu extends LeakyRelu {
    Rrelu(ActivationFunction f, double[] p) {
      super(f, p, checked(p));
    }

    private static double checked(double[] p) {
      if (!(p[0] <= p[1])) {
        throw new IllegalArgumentException("parameter lower of rrelu must not exceed upper (got lower="
            + Parameter.format(p[0]) + ", upper=" + Parameter.format(p[1]) + ")");
      }
      return (p[0] + p[1]) / 2;
    }
  }

  static ActivationFunction elu() {
    return ActivationFunction.builder("elu", "ELU")
        .parameter(Parameter.real("alpha", "alpha", "\\alpha", 1, 0, false, Double.POSITIVE_INFINITY, 0, 3))
        .latex("f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}")
        .factory(Elu::new)
        .derivativeBreaks(p -> p[0] == 1 ? new double[0] : AT_ZERO.clone())
        .build();
  }

  /**
   * x for x &gt; 0, α(e^x − 1) otherwise (expm1, accurate near 0). f'(x) = 1 for x &gt; 0 and
   * αe^x for x ≤ 0 (PyTorch), so f'(0) = α; f' is continuous only when α = 1.
   */
  static final class Elu extends AbstractActivation {
    private final double alpha;

    Elu(ActivationFunction f, double[] p) {
      super(f, p);
      this.alpha = p[0];
    }

    @Override
    public double value(double x) {
      return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
      return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      double a = alpha;
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x > 0 ? x : a * Math.expm1(x);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      double a = alpha;
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x > 0 ? 1.0 : a * Math.exp(x);
      }
    }
  }

  static ActivationFunction celu() {
    return ActivationFunction.builder("celu", "CELU")
        .parameter(Parameter.real("alpha", "alpha", "\\alpha", 1, 0, true, Double.POSITIVE_INFINITY, 0.1, 3))
        .latex("f(x) = \\max(0, x) + \\min\\left(0,\\, \\alpha\\left(e^{x/\\alpha} - 1\\right)\\right)",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}")
        .factory(Celu::new)
        .build();
  }

  /**
   * Continuously differentiable ELU: max(0,x) + min(0, α(e^{x/α} − 1)), α &gt; 0. f' = 1 for
   * x &gt; 0 and e^{x/α} for x ≤ 0, which is continuous at 0 for every α.
   */
  static final class Celu extends AbstractActivation {
    private final double alpha;

    Celu(ActivationFunction f, double[] p) {
      super(f, p);
      this.alpha = p[0];
    }

    @Override
    public double value(double x) {
      return x > 0 ? x : alpha * Math.expm1(x / alpha);
    }

    @Override
    public double derivative(double x) {
      return x > 0 ? 1.0 : Math.exp(x / alpha);
    }
  }

  static ActivationFunction selu() {
    return ActivationFunction.builder("selu", "SELU")
        .latex("f(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}"
                + ",\\quad \\lambda \\approx 1.0507,\\ \\alpha \\approx 1.6733",
            "f'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}")
        .factory(Selu::new)
        .derivativeBreaks(p -> AT_ZERO.clone())
        .build();
  }

  /**
   * Scaled ELU with the self-normalising constants of Klambauer et al. (2017). f'(0) = λα
   * (left side, as ELU); the lower bound is −λα ≈ −1.7581.
   */
  static final class Selu extends AbstractActivation {
    static final double LAMBDA = 1.0507009873554804934193349852946;
    static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    Selu(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
      return x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x);
    }
  }
}
