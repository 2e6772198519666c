package org.activationlab.render;

import java.awt.Color;
import org.activationlab.activation.Activation;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.activation.SignalPropagation;

/**
 * One function on the depth chart.
 *
 * @param label legend text
 * @param color palette colour
 * @param maxAbsDerivative the function's largest |f′| (may be 0 or +∞): max|f′|ⁿ, the best case
 * @param gain the typical gain E[f′(z)²] of the first layer, z ~ N(0, σ_w²); NaN when not given
 * @param factors the backward factors χ_1…χ_N of {@link SignalPropagation#backwardFactors}, whose
 *     running product is the typical line; empty for none
 */
public record DepthSeries(String label, Color color, double maxAbsDerivative, double gain,
    double[] factors) {

  public DepthSeries {
    factors = factors.clone();
  }

  /** Only the best case, max|f′|ⁿ. */
  public DepthSeries(String label, Color color, double maxAbsDerivative) {
    this(label, color, maxAbsDerivative, Double.NaN, new double[0]);
  }

  /** A function's series under an initialisation, for n = 1…maxDepth. */
  public static DepthSeries of(String label, Color color, Activation f, DepthInit init,
      int maxDepth) {
    return new DepthSeries(label, color, PropertyAnalysis.analyse(f).maxAbsDerivative(),
        SignalPropagation.meanSquareDerivative(f, init.sigmaW()),
        SignalPropagation.backwardFactors(f, init.weightScale(), maxDepth));
  }

  /** Whether the series has a typical line. */
  public boolean hasFactors() {
    return factors.length > 0;
  }

  /** χ_n, n from 1. */
  public double factor(int n) {
    return factors[n - 1];
  }

  /** χ_1·…·χ_n: how a gradient's variance typically changes through n layers. */
  public double typical(int n) {
    double p = 1;
    for (int l = 0; l < n; l++) {
      p *= factors[l];
    }
    return p;
  }
}
