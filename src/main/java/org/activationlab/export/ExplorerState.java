package org.activationlab.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;

/**
 * What the Explorer shows, as saved in a scenario file (plain data, no JavaFX): the shown
 * functions as catalog specs, the function the info card describes, the f/f′ toggles, the plot's
 * viewport and the softmax panel's inputs. Immutable; validated on construction with messages
 * that name the scenario file's field ({@code explorer.temperature …}).
 *
 * @param functions shown functions, 0..{@value #MAX_FUNCTIONS} catalog specs of distinct
 *     functions, e.g. {@code leaky_relu:negative_slope=0.1}; stored in canonical form ({@code
 *     Catalog.parse(spec).spec()}: ids, defaults omitted)
 * @param selected id of the function the info card describes (shown or not)
 * @param showValue whether f is drawn
 * @param showDerivative whether f′ is drawn
 * @param xMin left end of the plot's x range
 * @param xMax right end (&gt; xMin)
 * @param yMin bottom of the y range
 * @param yMax top (&gt; yMin)
 * @param logits softmax inputs, {@value #MIN_LOGITS}..{@value #MAX_LOGITS} values in
 *     [−{@value #MAX_ABS_LOGIT}, {@value #MAX_ABS_LOGIT}]
 * @param temperature softmax temperature T in [{@value #MIN_TEMPERATURE}, {@value
 *     #MAX_TEMPERATURE}]
 */
public record ExplorerState(List<String> functions, String selected, boolean showValue,
    boolean showDerivative, double xMin, double xMax, double yMin, double yMax,
    List<Double> logits, double temperature) {

  public static final int MAX_FUNCTIONS = 6;
  public static final int MIN_LOGITS = 3;
  public static final int MAX_LOGITS = 6;
  public static final double MAX_ABS_LOGIT = 1000;
  public static final double MIN_TEMPERATURE = 0.01;
  public static final double MAX_TEMPERATURE = 100;
  /** Largest |bound| of the viewport. */
  public static final double MAX_ABS_BOUND = 1e6;

  public ExplorerState {
    if (functions == null || functions.size() > MAX_FUNCTIONS) {
      throw new IllegalArgumentException("explorer.functions: give 0.." + MAX_FUNCTIONS
          + " function specs (got " + (functions == null ? 0 : functions.size()) + ")");
    }
    List<String> canonical = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String spec : functions) {
      if (spec == null) {
        throw new IllegalArgumentException("explorer.functions: a spec is missing");
      }
      Activation a;
      try {
        a = Catalog.parse(spec);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("explorer.functions: " + e.getMessage());
      }
      if (!ids.add(a.function().id())) {
        throw new IllegalArgumentException("explorer.functions: " + a.function().id()
            + " is listed twice (each function is shown once)");
      }
      canonical.add(a.spec());
    }
    functions = List.copyOf(canonical);
    if (selected == null) {
      throw new IllegalArgumentException("explorer.selected: a function id is required");
    }
    try {
      selected = Catalog.get(selected).id();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("explorer.selected: " + e.getMessage());
    }
    bound("explorer.xMin", xMin);
    bound("explorer.xMax", xMax);
    bound("explorer.yMin", yMin);
    bound("explorer.yMax", yMax);
    if (!(xMin < xMax)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "explorer.xMin must be less than explorer.xMax (got %s and %s)", xMin, xMax));
    }
    if (!(yMin < yMax)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "explorer.yMin must be less than explorer.yMax (got %s and %s)", yMin, yMax));
    }
    if (logits == null || logits.size() < MIN_LOGITS || logits.size() > MAX_LOGITS) {
      throw new IllegalArgumentException("explorer.logits: give " + MIN_LOGITS + ".."
          + MAX_LOGITS + " numbers (got " + (logits == null ? 0 : logits.size()) + ")");
    }
    for (Double z : logits) {
      if (z == null || !Double.isFinite(z) || Math.abs(z) > MAX_ABS_LOGIT) {
        throw new IllegalArgumentException("explorer.logits: each must be a number in −"
            + (int) MAX_ABS_LOGIT + ".." + (int) MAX_ABS_LOGIT + " (got " + z + ")");
      }
    }
    logits = List.copyOf(logits);
    if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
      throw new IllegalArgumentException("explorer.temperature must be in " + MIN_TEMPERATURE
          + ".." + (int) MAX_TEMPERATURE + " (got " + temperature + ")");
    }
  }

  private static void bound(String field, double v) {
    if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_BOUND) {
      throw new IllegalArgumentException(field + " must be a finite number within ±"
          + (long) MAX_ABS_BOUND + " (got " + v + ")");
    }
  }

  /**
   * What the Explorer opens with: sigmoid, tanh and ReLU shown, sigmoid described, f and f′ on,
   * x in [−5, 5], y in [−1.5, 3], logits (2, 1, 0.1, −1), T = 1.
   */
  public static ExplorerState defaults() {
    return new ExplorerState(List.of("sigmoid", "tanh", "relu"), "sigmoid", true, true, -5, 5,
        -1.5, 3, List.of(2.0, 1.0, 0.1, -1.0), 1.0);
  }
}
