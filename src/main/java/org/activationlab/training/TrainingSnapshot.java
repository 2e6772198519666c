package org.activationlab.training;

import java.util.List;
import org.activationlab.nn.DataSplit;

/**
 * What the trainer published: an immutable picture of one moment of a run. Everything in it is a
 * copy made on the trainer thread (array accessors of the parts return further copies), so a
 * snapshot can be kept and drawn on any thread while training goes on. {@link DataSplit} is
 * immutable and shared.
 *
 * @param sequence publication number (increases by one per snapshot of a trainer)
 * @param commandsApplied commands applied so far (including ones that failed)
 * @param step steps since creation, reset or rebuild
 * @param epoch completed passes over the training set
 * @param playing whether the trainer trains continuously
 * @param stepsPerSecond measured training speed (0 when paused)
 * @param speedLimit the set speed in steps/s (0 = unlimited)
 * @param statisticsEnabled whether per-step gradient statistics are gathered
 * @param batchLoss loss of the last step's mini-batch (NaN at step 0)
 * @param trainLoss mean loss over the whole training set now
 * @param testLoss mean loss over the test set now (training set if there is none)
 * @param trainAccuracy accuracy over the training set (NaN for regression)
 * @param accuracy accuracy over the test set (NaN for regression)
 * @param gradNorm global gradient norm of the last step
 * @param layers per-layer statistics, input side first, output layer last
 * @param grid output over the input plane (2-D) or x (1-D)
 * @param weights copy of all parameters
 * @param data the (immutable) data the network trains on
 * @param scenario the settings in force (changed settings included)
 * @param history bounded history of losses and per-layer gradients
 * @param diverged whether a non-finite loss or weight stopped training
 * @param divergedAtStep the step at which that was seen (-1 if not diverged)
 * @param hintKey bundle key of a hint for the user ({@code hint.diverged}), or null
 * @param error message of the last failed command or step, or null
 */
public record TrainingSnapshot(
    long sequence,
    long commandsApplied,
    long step,
    long epoch,
    boolean playing,
    double stepsPerSecond,
    double speedLimit,
    boolean statisticsEnabled,
    double batchLoss,
    double trainLoss,
    double testLoss,
    double trainAccuracy,
    double accuracy,
    double gradNorm,
    List<LayerSnapshot> layers,
    GridSnapshot grid,
    WeightsSnapshot weights,
    DataSplit data,
    Scenario scenario,
    History history,
    boolean diverged,
    long divergedAtStep,
    String hintKey,
    String error) {

  public TrainingSnapshot {
    layers = List.copyOf(layers);
  }

  /** The hidden layers' dead fraction over all hidden units. */
  public double deadFraction() {
    int dead = 0;
    int all = 0;
    for (LayerSnapshot l : layers) {
      if (!l.output()) {
        dead += l.deadCount();
        all += l.width();
      }
    }
    return all == 0 ? 0 : (double) dead / all;
  }
}
