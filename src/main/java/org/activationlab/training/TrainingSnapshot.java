package org.activationlab.training;

import java.util.List;
import org.activationlab.nn.DataSplit;

/**
 * One moment of a run, immutable: made by {@link Run#snapshot()} on the thread that owns the run,
 * every array copied once and never exposed (indexed getters), so it can be kept and drawn on any
 * thread while training goes on. {@link DataSplit} is immutable and shared.
 *
 * @param status the trainer's state when it published this ({@link Status#IDLE} from a plain run)
 * @param runId which run this shows: a new network or a reset starts a new id (unique in the
 *     process), live setting changes keep it
 * @param step steps since creation, reset or rebuild
 * @param epoch completed passes over the training set
 * @param scores losses and accuracy measured now
 * @param layers per-layer statistics, input side first, output layer last
 * @param grid output over the input plane (2-D) or x (1-D); null for other inputs
 * @param weights all parameters
 * @param data the data the network trains on
 * @param scenario the settings in force (live changes included)
 * @param history bounded history of losses and per-layer gradients; null in a snapshot taken
 *     without it ({@link Run#snapshot(boolean)})
 * @param divergence why and when the run was stopped as diverged, or null
 * @param compared run B of a comparison at the same moment (same step unless one diverged), or
 *     null when the trainer runs one run; B's own {@code compared} is null
 */
public record TrainingSnapshot(
    Status status,
    long runId,
    long step,
    long epoch,
    Scores scores,
    List<LayerSnapshot> layers,
    GridSnapshot grid,
    WeightsSnapshot weights,
    DataSplit data,
    Scenario scenario,
    History history,
    Divergence divergence,
    TrainingSnapshot compared) {

  /** Bundle key of the advice shown for a diverged run, after what happened. */
  public static final String HINT_DIVERGED = "hint.diverged";

  /**
   * The trainer's state at publication.
   *
   * @param sequence publication number (increases by one per snapshot of a trainer)
   * @param commandsApplied commands applied so far (including ones that failed)
   * @param playing whether the trainer trains continuously
   * @param stepsPerSecond measured training speed (0 when paused)
   * @param speedLimit the set speed in steps/s (0 = unlimited)
   * @param error message of the last failed command or step, or null
   * @param liveStep the run's own step; the snapshot's step is an earlier one when the user
   *     went back in time ({@link Command.View})
   * @param otherBranch the step at which the run was branched with {@link
   *     Command.ContinueFrom} while the old branch is kept ({@link Command.SwitchBranch} goes
   *     back to it), or −1
   */
  public record Status(long sequence, long commandsApplied, boolean playing,
      double stepsPerSecond, double speedLimit, String error, long liveStep, long otherBranch) {
    /** Not published by a trainer. */
    public static final Status IDLE = new Status(0, 0, false, 0, 0, null, -1, -1);
  }

  /**
   * Scores of the network now.
   *
   * @param trainLoss mean loss over the whole training set
   * @param testLoss mean loss over the test set (training set if there is none)
   * @param accuracy accuracy over the test set (NaN for regression)
   */
  public record Scores(double trainLoss, double testLoss, double accuracy) {}

  public TrainingSnapshot {
    layers = List.copyOf(layers);
  }

  /** The same moment with the trainer's state. */
  public TrainingSnapshot with(Status s) {
    return new TrainingSnapshot(s, runId, step, epoch, scores, layers, grid, weights, data, scenario,
        history, divergence, compared);
  }

  /** The same moment of run A with run B's beside it (null: no comparison). */
  public TrainingSnapshot comparedWith(TrainingSnapshot b) {
    if (b != null && b.compared != null) {
      throw new IllegalArgumentException("run B's snapshot cannot hold a comparison itself");
    }
    return new TrainingSnapshot(status, runId, step, epoch, scores, layers, grid, weights, data,
        scenario, history, divergence, b);
  }

  /** Whether this moment has run B beside it. */
  public boolean comparing() {
    return compared != null;
  }

  public boolean diverged() {
    return divergence != null;
  }

  /** The step at which the run diverged, or −1. */
  public long divergedAtStep() {
    return divergence == null ? -1 : divergence.step();
  }

  /** Bundle key of a hint for the user ({@link #HINT_DIVERGED}), or null. */
  public String hintKey() {
    return diverged() ? HINT_DIVERGED : null;
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
