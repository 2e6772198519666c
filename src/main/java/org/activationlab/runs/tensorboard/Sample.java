package org.activationlab.runs.tensorboard;

/**
 * One number taken from a TensorBoard event file: at a step, for a module.
 *
 * @param step the event's global step
 * @param module the module path the tag names (e.g. {@code encoder.0}); for the loss, the tag
 *     it was logged under
 * @param quantity what the number is
 * @param value the number as logged (a histogram's RMS computed from its sums)
 */
public record Sample(long step, String module, Quantity quantity, double value) {

  /** What a sample's number is. None of them is δ = ∂L/∂z: they are parameter gradients. */
  public enum Quantity {
    /** The training loss (a scalar named {@code loss}, {@code train/loss}, …). */
    LOSS,
    /** RMS of ∂L/∂W, sqrt(sum_squares / num) of the weight gradient's histogram. */
    GRAD_WEIGHT_RMS,
    /** RMS of ∂L/∂b, from the bias gradient's histogram. */
    GRAD_BIAS_RMS,
    /** ‖∂L/∂W‖₂ (Lightning's {@code grad_2.0_norm/<module>.weight}). */
    GRAD_WEIGHT_NORM,
    /** ‖∂L/∂b‖₂ (Lightning's {@code grad_2.0_norm/<module>.bias}). */
    GRAD_BIAS_NORM
  }
}
