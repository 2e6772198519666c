package org.activationlab.training;


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

  /**
   * New settings: applied live to the running network when {@link Scenario#needsRebuild} says
   * they can be (weights, step and history kept), otherwise, or when {@code fresh}, a new network
   * at step 0 (the data is reused when its settings are the same). Playing continues. Ends a
   * comparison (one run again).
   *
   * @param fresh start again at step 0 even if the settings could be applied live (a loaded
   *     preset or file)
   */
  record Configure(Scenario scenario, boolean fresh) implements Command {
    public Configure {
      if (scenario == null) {
        throw new IllegalArgumentException("scenario is required");
      }
    }

    /** Settings applied live where possible. */
    public static Configure to(Scenario scenario) {
      return new Configure(scenario, false);
    }

    /** A new network for {@code scenario}, at step 0. */
    public static Configure fresh(Scenario scenario) {
      return new Configure(scenario, true);
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

  /**
   * Shows the run as it was after step {@code step} (rebuilt exactly, {@link Run#at}); pauses.
   * A step at or beyond the run's own shows the run live again; so do Play, Step and Reset.
   */
  record View(long step) implements Command {
    public View {
      if (step < 0) {
        throw new IllegalArgumentException("step must be ≥ 0 (got " + step + ")");
      }
    }
  }

  /**
   * Continues the run from step {@code step} ("continue from here", {@link Run#branchAt}):
   * training goes on from there, paused; the old branch is kept ({@link SwitchBranch}).
   */
  record ContinueFrom(long step) implements Command {
    public ContinueFrom {
      if (step < 0) {
        throw new IllegalArgumentException("step must be ≥ 0 (got " + step + ")");
      }
    }
  }

  /**
   * Swaps the run with the branch it was continued from (or back): after {@link ContinueFrom},
   * the old branch stays reachable until a reset or a new network. Nothing when there is none.
   */
  record SwitchBranch() implements Command {}

  /**
   * Trains two runs side by side ({@link Comparison}): A and B on the same data, in lockstep
   * (every step, play, pause, reset, view and branch acts on both). Starting a comparison, or
   * changing either side in a way that needs a new network ({@link Scenario#needsRebuild}), or
   * {@code fresh}, starts both again at step 0; other changes are applied live to each side.
   * {@link Configure} (one scenario) and {@link EndCompare} go back to one run.
   */
  record Compare(Comparison pair, boolean fresh) implements Command {
    public Compare {
      if (pair == null) {
        throw new IllegalArgumentException("pair is required");
      }
    }
  }

  /** Ends a comparison: run A goes on alone, where it is; B is dropped. */
  record EndCompare() implements Command {}

  /** Ends the trainer thread (sent by {@link Trainer#close()}). */
  record Shutdown() implements Command {}
}
