package org.activationlab.render;

/**
 * A network drawn as columns of neurons, for {@link NetworkDiagramRenderer}.
 *
 * @param widths neurons per layer including the input layer: {@code widths[0]} inputs, then each
 *     hidden layer, then the output layer
 * @param magnitudes {@code magnitudes[l][j]}: gradient magnitude (mean |δ|) of neuron j of layer
 *     l + 1 (layers after the input), NaN when unknown
 * @param dead {@code dead[l][j]}: whether neuron j of layer l + 1 is dead
 * @param weights {@code weights[l]}: the weights into layer l + 1, row-major
 *     {@code [to * widths[l] + from]}; may be null to draw no links
 * @param scale colours of the neurons
 * @param theme colours and fonts
 * @param inputLabels a name per input (the network's input features, e.g. x₁²) drawn left of
 *     the input column, or null for none
 */
public record NetworkDiagramModel(
    int[] widths, double[][] magnitudes, boolean[][] dead, double[][] weights, DecadeScale scale,
    Theme theme, String[] inputLabels) {

  /** A diagram without input names. */
  public NetworkDiagramModel(int[] widths, double[][] magnitudes, boolean[][] dead,
      double[][] weights, DecadeScale scale, Theme theme) {
    this(widths, magnitudes, dead, weights, scale, theme, null);
  }

  public NetworkDiagramModel {
    if (inputLabels != null && inputLabels.length != widths[0]) {
      throw new IllegalArgumentException("one label per input");
    }
    int layers = widths.length - 1;
    if (layers < 1 || magnitudes.length != layers || dead.length != layers
        || (weights != null && weights.length != layers)) {
      throw new IllegalArgumentException("one entry per layer after the input");
    }
    for (int l = 0; l < layers; l++) {
      if (magnitudes[l].length != widths[l + 1] || dead[l].length != widths[l + 1]) {
        throw new IllegalArgumentException("one value per neuron of layer " + (l + 1));
      }
      if (weights != null && weights[l].length != widths[l] * widths[l + 1]) {
        throw new IllegalArgumentException("weights of layer " + (l + 1) + " must be "
            + widths[l + 1] + " x " + widths[l]);
      }
    }
  }
}
