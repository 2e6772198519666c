package org.activationlab.training;

import org.activationlab.nn.Mlp;

/**
 * A copy of all weights and biases for drawing the network, in {@link Mlp}'s layout: per layer
 * (input side first) the weight matrix row-major ({@code W[j][i]}, row j feeding unit j), then
 * the biases. Copied once from the network and never exposed: read it by index.
 */
public final class WeightsSnapshot {
  private final int inputSize;
  private final int[] widths;
  private final double[] parameters;

  private WeightsSnapshot(int inputSize, int[] widths, double[] parameters) {
    this.inputSize = inputSize;
    this.widths = widths;
    this.parameters = parameters;
  }

  static WeightsSnapshot of(Mlp net) {
    int[] w = new int[net.layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = net.width(l);
    }
    double[] p = new double[net.parameterCount()];
    net.copyParameters(p);
    return new WeightsSnapshot(net.inputSize(), w, p);
  }

  /** Features per sample. */
  public int inputSize() {
    return inputSize;
  }

  /** A copy of all parameters (for comparisons; drawing reads by index). */
  public double[] parameters() {
    return parameters.clone();
  }

  public int layerCount() {
    return widths.length;
  }

  public int width(int l) {
    return widths[l];
  }

  public int fanIn(int l) {
    return l == 0 ? inputSize : widths[l - 1];
  }

  private int offset(int l) {
    int off = 0;
    for (int k = 0; k < l; k++) {
      off += widths[k] * (fanIn(k) + 1);
    }
    return off;
  }

  /** A copy of layer {@code l}'s weight matrix, row-major ({@code [j * fanIn + i]}). */
  public double[] layerWeights(int l) {
    int from = offset(l);
    return java.util.Arrays.copyOfRange(parameters, from, from + widths[l] * fanIn(l));
  }

  /** Weight from input {@code i} of layer {@code l} into its unit {@code j}. */
  public double weight(int l, int j, int i) {
    return parameters[offset(l) + j * fanIn(l) + i];
  }

  /** Bias of unit {@code j} of layer {@code l}. */
  public double bias(int l, int j) {
    return parameters[offset(l) + widths[l] * fanIn(l) + j];
  }
}
