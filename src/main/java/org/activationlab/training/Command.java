package org.activationlab.training;

import org.activationlab.activation.Catalog;
import org.activationlab.nn.OptimizerSpec;

/**
 * What the UI (or a test) asks the {@link Trainer} to do. Commands are immutable, validated on
 * construction, queued, and applied by the trainer thread between two steps in the order
 * submitted.
 */
public sealed interface Command {

  /** Train continuously at the current speed. Ignored while the run is diverged. */
  record Play() implements Command {}

  /** Stop training (publishes a snapshot at once). */
  record Pause() implements Command {}

  /** Pause and train exactly {@code count} steps (fewer if it diverges), then publish. */
  record Step(int count) implements Command {
    /** Most steps one command may ask for. */
    public static final int MAX = 1_000_000;

    public Step {
      if (count < 1 || count > MAX) {
        throw new IllegalArgumentException("step count must be in 1.." + MAX + " (got " + count
            + ")");
      }
    }
  }

  /** Re-initialise the network from the seed, clear history and divergence, pause. */
  record Reset() implements Command {}

  record SetLearningRate(double learningRate) implements Command {
    public SetLearningRate {
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("learning rate must be positive (got " + learningRate
            + ")");
      }
    }
  }

  /**
   * Changes the activation of all hidden layers ({@code layer} = {@link #ALL_LAYERS}) or of hidden
   * layer {@code layer} (0-based), keeping the weights.
   *
   * @param spec catalog spec, e.g. {@code leaky_relu:negative_slope=0.1}
   */
  record SetActivation(int layer, String spec) implements Command {
    public static final int ALL_LAYERS = -1;

    public SetActivation {
      if (layer < ALL_LAYERS) {
        throw new IllegalArgumentException("layer must be ≥ 0 or ALL_LAYERS (got " + layer + ")");
      }
      spec = Catalog.parse(spec).spec();
    }

    public static SetActivation all(String spec) {
      return new SetActivation(ALL_LAYERS, spec);
    }
  }

  /** Batch size; invalid sizes for the data are reported in the snapshot's error. */
  record SetBatchSize(int batchSize) implements Command {
    public SetBatchSize {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be ≥ 1 (got " + batchSize + ")");
      }
    }
  }

  /** Optimiser kind and hyperparameters (a different kind starts with fresh optimiser state). */
  record SetOptimizer(OptimizerSpec spec) implements Command {
    public SetOptimizer {
      if (spec == null) {
        throw new IllegalArgumentException("optimizer spec is required");
      }
    }
  }

  /** Steps per second while playing; 0 or +∞ means as fast as possible. */
  record SetSpeed(double stepsPerSecond) implements Command {
    public SetSpeed {
      if (!(stepsPerSecond >= 0)) {
        throw new IllegalArgumentException("speed must be ≥ 0 steps/s, 0 = unlimited (got "
            + stepsPerSecond + ")");
      }
    }

    public boolean unlimited() {
      return stepsPerSecond == 0 || Double.isInfinite(stepsPerSecond);
    }
  }

  /** Whether per-step gradient statistics are gathered. */
  record SetStatistics(boolean enabled) implements Command {}

  /** A new network (architecture, data or seed changed) from {@code scenario}; history cleared. */
  record Rebuild(Scenario scenario) implements Command {
    public Rebuild {
      if (scenario == null) {
        throw new IllegalArgumentException("scenario is required");
      }
    }
  }

  /** Ends the trainer thread (sent by {@link Trainer#close()}). */
  record Shutdown() implements Command {}
}
