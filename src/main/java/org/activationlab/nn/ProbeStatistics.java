package org.activationlab.nn;

import org.activationlab.activation.Flatness;

/**
 * Statistics over a fixed probe set (the first ≤ 512 training samples), computed on demand, e.g.
 * when a snapshot is published, never per step. Layers input side first, output layer last. A
 * mutable holder; see {@link #copy()}.
 *
 * <p>What "f′ ≈ 0" means depends on the layer's function, its {@link Flatness} (the rule is
 * documented there):
 *
 * <ul>
 *   <li>dead unit (any function): f'(z) == 0 exactly for every probe sample, so it gets no
 *       gradient at all (ReLU with z ≤ 0 everywhere; Leaky ReLU and smooth functions never
 *       qualify).
 *   <li>inactive share: the fraction of (unit, sample) pairs of a layer with f'(z) == 0 exactly —
 *       sparsity, not saturation. Measured for every hidden layer (0 where f′ never vanishes, e.g.
 *       Leaky ReLU); the pictures show it for ReLU-like layers ({@link Flatness#SWITCHES_OFF}).
 *   <li>saturated unit, only for functions that saturate ({@link Flatness#SATURATES}: sigmoid,
 *       tanh, softsign, hard sigmoid, hard tanh, …): |f'(z)| ≤ {@value #SATURATION_LEVEL} × max|f'|
 *       for more than half of the probe samples, max|f'| being the function's largest |f'| found on
 *       a dense grid over [−50, 50]. A dead unit of such a function is saturated too. For other
 *       functions no unit is saturated and the saturated fractions are NaN (not applicable): a
 *       ReLU unit with z ≤ 0 is off, not saturated, and Leaky ReLU's slope 0.01 is no saturation.
 *   <li>the output layer has no activation of its own (its transform belongs to the loss), so its
 *       units are never dead, inactive or saturated: fractions 0, saturated NaN.
 *   <li>histogram: pre-activations z of each layer in {@value #BINS} equal bins over the fixed range
 *       [{@value #HISTOGRAM_MIN}, {@value #HISTOGRAM_MAX}] (fixed so layers and times compare);
 *       values outside are counted in {@code below}/{@code above}, not in the bins.
 * </ul>
 */
public final class ProbeStatistics {
  public static final double SATURATION_LEVEL = 0.05;
  public static final int BINS = 32;
  public static final double HISTOGRAM_MIN = -8;
  public static final double HISTOGRAM_MAX = 8;
  /** The largest probe set. */
  public static final int MAX_PROBE_SAMPLES = 512;

  /** Probe samples used. */
  public int samples;
  public final boolean[][] dead;
  public final boolean[][] saturated;
  public final double[] deadFraction;
  /** Per layer: share of (unit, sample) pairs with f'(z) == 0. */
  public final double[] inactiveFraction;
  /** Per layer and unit: share of the probe samples with f'(z) == 0. */
  public final double[][] unitInactiveFraction;
  /** Per layer: share of saturated units; NaN where the function does not saturate. */
  public final double[] saturatedFraction;
  /**
   * Per layer: share of (unit, sample) pairs with |f'(z)| at or below the saturation level; NaN
   * where the function does not saturate.
   */
  public final double[] saturatedPairFraction;
  /** Per layer: the family of its function (the output layer: {@link Flatness#NEITHER}). */
  public final Flatness[] flatness;
  /** Mean and standard deviation of the pre-activations per layer over the probe set. */
  public final double[] preActivationMean;
  public final double[] preActivationStd;
  /** Histogram counts, {@code [layer][bin]}. */
  public final int[][] histogram;
  public final int[] below;
  public final int[] above;

  // scratch for the measurement, kept to avoid allocation
  int[][] zeroCountScratch;
  int[][] satCount;
  final double[] zSum;
  final double[] zSq;
  final double[] threshold;

  public ProbeStatistics(int[] widths) {
    int n = widths.length;
    zSum = new double[n];
    zSq = new double[n];
    threshold = new double[n];
    zeroCountScratch = new int[n][];
    satCount = new int[n][];
    for (int l = 0; l < n; l++) {
      zeroCountScratch[l] = new int[widths[l]];
      satCount[l] = new int[widths[l]];
    }
    dead = new boolean[n][];
    saturated = new boolean[n][];
    unitInactiveFraction = new double[n][];
    for (int l = 0; l < n; l++) {
      dead[l] = new boolean[widths[l]];
      saturated[l] = new boolean[widths[l]];
      unitInactiveFraction[l] = new double[widths[l]];
    }
    deadFraction = new double[n];
    inactiveFraction = new double[n];
    saturatedFraction = new double[n];
    saturatedPairFraction = new double[n];
    flatness = new Flatness[n];
    java.util.Arrays.fill(flatness, Flatness.NEITHER);
    preActivationMean = new double[n];
    preActivationStd = new double[n];
    histogram = new int[n][BINS];
    below = new int[n];
    above = new int[n];
  }

  public static ProbeStatistics of(Mlp net) {
    int[] w = new int[net.layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = net.width(l);
    }
    return new ProbeStatistics(w);
  }

  /** Zeroed scratch counters, checking the shape against {@code net}. */
  int[][] zeroCount(Mlp net) {
    if (net.layerCount() != layerCount()) {
      throw new IllegalArgumentException("probe statistics shaped for another network");
    }
    for (int l = 0; l < layerCount(); l++) {
      if (dead[l].length != net.width(l)) {
        throw new IllegalArgumentException("probe statistics shaped for another network");
      }
      java.util.Arrays.fill(zeroCountScratch[l], 0);
      java.util.Arrays.fill(satCount[l], 0);
    }
    return zeroCountScratch;
  }

  public int layerCount() {
    return deadFraction.length;
  }

  /** Fraction of all hidden units that are dead. */
  public double deadFractionOverall() {
    int dead = 0;
    int all = 0;
    for (int l = 0; l < layerCount() - 1; l++) {
      for (boolean d : this.dead[l]) {
        dead += d ? 1 : 0;
        all++;
      }
    }
    return all == 0 ? 0 : (double) dead / all;
  }

  /** A deep copy. */
  public ProbeStatistics copy() {
    int[] w = new int[layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = dead[l].length;
    }
    ProbeStatistics c = new ProbeStatistics(w);
    c.samples = samples;
    for (int l = 0; l < w.length; l++) {
      System.arraycopy(dead[l], 0, c.dead[l], 0, w[l]);
      System.arraycopy(saturated[l], 0, c.saturated[l], 0, w[l]);
      System.arraycopy(unitInactiveFraction[l], 0, c.unitInactiveFraction[l], 0, w[l]);
      System.arraycopy(histogram[l], 0, c.histogram[l], 0, BINS);
    }
    System.arraycopy(deadFraction, 0, c.deadFraction, 0, w.length);
    System.arraycopy(inactiveFraction, 0, c.inactiveFraction, 0, w.length);
    System.arraycopy(saturatedFraction, 0, c.saturatedFraction, 0, w.length);
    System.arraycopy(saturatedPairFraction, 0, c.saturatedPairFraction, 0, w.length);
    System.arraycopy(flatness, 0, c.flatness, 0, w.length);
    System.arraycopy(preActivationMean, 0, c.preActivationMean, 0, w.length);
    System.arraycopy(preActivationStd, 0, c.preActivationStd, 0, w.length);
    System.arraycopy(below, 0, c.below, 0, w.length);
    System.arraycopy(above, 0, c.above, 0, w.length);
    return c;
  }
}
