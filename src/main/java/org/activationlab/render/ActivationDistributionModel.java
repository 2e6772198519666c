package org.activationlab.render;

import org.activationlab.activation.Activation;
import org.activationlab.activation.Flatness;

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
 * @param flatness the function's family: which zone is shaded and counted — inactive (f′ = 0) for
 *     a ReLU-like function, saturated (|f′| ≤ 5 % of max) for a saturating one, none otherwise
 * @param zoneShare the measured share of (unit, sample) pairs in that zone (the layer's inactive
 *     or saturated pair fraction), or NaN to estimate it from the bins
 * @param layerLabel e.g. "layer 3"
 * @param theme colours and fonts
 */
public record ActivationDistributionModel(
    Activation activation, long[] counts, double min, double max, long below, long above,
    double maxAbsDerivative, Flatness flatness, double zoneShare, String layerLabel,
    Theme theme) {

  public ActivationDistributionModel {
    if (counts.length == 0 || !(max > min)) {
      throw new IllegalArgumentException("need at least one bin and min < max");
    }
  }

  /** A model whose zone share is estimated from the bins, the family from the function. */
  public ActivationDistributionModel(Activation activation, long[] counts, double min, double max,
      long below, long above, double maxAbsDerivative, String layerLabel, Theme theme) {
    this(activation, counts, min, max, below, above, maxAbsDerivative, Flatness.of(activation),
        Double.NaN, layerLabel, theme);
  }

  /** Bin width. */
  public double binWidth() {
    return (max - min) / counts.length;
  }
}
