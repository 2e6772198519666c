package org.activationlab.nn;

import java.util.Locale;

/**
 * An optimiser and its hyperparameters. Update rules follow PyTorch's {@code torch.optim}
 * (defaults in brackets); see {@link Optimizer}.
 *
 * @param kind the rule
 * @param learningRate step size η (&gt; 0)
 * @param momentum μ of {@link Kind#MOMENTUM}/{@link Kind#NESTEROV} [0.9]
 * @param rmsAlpha smoothing α of {@link Kind#RMSPROP} [0.99]
 * @param beta1 β₁ of {@link Kind#ADAM} [0.9]
 * @param beta2 β₂ of {@link Kind#ADAM} [0.999]
 * @param epsilon ε of RMSProp and Adam [1e-8]
 * @param weightDecay L2 coefficient λ, coupled: λ·w is added to the gradient of every weight
 *     (not biases) before the rule is applied; the loss reported excludes the penalty [0]
 * @param clipNorm if &gt; 0, the global L2 norm of the loss gradient (all weights and biases) is
 *     scaled down to at most this before decay and the rule; 0 = off [0]
 */
public record OptimizerSpec(
    Kind kind,
    double learningRate,
    double momentum,
    double rmsAlpha,
    double beta1,
    double beta2,
    double epsilon,
    double weightDecay,
    double clipNorm) {

  /** The update rules; ids are the command-line names. */
  public enum Kind {
    SGD("sgd"),
    MOMENTUM("momentum"),
    NESTEROV("nesterov"),
    RMSPROP("rmsprop"),
    ADAM("adam");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** By id, case-insensitive; the exception lists the valid names. */
    public static Kind parse(String name) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (k.id.equals(n)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown optimizer '" + name
          + "'; valid: sgd, momentum, nesterov, rmsprop, adam");
    }
  }

  public OptimizerSpec {
    if (kind == null) {
      throw new IllegalArgumentException("optimizer kind is required");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive (got " + learningRate + ")");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1)");
    }
    if (!(rmsAlpha >= 0 && rmsAlpha < 1) || !(beta1 >= 0 && beta1 < 1)
        || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("alpha, beta1 and beta2 must be in [0, 1)");
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be positive");
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("L2 weight decay must be ≥ 0 (got " + weightDecay + ")");
    }
    if (!(clipNorm >= 0) || Double.isNaN(clipNorm)) {
      throw new IllegalArgumentException("gradient clip norm must be ≥ 0, 0 = off (got "
          + clipNorm + ")");
    }
  }

  /** {@code kind} with learning rate {@code lr} and PyTorch's defaults for everything else. */
  public static OptimizerSpec of(Kind kind, double lr) {
    return new OptimizerSpec(kind, lr, 0.9, 0.99, 0.9, 0.999, 1e-8, 0, 0);
  }

  public static OptimizerSpec sgd(double lr) {
    return of(Kind.SGD, lr);
  }

  public static OptimizerSpec adam(double lr) {
    return of(Kind.ADAM, lr);
  }

  public OptimizerSpec withLearningRate(double lr) {
    return new OptimizerSpec(kind, lr, momentum, rmsAlpha, beta1, beta2, epsilon, weightDecay,
        clipNorm);
  }

  public OptimizerSpec withWeightDecay(double l2) {
    return new OptimizerSpec(kind, learningRate, momentum, rmsAlpha, beta1, beta2, epsilon, l2,
        clipNorm);
  }

  public OptimizerSpec withClipNorm(double clip) {
    return new OptimizerSpec(kind, learningRate, momentum, rmsAlpha, beta1, beta2, epsilon,
        weightDecay, clip);
  }
}
