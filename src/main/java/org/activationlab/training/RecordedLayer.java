package org.activationlab.training;

/**
 * A layer of a recorded run (a statistics file of ours, a PyTorch probe's file, a TensorBoard
 * log): what it is called and how wide it is. A recorded run is read, never trained.
 *
 * @param index 1-based position, input side first
 * @param name the module's name in the model (e.g. {@code encoder.0}); for our own runs the
 *     layer's number as text
 * @param kind {@code hidden} or {@code output}
 * @param type {@code dense} (ours), {@code linear}, {@code conv2d} (per output channel) or what
 *     the source says
 * @param width units (output channels of a convolution); 0 when the source does not say
 *     (TensorBoard histograms of parameter gradients have no units)
 * @param activation the function after the layer: a catalog spec when it is one of ours (e.g.
 *     {@code sigmoid}, {@code leaky_relu:alpha=0.01}), otherwise the source's name for it;
 *     {@code identity} when none follows; empty when unknown
 */
public record RecordedLayer(int index, String name, String kind, String type, int width,
    String activation) {

  public RecordedLayer {
    if (index < 1) {
      throw new IllegalArgumentException("layer index must be ≥ 1 (got " + index + ")");
    }
    if (width < 0) {
      throw new IllegalArgumentException("layer width must be ≥ 0 (got " + width + ")");
    }
    name = name == null ? String.valueOf(index) : name;
    kind = kind == null ? "hidden" : kind;
    type = type == null ? "" : type;
    activation = activation == null ? "" : activation;
  }

  public boolean output() {
    return "output".equals(kind);
  }
}
