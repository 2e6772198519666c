package org.activationlab.activation;

import java.util.List;

/** Definitions of the catalog's functions (value, analytic derivative, parameters, LaTeX). */
final class Functions {

  private Functions() {}

  static List<ActivationFunction> all() {
    return List.of(sigmoid(), relu(), leakyRelu());
  }

  static ActivationFunction sigmoid() {
    return ActivationFunction.builder("sigmoid", "Sigmoid")
        .alias("logistic")
        .latex("\\sigma(x) = \\frac{1}{1 + e^{-x}}", "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))")
        .factory(Sigmoid::new)
        .build();
  }

  static final class Sigmoid extends AbstractActivation {
    Sigmoid(ActivationFunction f, double[] p) {
      super(f, p);
    }

    /** Stable for any x: never evaluates exp of a large positive number. */
    static double sigmoid(double x) {
      if (x >= 0) {
        return 1.0 / (1.0 + Math.exp(-x));
      }
      double e = Math.exp(x);
      return e / (1.0 + e);
    }

    @Override
    public double value(double x) {
      return sigmoid(x);
    }

    @Override
    public double derivative(double x) {
      double s = sigmoid(x);
      return s * (1.0 - s);
    }
  }

  static ActivationFunction relu() {
    return ActivationFunction.builder("relu", "ReLU")
        .latex("\\mathrm{ReLU}(x) = \\max(0, x)",
            "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}")
        .factory(Relu::new)
        .derivativeBreaks(p -> new double[] {0})
        .build();
  }

  static final class Relu extends AbstractActivation {
    Relu(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x > 0 ? x : 0.0;
    }

    /** PyTorch convention: ReLU'(0) = 0. */
    @Override
    public double derivative(double x) {
      return x > 0 ? 1.0 : 0.0;
    }
  }

  static ActivationFunction leakyRelu() {
    return ActivationFunction.builder("leaky_relu", "Leaky ReLU")
        .parameter(Parameter.real("negative_slope", "negative slope", "\\alpha", 0.01, 0, false,
            Double.POSITIVE_INFINITY, 0, 1))
        .latex("f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}",
            "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}")
        .factory(LeakyRelu::new)
        .derivativeBreaks(p -> new double[] {0})
        .build();
  }

  static final class LeakyRelu extends AbstractActivation {
    private final double slope;

    LeakyRelu(ActivationFunction f, double[] p) {
      super(f, p);
      this.slope = p[0];
    }

    @Override
    public double value(double x) {
      return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x) {
      return x > 0 ? 1.0 : slope;
    }
  }
}
