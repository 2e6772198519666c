package org.activationlab.activation;

/**
 * Softmax, the vector-valued output activation turning logits into probabilities. It is not in the
 * {@link Catalog} because it maps ℝⁿ → ℝⁿ rather than ℝ → ℝ.
 *
 * <p>With temperature T: softmax(z/T)_i = e^{z_i/T} / Σ_j e^{z_j/T}. High T flattens the
 * distribution towards uniform, low T sharpens it towards the arg-max.
 *
 * <p>Identity: for two logits, softmax([x, 0])₀ = e^x/(e^x + 1) = σ(x), the logistic sigmoid; a
 * sigmoid output is a two-class softmax with one logit fixed at 0.
 */
public final class Softmax {

  /** LaTeX of softmax with temperature. */
  public static final String LATEX =
      "\\mathrm{softmax}(z)_i = \\frac{e^{z_i/T}}{\\sum_{j=1}^{n} e^{z_j/T}}";

  /** LaTeX of the Jacobian of softmax with respect to the logits. */
  public static final String LATEX_JACOBIAN =
      "\\frac{\\partial a_i}{\\partial z_j} = \\frac{1}{T}\\, a_i\\,(\\delta_{ij} - a_j)";

  private Softmax() {}

  /**
   * Probabilities e^{z_i/T}/Σ e^{z_j/T}, computed after subtracting max z so no exponent is
   * positive: stable for any finite logits (e.g. [1000, 999, −1000]).
   *
   * @throws IllegalArgumentException if {@code logits} is empty or not finite, or temperature is
   *     not a finite number &gt; 0
   */
  public static double[] probabilities(double[] logits, double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be in (0, ∞) (got " + temperature + ")");
    }
    if (logits.length == 0) {
      throw new IllegalArgumentException("softmax needs at least one logit");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      if (!Double.isFinite(z)) {
        throw new IllegalArgumentException("logits must be finite (got " + z + ")");
      }
      max = Math.max(max, z);
    }
    double[] out = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      out[i] = Math.exp((logits[i] - max) / temperature);
      sum += out[i]; // ≥ 1: the arg-max contributes e^0
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** Probabilities at temperature 1. */
  public static double[] probabilities(double[] logits) {
    return probabilities(logits, 1.0);
  }

  /**
   * The Jacobian ∂a_i/∂z_j = a_i(δ_ij − a_j) of softmax at temperature 1, given its output
   * {@code a}. Symmetric, and every row sums to 0.
   */
  public static double[][] jacobian(double[] probabilities) {
    return jacobian(probabilities, 1.0);
  }

  /** The Jacobian with respect to the logits at temperature T: a_i(δ_ij − a_j)/T. */
  public static double[][] jacobian(double[] probabilities, double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be in (0, ∞) (got " + temperature + ")");
    }
    int n = probabilities.length;
    double[][] j = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        j[r][c] = probabilities[r] * ((r == c ? 1.0 : 0.0) - probabilities[c]) / temperature;
      }
    }
    return j;
  }
}
