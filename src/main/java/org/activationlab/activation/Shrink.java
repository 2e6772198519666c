package org.activationlab.activation;

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

  /** x − tanh x; f' = tanh² x. */
  static final class Tanhshrink extends AbstractActivation {
    Tanhshrink(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x - Math.tanh(x);
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
