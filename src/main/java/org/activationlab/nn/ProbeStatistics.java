package org.activationlab.nn;

/**
 * Statistics over a fixed probe set (the first ≤ 512 training samples), computed on demand, e.g.
 * when a snapshot is published, never per step. Layers input side first, output layer last. A
 * mutable holder; see {@link #copy()}.
 *
 * <ul>
 *   <li>dead unit: f'(z) == 0 exactly for every probe sample (ReLU with z ≤ 0 everywhere; Leaky
 *       ReLU never qualifies).
 *   <li>saturated unit: |f'(z)| ≤ {@value #SATURATION_LEVEL} × max|f'| for more than half of the
 *       probe samples, max|f'| being the function's largest |f'| found on a dense grid over
 *       [−50, 50]. A dead unit satisfies this too and is counted in both fractions.
 *   <li>the output layer has no activation of its own (its transform belongs to the loss), so its
 *       units are never dead or saturated.
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
  public final double[] saturatedFraction;
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
    for (int l = 0; l < n; l++) {
      dead[l] = new boolean[widths[l]];
      saturated[l] = new boolean[widths[l]];
    }
    deadFraction = new double[n];
    saturatedFraction = new double[n];
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
      System.arraycopy(histogram[l], 0, c.histogram[l], 0, BINS);
    }
    System.arraycopy(deadFraction, 0, c.deadFraction, 0, w.length);
    System.arraycopy(saturatedFraction, 0, c.saturatedFraction, 0, w.length);
    System.arraycopy(preActivationMean, 0, c.preActivationMean, 0, w.length);
    System.arraycopy(preActivationStd, 0, c.preActivationStd, 0, w.length);
    System.arraycopy(below, 0, c.below, 0, w.length);
    System.arraycopy(above, 0, c.above, 0, w.length);
    return c;
  }
}
