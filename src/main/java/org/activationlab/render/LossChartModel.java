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
 */
public record LossChartModel(
    long[] steps, double[] trainLoss, double[] testLoss, double[] accuracy, boolean logLoss,
    Theme theme) {

  public LossChartModel {
    int n = steps.length;
    if (trainLoss.length != n || testLoss.length != n || accuracy.length != n) {
      throw new IllegalArgumentException("steps, losses and accuracy must have the same length");
    }
  }
}
