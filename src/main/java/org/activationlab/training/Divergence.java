package org.activationlab.training;

/**
 * Why and when a run was stopped as diverged. The checks, made by {@link Run#step()} on every
 * step (weights at step 1 and every {@value Run#WEIGHT_CHECK_INTERVAL} steps), so the step found
 * does not depend on how often anybody takes snapshots:
 *
 * <ul>
 *   <li>{@link Reason#NON_FINITE}: the batch loss or the gradient norm is NaN or infinite;
 *   <li>{@link Reason#LOSS_BLOW_UP}: the batch loss exceeds {@value Run#LOSS_BLOW_UP_FACTOR} times
 *       the first step's batch loss (taken as at least {@value Run#LOSS_FLOOR}) — a finite
 *       blow-up, such as a learning rate of 10⁶, where the loss stays finite at chance accuracy;
 *   <li>{@link Reason#WEIGHTS}: a weight or bias is beyond ±{@value Run#WEIGHT_BOUND} (or not a
 *       number), e.g. an initialisation with a huge standard deviation;
 *   <li>{@link Reason#TRAINING_LOSS}: a snapshot finds the loss over the whole training set not
 *       finite although no step's checks fired (a last resort, reported at the snapshot's step).
 * </ul>
 *
 * @param step the step at which it was found
 * @param reason what was found
 */
public record Divergence(long step, Reason reason) {

  /** What made a run count as diverged; each names its explanation in the presets bundle. */
  public enum Reason {
    NON_FINITE("divergence.nonFinite"),
    LOSS_BLOW_UP("divergence.lossBlowUp"),
    WEIGHTS("divergence.weights"),
    TRAINING_LOSS("divergence.trainingLoss");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    /** Bundle key of a sentence saying what happened ({@link Presets#text}). */
    public String key() {
      return key;
    }
  }
}
