package org.activationlab.nn;

import java.util.Locale;

/**
 * What the network learns, which fixes its output transform and loss. The loss is always computed
 * from the output layer's pre-activations (logits) in a numerically stable combined form.
 */
public enum Task {
  /**
   * Two classes, one output unit: sigmoid output with binary cross-entropy from the logit z,
   * {@code L = max(z,0) − z·y + log1p(exp(−|z|))}, averaged over the batch. Targets 0 or 1.
   */
  BINARY,
  /**
   * K classes, K output units: softmax with cross-entropy, {@code L = logsumexp(z) − z_y}, the
   * maximum logit subtracted before exponentiating, averaged over the batch. Targets are class
   * indices.
   */
  MULTICLASS,
  /**
   * Regression: identity output with mean squared error {@code L = mean over batch and outputs of
   * (z − y)²} (PyTorch's {@code MSELoss}, no ½ factor).
   */
  REGRESSION;

  /** Lower-case name, e.g. {@code binary}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether targets are class indices (accuracy is defined). */
  public boolean isClassification() {
    return this != REGRESSION;
  }
}
