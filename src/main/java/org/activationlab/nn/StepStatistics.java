package org.activationlab.nn;

/**
 * What one training step (one mini-batch) measured, per layer (input side first, output layer
 * last). A mutable holder: the session fills a preallocated instance every step; take {@link
 * #copy()} or {@link #copyFrom} for a snapshot.
 *
 * <p>Definitions (docs/formats.md, "The statistics"), with L = (1/n) Σ_b ℓ_b the batch-mean loss and
 * δ_bj = ∂ℓ_b/∂z_j the error of unit j for sample b:
 *
 * <ul>
 *   <li>{@code neuronGradMeanAbs[l][j]}: (1/n) Σ_b |δ_bj|, the mean over the batch of |δ_j|. Since
 *       ∂L/∂b_j = (1/n) Σ_b δ_bj, it equals |∂L/∂b_j| when the batch's errors share a sign (always
 *       for a batch of one) and is never smaller; it does not depend on the batch size.
 *   <li>{@code gradMeanAbs[l]}: the mean of {@code neuronGradMeanAbs[l]} over the layer's units.
 *   <li>{@code gradWeightRms[l]}, {@code gradBiasRms[l]}: root mean square of ∂L/∂W and ∂L/∂b
 *       (the loss gradient, before weight decay and clipping).
 *   <li>{@code activationMean[l]}, {@code activationStd[l]}: over the batch and the layer's units
 *       of the outputs a = f(z); for the output layer of the task output (probability, class
 *       probabilities or regression value).
 * </ul>
 */
public final class StepStatistics {
  /** The step counter after this step (1 for the first step). */
  public long step;
  /** Mean loss of the batch, before the update. */
  public double loss;
  /** Fraction of the batch classified correctly before the update; NaN for regression. */
  public double accuracy = Double.NaN;
  /** Samples in the batch. */
  public int batchSize;
  /** Global L2 norm of the loss gradient (before clipping and decay). */
  public double gradNorm;
  /** Whether clipping scaled the gradient down this step. */
  public boolean clipped;

  public final double[][] neuronGradMeanAbs;
  public final double[] gradMeanAbs;
  public final double[] gradWeightRms;
  public final double[] gradBiasRms;
  public final double[] activationMean;
  public final double[] activationStd;
  /**
   * ‖ΔW‖ / ‖W‖ of the last step's update per layer; measured only on request ({@link
   * TrainingSession#measureUpdateRatios()}, at a snapshot), NaN until then.
   */
  public final double[] updateRatio;

  /** Statistics for layers of the given widths (input side first, output layer last). */
  public StepStatistics(int[] widths) {
    int n = widths.length;
    neuronGradMeanAbs = new double[n][];
    for (int l = 0; l < n; l++) {
      neuronGradMeanAbs[l] = new double[widths[l]];
    }
    gradMeanAbs = new double[n];
    gradWeightRms = new double[n];
    gradBiasRms = new double[n];
    activationMean = new double[n];
    activationStd = new double[n];
    updateRatio = new double[n];
    java.util.Arrays.fill(updateRatio, Double.NaN);
  }

  /** Statistics shaped for {@code net}. */
  public static StepStatistics of(Mlp net) {
    int[] w = new int[net.layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = net.width(l);
    }
    return new StepStatistics(w);
  }

  public int layerCount() {
    return gradMeanAbs.length;
  }

  /** Whether {@code other} has the same layer widths. */
  public boolean sameShape(StepStatistics other) {
    if (other.layerCount() != layerCount()) {
      return false;
    }
    for (int l = 0; l < layerCount(); l++) {
      if (other.neuronGradMeanAbs[l].length != neuronGradMeanAbs[l].length) {
        return false;
      }
    }
    return true;
  }

  /** Copies every value from {@code src} (same shape) into this, allocating nothing. */
  public void copyFrom(StepStatistics src) {
    if (!sameShape(src)) {
      throw new IllegalArgumentException("statistics of a different architecture");
    }
    step = src.step;
    loss = src.loss;
    accuracy = src.accuracy;
    batchSize = src.batchSize;
    gradNorm = src.gradNorm;
    clipped = src.clipped;
    for (int l = 0; l < layerCount(); l++) {
      System.arraycopy(src.neuronGradMeanAbs[l], 0, neuronGradMeanAbs[l], 0,
          neuronGradMeanAbs[l].length);
    }
    System.arraycopy(src.gradMeanAbs, 0, gradMeanAbs, 0, gradMeanAbs.length);
    System.arraycopy(src.gradWeightRms, 0, gradWeightRms, 0, gradWeightRms.length);
    System.arraycopy(src.gradBiasRms, 0, gradBiasRms, 0, gradBiasRms.length);
    System.arraycopy(src.activationMean, 0, activationMean, 0, activationMean.length);
    System.arraycopy(src.activationStd, 0, activationStd, 0, activationStd.length);
    System.arraycopy(src.updateRatio, 0, updateRatio, 0, updateRatio.length);
  }

  /** A deep copy. */
  public StepStatistics copy() {
    int[] w = new int[layerCount()];
    for (int l = 0; l < w.length; l++) {
      w[l] = neuronGradMeanAbs[l].length;
    }
    StepStatistics c = new StepStatistics(w);
    c.copyFrom(this);
    return c;
  }
}
