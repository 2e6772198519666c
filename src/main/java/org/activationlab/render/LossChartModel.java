package org.activationlab.render;

/**
 * Loss and accuracy over training, for {@link LossChartRenderer}. Arrays are parallel; NaN marks
 * a missing value (e.g. no test set, or accuracy for regression).
 *
 * @param steps training step of each point, increasing
 * @param trainLoss loss on the training batches
 * @param testLoss loss on the test set
 * @param accuracy test accuracy in [0, 1]
 * @param logLoss whether the loss axis is logarithmic
 * @param theme colours and fonts
 * @param compared run B of a comparison, drawn over this one (run A), or null
 */
public record LossChartModel(
    long[] steps, double[] trainLoss, double[] testLoss, double[] accuracy, boolean logLoss,
    Theme theme, LossChartModel compared) {

  /** One run's chart. */
  public LossChartModel(long[] steps, double[] trainLoss, double[] testLoss, double[] accuracy,
      boolean logLoss, Theme theme) {
    this(steps, trainLoss, testLoss, accuracy, logLoss, theme, null);
  }

  /** Run A's chart with run B's drawn over it. */
  public LossChartModel comparedWith(LossChartModel b) {
    return new LossChartModel(steps, trainLoss, testLoss, accuracy, logLoss, theme, b);
  }

  public LossChartModel {
    int n = steps.length;
    if (trainLoss.length != n || testLoss.length != n || accuracy.length != n) {
      throw new IllegalArgumentException("steps, losses and accuracy must have the same length");
    }
  }
}
