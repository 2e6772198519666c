package org.activationlab.activation;

import java.util.Arrays;
import java.util.List;

/**
 * The catalog's functions in presentation order, and the simplest ones (identity, binary step,
 * exponential). The families live in {@link SigmoidLike}, {@link ReluLike}, {@link SmoothRelu} and
 * {@link Shrink}.
 */
final class Functions {

  private Functions() {}

  static List<ActivationFunction> all() {
    return List.of(
        identity(),
        binaryStep(),
        SigmoidLike.sigmoid(),
        SigmoidLike.tanh(),
        SigmoidLike.hardSigmoid(),
        SigmoidLike.hardSigmoidTf2(),
        SigmoidLike.hardTanh(),
        ReluLike.relu(),
        ReluLike.relu6(),
        ReluLike.leakyRelu(),
        ReluLike.prelu(),
        ReluLike.rrelu(),
        ReluLike.elu(),
        ReluLike.celu(),
        ReluLike.selu(),
        SmoothRelu.gelu(),
        SmoothRelu.silu(),
        SmoothRelu.hardSwish(),
        SmoothRelu.mish(),
        SmoothRelu.softplus(),
        SigmoidLike.softsign(),
        SigmoidLike.logSigmoid(),
        Shrink.tanhshrink(),
        Shrink.softshrink(),
        Shrink.hardshrink(),
        exponential(),
        SmoothRelu.squareplus());
  }

  /** Sorted, distinct break positions. */
  static double[] breaks(double... xs) {
    return Arrays.stream(xs).map(x -> x + 0.0).sorted().distinct().toArray(); // + 0.0 turns -0 into 0
  }

  static ActivationFunction identity() {
    return ActivationFunction.builder("identity", "Identity (linear)")
        .alias("linear")
        .latex("f(x) = x", "f'(x) = 1")
        .factory(Identity::new)
        .build();
  }

  /** f(x) = x, f'(x) = 1. */
  static final class Identity extends AbstractActivation {
    Identity(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x;
    }

    @Override
    public double derivative(double x) {
      return 1.0;
    }
  }

  static ActivationFunction binaryStep() {
    return ActivationFunction.builder("binary_step", "Binary step")
        .alias("heaviside", "step")
        .latex("f(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & x < 0 \\end{cases}",
            "f'(x) = 0 \\quad (x \\ne 0)")
        .factory(BinaryStep::new)
        .valueBreaks(p -> new double[] {0})
        .build();
  }

  /**
   * Heaviside step with H(0) = 1 (the convention of {@code numpy.heaviside(x, 1)} and of most
   * textbooks' perceptron). The derivative is reported as 0 everywhere, as automatic
   * differentiation of a step does; mathematically it is a Dirac delta at 0, which is why this
   * function cannot be trained by gradient descent.
   */
  static final class BinaryStep extends AbstractActivation {
    BinaryStep(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return x >= 0 ? 1.0 : 0.0;
    }

    @Override
    public double derivative(double x) {
      return 0.0;
    }
  }

  static ActivationFunction exponential() {
    return ActivationFunction.builder("exponential", "Exponential")
        .alias("exp")
        .latex("f(x) = e^{x}", "f'(x) = e^{x}")
        .factory(Exponential::new)
        .build();
  }

  /**
   * f(x) = f'(x) = e^x. Overflows to +∞ for x &gt; ln(Double.MAX_VALUE) ≈ 709.78, exactly where the
   * true value exceeds the largest double: that is the only place where a catalog function is
   * infinite for |x| ≤ 1e3.
   */
  static final class Exponential extends AbstractActivation {
    /** Largest x with a finite e^x. */
    static final double OVERFLOW_THRESHOLD = Math.log(Double.MAX_VALUE);

    Exponential(ActivationFunction f, double[] p) {
      super(f, p);
    }

    @Override
    public double value(double x) {
      return Math.exp(x);
    }

    @Override
    public double derivative(double x) {
      return Math.exp(x);
    }
  }
}
