package org.activationlab.activation;

/** Bounded, S-shaped functions: sigmoid, tanh, their hard variants, softsign, log-sigmoid. */
final class SigmoidLike {

  private SigmoidLike() {}

  static ActivationFunction sigmoid() {
    return ActivationFunction.builder("sigmoid", "Sigmoid")
        .alias("logistic")
        .latex("\\sigma(x) = \\frac{1}{1 + e^{-x}}", "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))")
        .factory(Sigmoid::new)
        .build();
  }

  /** σ(x) = 1/(1+e^{-x}); stable for any x, σ' computed as e^{-|x|}/(1+e^{-|x|})². */
  static final class Sigmoid extends AbstractActivation {
    Sigmoid(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return SpecialFunctions.sigmoid(x);
    }

    @Override
    public double derivative(double x) {
      return SpecialFunctions.sigmoidDerivative(x);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double x = in[i];
        if (x >= 0) {
          out[i] = 1.0 / (1.0 + Math.exp(-x));
        } else {
          double e = Math.exp(x);
          out[i] = e / (1.0 + e);
        }
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double e = Math.exp(-Math.abs(in[i]));
        double d = 1.0 + e;
        out[i] = e / (d * d);
      }
    }
  }

  static ActivationFunction tanh() {
    return ActivationFunction.builder("tanh", "Tanh")
        .latex("f(x) = \\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", "f'(x) = 1 - \\tanh^2 x")
        .factory(Tanh::new)
        .build();
  }

  /** tanh; f' = 1 − tanh² computed as 4e^{-2|x|}/(1+e^{-2|x|})² so the tails stay accurate. */
  static final class Tanh extends AbstractActivation {
    Tanh(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
      return SpecialFunctions.sech2(x);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        out[i] = Math.tanh(in[i]);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      for (int i = from; i < to; i++) {
        double e = Math.exp(-2.0 * Math.abs(in[i]));
        double d = 1.0 + e;
        out[i] = 4.0 * e / (d * d);
      }
    }
  }

  static ActivationFunction hardSigmoid() {
    return ActivationFunction.builder("hard_sigmoid", "Hard sigmoid (PyTorch, Keras 3)")
        .alias("hardsigmoid")
        .latex("f(x) = \\frac{\\mathrm{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ "
                + "\\frac{x}{6} + \\frac{1}{2} & -3 < x < 3 \\\\ 1 & x \\ge 3 \\end{cases}",
            "f'(x) = \\begin{cases} \\frac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}")
        .factory(HardSigmoid::new)
        .derivativeBreaks(p -> new double[] {-3, 3})
        .build();
  }

  /**
   * ReLU6(x+3)/6 as in PyTorch's {@code Hardsigmoid} and Keras 3's {@code hard_sigmoid}. Derivative
   * 1/6 for −3 &lt; x &lt; 3 strictly and 0 elsewhere, including at ±3 (PyTorch).
   */
  static final class HardSigmoid extends AbstractActivation {
    HardSigmoid(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    @Override
    public double derivative(double x) {
      return x > -3.0 && x < 3.0 ? 1.0 / 6.0 : 0.0;
    }
  }

  static ActivationFunction hardSigmoidTf2() {
    return ActivationFunction.builder("hard_sigmoid_tf2", "Hard sigmoid (tf.keras 2)")
        .latex("f(x) = \\min(\\max(0.2x + 0.5,\\, 0),\\, 1)",
            "f'(x) = \\begin{cases} 0.2 & -2.5 < x < 2.5 \\\\ 0 & \\text{otherwise} \\end{cases}")
        .factory(HardSigmoidTf2::new)
        .derivativeBreaks(p -> new double[] {-2.5, 2.5})
        .build();
  }

  /**
   * clip(0.2x + 0.5, 0, 1) as in tf.keras 2's {@code hard_sigmoid}. Derivative 0.2 for |x| &lt; 2.5
   * strictly and 0 elsewhere, including at ±2.5 (same convention as PyTorch's hardsigmoid).
   */
  static final class HardSigmoidTf2 extends AbstractActivation {
    HardSigmoidTf2(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return Math.min(Math.max(0.2 * x + 0.5, 0.0), 1.0);
    }

    @Override
    public double derivative(double x) {
      return x > -2.5 && x < 2.5 ? 0.2 : 0.0;
    }
  }

  static ActivationFunction hardTanh() {
    return ActivationFunction.builder("hard_tanh", "Hard tanh")
        .alias("hardtanh")
        .parameter(Parameter.real("min_val", "minimum", "a", -1, Double.NEGATIVE_INFINITY, false,
            Double.POSITIVE_INFINITY, -3, 0))
        .parameter(Parameter.real("max_val", "maximum", "b", 1, Double.NEGATIVE_INFINITY, false,
            Double.POSITIVE_INFINITY, 0.25, 3))
        .latex("f(x) = \\begin{cases} a & x < a \\\\ x & a \\le x \\le b \\\\ b & x > b \\end{cases}",
            "f'(x) = \\begin{cases} 1 & a < x < b \\\\ 0 & \\text{otherwise} \\end{cases}")
        .factory(HardTanh::new)
        .derivativeBreaks(p -> Functions.breaks(p[0], p[1]))
        .build();
  }

  /**
   * clamp(x, min_val, max_val) as PyTorch's {@code Hardtanh} (requires min_val &lt; max_val).
   * Derivative 1 strictly inside, 0 for x ≤ min_val or x ≥ max_val (PyTorch).
   */
  static final class HardTanh extends AbstractActivation {
    private final double lo;
    private final double hi;

    HardTanh(ActivationFunction f, double[] p) {
      super(f, p);
      if (!(p[0] < p[1])) {
        throw new IllegalArgumentException("parameter min_val of hard_tanh must be less than max_val"
            + " (got min_val=" + Parameter.format(p[0]) + ", max_val=" + Parameter.format(p[1]) + ")");
      }
      this.lo = p[0];
      this.hi = p[1];
    }

    @Override
    public double value(double x) {
      return x < lo ? lo : (x > hi ? hi : x);
    }

    @Override
    public double derivative(double x) {
      return x > lo && x < hi ? 1.0 : 0.0;
    }
  }

  static ActivationFunction softsign() {
    return ActivationFunction.builder("softsign", "Softsign")
        .latex("f(x) = \\frac{x}{1 + |x|}", "f'(x) = \\frac{1}{(1 + |x|)^2}")
        .factory(Softsign::new)
        .build();
  }

  /** x/(1+|x|); f' = 1/(1+|x|)² is continuous (f'' jumps at 0, f' does not). */
  static final class Softsign extends AbstractActivation {
    Softsign(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x / (1.0 + Math.abs(x));
    }

    @Override
    public double derivative(double x) {
      double d = 1.0 + Math.abs(x);
      return 1.0 / (d * d);
    }
  }

  static ActivationFunction logSigmoid() {
    return ActivationFunction.builder("log_sigmoid", "Log-sigmoid")
        .alias("logsigmoid")
        .latex("f(x) = \\ln \\sigma(x) = -\\ln\\left(1 + e^{-x}\\right)",
            "f'(x) = 1 - \\sigma(x) = \\sigma(-x)")
        .factory(LogSigmoid::new)
        .build();
  }

  /** ln σ(x) = −softplus(−x) (stable); f' = σ(−x). */
  static final class LogSigmoid extends AbstractActivation {
    LogSigmoid(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return SpecialFunctions.logSigmoid(x);
    }

    @Override
    public double derivative(double x) {
      return SpecialFunctions.sigmoid(-x);
    }
  }
}
