package org.activationlab.render;

import org.activationlab.nn.DataSplit;
import org.activationlab.nn.Dataset;
import org.activationlab.training.GridSnapshot;

/**
 * What the decision-boundary picture shows: the network's output over the input plane (2-D data)
 * or along x (1-D regression), with the training and test samples. Plain arrays (copied).
 *
 * @param title text above the plot (may be null)
 * @param classes 0 for regression, 2 for binary (one channel: P(class 1)), K for K classes (K
 *     channels of probabilities)
 * @param grid the sampled output (see {@link GridSnapshot} for the layout)
 * @param trainInputs training inputs, sample-major ({@code grid.dimensions()} per sample)
 * @param trainTargets training targets (class index or value)
 * @param testInputs test inputs, sample-major
 * @param testTargets test targets
 */
public record DecisionBoundaryModel(String title, int classes, GridSnapshot grid,
    double[] trainInputs, double[] trainTargets, double[] testInputs, double[] testTargets) {

  public DecisionBoundaryModel {
    trainInputs = trainInputs.clone();
    trainTargets = trainTargets.clone();
    testInputs = testInputs.clone();
    testTargets = testTargets.clone();
  }

  /** From a snapshot's grid and data. */
  public static DecisionBoundaryModel of(String title, GridSnapshot grid, DataSplit data) {
    Dataset tr = data.train();
    Dataset te = data.test();
    return new DecisionBoundaryModel(title, data.spec().classes(), grid, tr.inputs(),
        tr.targets(), te.inputs(), te.targets());
  }

  int dimensions() {
    return grid.dimensions();
  }
}
