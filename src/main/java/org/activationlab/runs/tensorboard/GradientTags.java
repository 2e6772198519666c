package org.activationlab.runs.tensorboard;

import java.util.List;
import java.util.Optional;

/**
 * Which TensorBoard tags name a parameter gradient or the loss, and of which module
 * (docs/formats.md, "TensorBoard event files"). Tags are matched exactly (case matters).
 *
 * <ul>
 *   <li>Gradient histograms: {@code grad/P}, {@code grads/P}, {@code gradient/P},
 *       {@code gradients/P}, {@code P/grad}, {@code P/grads}, {@code P/gradient},
 *       {@code P/gradients}, {@code P.grad}.
 *   <li>Gradient norms (Lightning): {@code grad_2.0_norm/P}, also with Lightning's
 *       {@code _step} suffix; {@code _epoch} aggregates and {@code grad_2.0_norm_total} are
 *       not taken.
 *   <li>Loss: {@code loss}, {@code train/loss}, {@code train_loss}, {@code Loss/train},
 *       {@code train_loss_step}; when a step has several, the first in this order wins.
 * </ul>
 *
 * <p>A parameter path P ending in {@code .weight}, {@code /weight}, {@code .kernel} or
 * {@code /kernel} is the weight of the module before it; one ending in {@code .bias} or
 * {@code /bias} its bias; any other P is taken as the weight of a module named P.
 */
final class GradientTags {

  /** A parameter: the module it belongs to and whether it is the bias. */
  record Parameter(String module, boolean bias) {}

  static final List<String> LOSS_TAGS =
      List.of("loss", "train/loss", "train_loss", "Loss/train", "train_loss_step");

  private static final List<String> HISTOGRAM_PREFIXES =
      List.of("grad/", "grads/", "gradient/", "gradients/");
  private static final List<String> HISTOGRAM_SUFFIXES =
      List.of("/grad", "/grads", "/gradient", "/gradients", ".grad");
  private static final String NORM_PREFIX = "grad_2.0_norm/";
  private static final String STEP_SUFFIX = "_step";
  private static final String EPOCH_SUFFIX = "_epoch";

  private GradientTags() {}

  /** The parameter whose gradient a histogram tag names, if it names one. */
  static Optional<Parameter> histogram(String tag) {
    for (String prefix : HISTOGRAM_PREFIXES) {
      if (tag.startsWith(prefix)) {
        return parameter(tag.substring(prefix.length()));
      }
    }
    for (String suffix : HISTOGRAM_SUFFIXES) {
      if (tag.endsWith(suffix)) {
        return parameter(tag.substring(0, tag.length() - suffix.length()));
      }
    }
    return Optional.empty();
  }

  /** The parameter whose gradient norm a scalar tag names, if it names one. */
  static Optional<Parameter> norm(String tag) {
    if (!tag.startsWith(NORM_PREFIX) || tag.endsWith(EPOCH_SUFFIX)) {
      return Optional.empty();
    }
    String p = tag.substring(NORM_PREFIX.length());
    if (p.endsWith(STEP_SUFFIX)) {
      p = p.substring(0, p.length() - STEP_SUFFIX.length());
    }
    return parameter(p);
  }

  /** The loss tag's rank in {@link #LOSS_TAGS} (lower wins), or −1 if it is not a loss. */
  static int lossRank(String tag) {
    return LOSS_TAGS.indexOf(tag);
  }

  private static Optional<Parameter> parameter(String path) {
    for (String weight : List.of(".weight", "/weight", ".kernel", "/kernel")) {
      if (path.endsWith(weight)) {
        return named(path.substring(0, path.length() - weight.length()), false);
      }
    }
    for (String bias : List.of(".bias", "/bias")) {
      if (path.endsWith(bias)) {
        return named(path.substring(0, path.length() - bias.length()), true);
      }
    }
    return named(path, false);
  }

  private static Optional<Parameter> named(String module, boolean bias) {
    return module.isEmpty() ? Optional.empty() : Optional.of(new Parameter(module, bias));
  }
}
