package org.activationlab.activation;

/**
 * An activation function with its parameter values fixed: f(x) and f'(x).
 *
 * <p>Implementations are immutable and thread-safe. Derivatives at kinks follow PyTorch's
 * convention (e.g. ReLU'(0) = 0, the left derivative side at 0 for ReLU-like functions); see each
 * function's {@link ActivationFunction#derivativeDiscontinuities} for where f' jumps.
 */
public interface Activation {

  /** The catalog entry this is an instance of. */
  ActivationFunction function();

  /** Parameter values in the order of {@code function().parameters()}; a copy. */
  double[] parameterValues();

  /** f(x). Finite wherever the mathematical value is finite, for |x| ≤ 1e3 at least. */
  double value(double x);

  /** f'(x), analytic. */
  double derivative(double x);

  /** Applies f to {@code in[from..to)} into {@code out}; override for speed in hot loops. */
  default void values(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  /** Applies f' to {@code in[from..to)} into {@code out}; override for speed in hot loops. */
  default void derivatives(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = derivative(in[i]);
    }
  }

  /** One parameter's value by its snake_case name. */
  default double parameter(String name) {
    return parameterValues()[function().parameterIndex(name)];
  }

  /** The command-line form, e.g. {@code leaky_relu:negative_slope=0.1}; defaults omitted. */
  default String spec() {
    return function().spec(parameterValues());
  }
}
