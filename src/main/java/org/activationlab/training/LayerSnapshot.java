package org.activationlab.training;

import org.activationlab.activation.Flatness;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;

/**
 * One layer's statistics in a snapshot: copied once from the run's holders and read through
 * indexed getters, so no caller can change or keep a live array. Gradient values come from the
 * last step's mini-batch (at step 0 from the first mini-batch without an update); dead,
 * inactive and saturated values and the histogram from the probe set at snapshot time.
 * Definitions: {@link StepStatistics}, {@link ProbeStatistics}; which of inactive and saturated
 * applies to the layer's function: {@link #flatness()}.
 */
public final class LayerSnapshot {
  private final int index;
  private final boolean output;
  private final String activation;
  private final double gradMeanAbs;
  private final double gradWeightRms;
  private final double updateRatio;
  private final double activationMean;
  private final double activationStd;
  private final double deadFraction;
  private final double inactiveFraction;
  private final double saturatedFraction;
  private final double saturatedPairFraction;
  private final Flatness flatness;
  private final double[] unitInactiveFraction;
  private final double[] neuronGradMeanAbs;
  private final boolean[] dead;
  private final boolean[] saturated;
  private final int[] histogram;
  private final int below;
  private final int above;
  private final int deadCount;

  private LayerSnapshot(int l, boolean output, String activation, StepStatistics s,
      ProbeStatistics p) {
    this.index = l;
    this.output = output;
    this.activation = activation;
    this.gradMeanAbs = s.gradMeanAbs[l];
    this.gradWeightRms = s.gradWeightRms[l];
    this.updateRatio = s.updateRatio[l];
    this.activationMean = s.activationMean[l];
    this.activationStd = s.activationStd[l];
    this.deadFraction = p.deadFraction[l];
    this.inactiveFraction = p.inactiveFraction[l];
    this.saturatedFraction = p.saturatedFraction[l];
    this.saturatedPairFraction = p.saturatedPairFraction[l];
    this.flatness = p.flatness[l];
    this.unitInactiveFraction = p.unitInactiveFraction[l].clone();
    this.neuronGradMeanAbs = s.neuronGradMeanAbs[l].clone();
    this.dead = p.dead[l].clone();
    this.saturated = p.saturated[l].clone();
    this.histogram = p.histogram[l].clone();
    this.below = p.below[l];
    this.above = p.above[l];
    int n = 0;
    for (boolean d : dead) {
      n += d ? 1 : 0;
    }
    this.deadCount = n;
  }

  /** Layer {@code l} of the holders (copying). */
  public static LayerSnapshot of(int l, boolean output, String activation, StepStatistics s,
      ProbeStatistics p) {
    return new LayerSnapshot(l, output, activation, s, p);
  }

  /** Layer index, input side first (0 = first hidden layer; the last is the output). */
  public int index() {
    return index;
  }

  public boolean output() {
    return output;
  }

  /** Catalog spec of the layer's activation ({@code output} for the output layer). */
  public String activation() {
    return activation;
  }

  public int width() {
    return neuronGradMeanAbs.length;
  }

  /** Mean |δ| over the batch and the layer's units. */
  public double gradMeanAbs() {
    return gradMeanAbs;
  }

  /** RMS of ∂L/∂W over the layer's weights. */
  public double gradWeightRms() {
    return gradWeightRms;
  }

  /**
   * ‖ΔW‖ / ‖W‖ of the last step's update of this layer's weights (healthy ≈ 1e-3); NaN at step 0
   * and when not measured.
   */
  public double updateRatio() {
    return updateRatio;
  }

  public double activationMean() {
    return activationMean;
  }

  public double activationStd() {
    return activationStd;
  }

  public double deadFraction() {
    return deadFraction;
  }

  /**
   * Share of the layer's (unit, probe sample) pairs with f′(z) = 0 exactly: sparsity. A number for
   * every layer (0 where f′ never vanishes); meant to be shown for ReLU-like layers ({@link
   * Flatness#reportsInactive()}).
   */
  public double inactiveFraction() {
    return inactiveFraction;
  }

  /** Share of the probe samples for which unit {@code j} has f′(z) = 0 exactly. */
  public double unitInactiveFraction(int j) {
    return unitInactiveFraction[j];
  }

  /** Share of saturated units; NaN when the layer's function does not saturate. */
  public double saturatedFraction() {
    return saturatedFraction;
  }

  /**
   * Share of (unit, probe sample) pairs with |f′(z)| ≤ 5 % of max|f′|; NaN when the layer's
   * function does not saturate.
   */
  public double saturatedPairFraction() {
    return saturatedPairFraction;
  }

  /**
   * The family of the layer's function at snapshot time: whether its inactive share (ReLU-like)
   * or its saturated share (bounded functions) is the one to show; {@link Flatness#NEITHER} for
   * the output layer.
   */
  public Flatness flatness() {
    return flatness;
  }

  /** Mean |δ| of unit {@code j} over the batch. */
  public double neuronGrad(int j) {
    return neuronGradMeanAbs[j];
  }

  public boolean isDead(int j) {
    return dead[j];
  }

  public boolean isSaturated(int j) {
    return saturated[j];
  }

  public int deadCount() {
    return deadCount;
  }

  /** Histogram bins of the pre-activations ({@link ProbeStatistics#BINS}). */
  public int bins() {
    return histogram.length;
  }

  /** Probe samples whose pre-activation fell in bin {@code i}. */
  public int histogram(int i) {
    return histogram[i];
  }

  /** Probe values below the histogram's range. */
  public int below() {
    return below;
  }

  /** Probe values above the histogram's range. */
  public int above() {
    return above;
  }
}
