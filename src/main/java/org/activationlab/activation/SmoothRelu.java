package org.activationlab.activation;

/**
 * ReLU-shaped functions that are smooth (or nearly): GELU, SiLU/Swish, hard swish, Mish, softplus,
 * squareplus.
 */
final class SmoothRelu {

  private SmoothRelu() {}

  static ActivationFunction gelu() {
    return ActivationFunction.builder("gelu", "GELU")
        .parameter(Parameter.bool("approximate", "tanh approximation", false))
        .latex("\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\begin{cases} "
                + "\\frac{x}{2}\\left(1 + \\operatorname{erf}\\left(\\frac{x}{\\sqrt{2}}\\right)\\right)"
                + " & \\text{exact} \\\\ "
                + "\\frac{x}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\right)\\right)"
                + " & \\text{approximate} \\end{cases}",
            "\\mathrm{GELU}'(x) = \\begin{cases} \\Phi(x) + x\\,\\varphi(x),\\ "
                + "\\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}} & \\text{exact} \\\\ "
                + "\\frac{1 + \\tanh u}{2} + \\frac{x}{2}\\left(1 - \\tanh^2 u\\right)"
                + "\\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^2) & \\text{approximate} \\end{cases}")
        .factory(SmoothRelu::newGelu)
        .build();
  }

  private static Activation newGelu(ActivationFunction f, double[] p) {
    return p[0] != 0 ? new GeluTanh(f, p) : new Gelu(f, p);
  }

  /**
   * Exact GELU x·Φ(x) = 0.5x(1 + erf(x/√2)), with Φ(x) = erfc(−x/√2)/2 so that the negative tail
   * is computed without cancellation (and is −0, never NaN, where Φ underflows). f' = Φ(x) + xφ(x).
   */
  static final class Gelu extends AbstractActivation {
    Gelu(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x * SpecialFunctions.normalCdf(x);
    }

    @Override
    public double derivative(double x) {
      return SpecialFunctions.normalCdf(x) + x * SpecialFunctions.normalPdf(x);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x * SpecialFunctions.normalCdf(x);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = SpecialFunctions.normalCdf(x) + x * SpecialFunctions.normalPdf(x);
      }
    }
  }

  /**
   * The tanh approximation 0.5x(1 + tanh u), u = √(2/π)(x + 0.044715x³). Evaluated as x·σ(2u)
   * (since (1 + tanh u)/2 = σ(2u)), which avoids the cancellation of 1 + tanh u for x ≪ 0.
   */
  static final class GeluTanh extends AbstractActivation {
    static final double SQRT_2_OVER_PI = 0.7978845608028654;
    static final double C = 0.044715;

    GeluTanh(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x * SpecialFunctions.sigmoid(2.0 * SQRT_2_OVER_PI * (x + C * x * x * x));
    }

    @Override
    public double derivative(double x) {
      double twoU = 2.0 * SQRT_2_OVER_PI * (x + C * x * x * x);
      double twoDu = 2.0 * SQRT_2_OVER_PI * (1.0 + 3.0 * C * x * x);
      return SpecialFunctions.sigmoid(twoU) + x * SpecialFunctions.sigmoidDerivative(twoU) * twoDu;
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = value(in[i]);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = derivative(in[i]);
      }
    }
  }

  static ActivationFunction silu() {
    return ActivationFunction.builder("silu", "SiLU (Swish)")
        .alias("swish")
        .parameter(Parameter.real("beta", "beta", "\\beta", 1, 0, false, Double.POSITIVE_INFINITY, 0, 5))
        .latex("f(x) = x\\,\\sigma(\\beta x) = \\frac{x}{1 + e^{-\\beta x}}",
            "f'(x) = \\sigma(\\beta x)\\left(1 + \\beta x\\,(1 - \\sigma(\\beta x))\\right)")
        .factory(Silu::new)
        .build();
  }

  /**
   * x·σ(βx) (SiLU for β = 1, Swish with a fixed β); β = 0 gives x/2. f' = σ(βx)(1 + βx(1 −
   * σ(βx))), with 1 − σ(βx) computed as σ(−βx) so it does not cancel. Minimum ≈ −0.2785/β at
   * x ≈ −1.2785/β.
   */
  static final class Silu extends AbstractActivation {
    private final double beta;

    Silu(ActivationFunction f, double[] p) {
      super(f, p);
      this.beta = p[0];
    }

    @Override
    public double value(double x) {
      return x * SpecialFunctions.sigmoid(beta * x);
    }

    @Override
    public double derivative(double x) {
      double bx = beta * x;
      return SpecialFunctions.sigmoid(bx) * (1.0 + bx * SpecialFunctions.sigmoid(-bx));
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      double b = beta;
      for (int i = from; i < to; i++) {
        double x = in[i];
        out[i] = x * SpecialFunctions.sigmoid(b * x);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      double b = beta;
      for (int i = from; i < to; i++) {
        double bx = b * in[i];
        out[i] = SpecialFunctions.sigmoid(bx) * (1.0 + bx * SpecialFunctions.sigmoid(-bx));
      }
    }
  }

  static ActivationFunction hardSwish() {
    return ActivationFunction.builder("hard_swish", "Hard swish")
        .alias("hardswish", "hard_silu")
        .latex("f(x) = x\\,\\frac{\\mathrm{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ "
                + "\\frac{x\\,(x + 3)}{6} & -3 < x < 3 \\\\ x & x \\ge 3 \\end{cases}",
            "f'(x) = \\begin{cases} 0 & x \\le -3 \\\\ \\frac{x}{3} + \\frac{1}{2} & -3 < x < 3 "
                + "\\\\ 1 & x \\ge 3 \\end{cases}")
        .factory(HardSwish::new)
        .derivativeBreaks(p -> new double[] {-3, 3})
        .build();
  }

  /**
   * x·ReLU6(x+3)/6 (MobileNetV3). Derivative as PyTorch's hardswish_backward (CPU and CUDA
   * kernels): 0 for x ≤ −3, x/3 + 1/2 for −3 &lt; x &lt; 3, 1 for x ≥ 3 — so at the kinks f'(−3) = 0
   * and f'(3) = 1, the one-sided limits from outside.
   */
  static final class HardSwish extends AbstractActivation {
    HardSwish(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x * (Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0);
    }

    @Override
    public double derivative(double x) {
      if (x <= -3.0) {
        return 0.0;
      }
      return x < 3.0 ? x / 3.0 + 0.5 : 1.0;
    }
  }

  static ActivationFunction mish() {
    return ActivationFunction.builder("mish", "Mish")
        .latex("f(x) = x \\tanh\\left(\\ln\\left(1 + e^{x}\\right)\\right)",
            "f'(x) = \\tanh(\\mathrm{sp}(x)) + x\\,\\sigma(x)\\left(1 - \\tanh^2(\\mathrm{sp}(x))\\right),"
                + "\\ \\mathrm{sp}(x) = \\ln(1 + e^{x})")
        .factory(Mish::new)
        .build();
  }

  /**
   * x·tanh(softplus(x)) with the stable softplus. f' = tanh(sp) + x·σ(x)·sech²(sp), sech² computed
   * from e^{-2sp} so the tails keep their accuracy.
   */
  static final class Mish extends AbstractActivation {
    Mish(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x * Math.tanh(SpecialFunctions.softplus(x));
    }

    @Override
    public double derivative(double x) {
      double sp = SpecialFunctions.softplus(x);
      return Math.tanh(sp) + x * SpecialFunctions.sigmoid(x) * SpecialFunctions.sech2(sp);
    }
  }

  static ActivationFunction softplus() {
    return ActivationFunction.builder("softplus", "Softplus")
        .parameter(Parameter.real("beta", "beta", "\\beta", 1, 0, true, Double.POSITIVE_INFINITY, 0.1, 5))
        .parameter(Parameter.real("threshold", "threshold", "t", 20, 0, false, Double.POSITIVE_INFINITY, 1, 40))
        .latex("f(x) = \\begin{cases} \\frac{1}{\\beta}\\ln\\left(1 + e^{\\beta x}\\right) & \\beta x \\le t "
                + "\\\\ x & \\beta x > t \\end{cases}",
            "f'(x) = \\begin{cases} \\sigma(\\beta x) & \\beta x \\le t \\\\ 1 & \\beta x > t \\end{cases}")
        .factory(Softplus::new)
        .valueBreaks(p -> new double[] {p[1] / p[0]})
        .derivativeBreaks(p -> new double[] {p[1] / p[0]})
        .build();
  }

  /**
   * (1/β)ln(1 + e^{βx}) as PyTorch's {@code Softplus(beta, threshold)}: reverts to x when βx &gt;
   * threshold. The switch leaves a jump of (1/β)ln(1 + e^{−t}) in f and of 1 − σ(t) in f' at
   * x = t/β (≈ 2e-9 for the default t = 20), declared as breaks. Below the threshold the value is
   * max(βx, 0) + log1p(e^{−|βx|}), which never overflows; f' = σ(βx).
   */
  static final class Softplus extends AbstractActivation {
    private final double beta;
    private final double threshold;

    Softplus(ActivationFunction f, double[] p) {
      super(f, p);
      this.beta = p[0];
      this.threshold = p[1];
    }

    @Override
    public double value(double x) {
      double bx = beta * x;
      return bx > threshold ? x : SpecialFunctions.softplus(bx) / beta;
    }

    @Override
    public double derivative(double x) {
      double bx = beta * x;
      return bx > threshold ? 1.0 : SpecialFunctions.sigmoid(bx);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      double b = beta;
      double t = threshold;
      for (int i = from; i < to; i++) {
        double x = in[i];
        double bx = b * x;
        out[i] = bx > t ? x : (Math.max(bx, 0.0) + Math.log1p(Math.exp(-Math.abs(bx)))) / b;
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      double b = beta;
      double t = threshold;
      for (int i = from; i < to; i++) {
        double bx = b * in[i];
        out[i] = bx > t ? 1.0 : SpecialFunctions.sigmoid(bx);
      }
    }
  }

  static ActivationFunction squareplus() {
    return ActivationFunction.builder("squareplus", "Squareplus")
        .parameter(Parameter.real("b", "b", "b", 4, 0, true, Double.POSITIVE_INFINITY, 0.1, 10))
        .latex("f(x) = \\frac{x + \\sqrt{x^2 + b}}{2}",
            "f'(x) = \\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^2 + b}}\\right)")
        .factory(Squareplus::new)
        .build();
  }

  /**
   * (x + √(x² + b))/2 (Barron 2021), b &gt; 0. For x &lt; 0 it is evaluated as b/(2(√(x²+b) − x))
   * and f' as b/(2√(x²+b)(√(x²+b) − x)), avoiding the cancellation of x + √(x²+b); √(x²+b) is
   * hypot(x, √b), which does not overflow even for |x| near Double.MAX_VALUE.
   */
  static final class Squareplus extends AbstractActivation {
    private final double b;
    private final double sqrtB;

    Squareplus(ActivationFunction f, double[] p) {
      super(f, p);
      this.b = p[0];
      this.sqrtB = Math.sqrt(b);
    }

    @Override
    public double value(double x) {
      double r = Math.hypot(x, sqrtB);
      return x >= 0 ? 0.5 * (x + r) : 0.5 * b / (r - x);
    }

    @Override
    public double derivative(double x) {
      double r = Math.hypot(x, sqrtB);
      return x >= 0 ? 0.5 * (1.0 + x / r) : 0.5 * b / (r * (r - x));
    }
  }
}
