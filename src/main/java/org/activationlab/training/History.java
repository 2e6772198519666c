package org.activationlab.training;

/**
 * An immutable copy of the training history: per column the mean over the steps it covers of the
 * batch loss, test loss and test accuracy (where measured), batch accuracy and, per layer, the
 * mean |δ| and RMS ∂L/∂W. Columns cover {@link #stride()} steps each (the newest may cover fewer); see {@link
 * HistoryBuffer} for how older columns are merged so memory stays bounded.
 */
public final class History {
  private final int capacity;
  private final long stride;
  private final long recorded;
  private final long[] firstStep;
  private final long[] lastStep;
  private final double[] loss;
  private final double[] testLoss;
  private final double[] accuracy;
  private final double[] testAccuracy;
  private final double[][] gradMeanAbs;
  private final double[][] gradWeightRms;

  History(int capacity, long stride, long recorded, long[] firstStep, long[] lastStep,
      double[] loss, double[] testLoss, double[] accuracy, double[] testAccuracy,
      double[][] gradMeanAbs,
      double[][] gradWeightRms) {
    this.capacity = capacity;
    this.stride = stride;
    this.recorded = recorded;
    this.firstStep = firstStep;
    this.lastStep = lastStep;
    this.loss = loss;
    this.testLoss = testLoss;
    this.accuracy = accuracy;
    this.testAccuracy = testAccuracy;
    this.gradMeanAbs = gradMeanAbs;
    this.gradWeightRms = gradWeightRms;
  }

  /**
   * The history as it stood after step {@code step}: the columns that begin at or before it (the
   * last of them may cover a few later steps when columns have been merged).
   */
  public History upTo(long step) {
    int n = 0;
    while (n < firstStep.length && firstStep[n] <= step) {
      n++;
    }
    if (n == firstStep.length) {
      return this;
    }
    double[][] g = new double[gradMeanAbs.length][];
    double[][] w = new double[gradWeightRms.length][];
    for (int k = 0; k < g.length; k++) {
      g[k] = java.util.Arrays.copyOf(gradMeanAbs[k], n);
      w[k] = java.util.Arrays.copyOf(gradWeightRms[k], n);
    }
    return new History(capacity, stride, Math.min(recorded, step + 1),
        java.util.Arrays.copyOf(firstStep, n), java.util.Arrays.copyOf(lastStep, n),
        java.util.Arrays.copyOf(loss, n), java.util.Arrays.copyOf(testLoss, n),
        java.util.Arrays.copyOf(accuracy, n), java.util.Arrays.copyOf(testAccuracy, n), g, w);
  }

  /** An empty history for {@code layers} layers. */
  public static History empty(int layers) {
    return new HistoryBuffer(layers, HistoryBuffer.DEFAULT_CAPACITY).snapshot();
  }

  /** Number of columns (≤ {@link #capacity()}). */
  public int size() {
    return loss.length;
  }

  public int capacity() {
    return capacity;
  }

  /** Steps per full column. */
  public long stride() {
    return stride;
  }

  /** Steps recorded in total. */
  public long recorded() {
    return recorded;
  }

  public int layerCount() {
    return gradMeanAbs.length;
  }

  public long firstStep(int column) {
    return firstStep[column];
  }

  public long lastStep(int column) {
    return lastStep[column];
  }

  public double loss(int column) {
    return loss[column];
  }

  /** NaN where no test loss was measured within the column. */
  public double testLoss(int column) {
    return testLoss[column];
  }

  /** Accuracy on the training batches of the column's steps. */
  public double accuracy(int column) {
    return accuracy[column];
  }

  /** Test accuracy; NaN where none was measured within the column (or for regression). */
  public double testAccuracy(int column) {
    return testAccuracy[column];
  }

  public double gradMeanAbs(int layer, int column) {
    return gradMeanAbs[layer][column];
  }

  public double gradWeightRms(int layer, int column) {
    return gradWeightRms[layer][column];
  }

  /** A copy of the loss series. */
  public double[] lossSeries() {
    return loss.clone();
  }
}
