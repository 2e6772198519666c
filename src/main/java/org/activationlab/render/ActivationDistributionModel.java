package org.activationlab.render;

import org.activationlab.activation.Activation;

/**
 * Where a layer's pre-activations fall, drawn over its activation function.
 *
 * @param activation the layer's function (f solid, f′ dashed)
 * @param counts histogram of pre-activations z over the probe set, equal-width bins over
 *     [{@code min}, {@code max}]
 * @param min left edge of the first bin
 * @param max right edge of the last bin
 * @param below samples with z &lt; min
 * @param above samples with z &gt; max
 * @param maxAbsDerivative the function's largest |f′| (for the saturation threshold)
 * @param layerLabel e.g. "layer 3"
 * @param theme colours and fonts
 */
public record ActivationDistributionModel(
    Activation activation, long[] counts, double min, double max, long below, long above,
    double maxAbsDerivative, String layerLabel, Theme theme) {

  public ActivationDistributionModel {
    if (counts.length == 0 || !(max > min)) {
      throw new IllegalArgumentException("need at least one bin and min < max");
    }
  }

  /** Bin width. */
  public double binWidth() {
    return (max - min) / counts.length;
  }
}
