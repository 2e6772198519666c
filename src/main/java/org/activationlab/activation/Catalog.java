package org.activationlab.activation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.activationlab.activation.formula.FormulaException;
import org.activationlab.activation.formula.FormulaFunction;

/** Every activation function of Activation Lab, by snake_case name and alias. */
public final class Catalog {

  private static final List<ActivationFunction> ALL = Functions.all();
  private static final Map<String, ActivationFunction> BY_NAME = index(ALL);

  private Catalog() {}

  /** All functions, in the order they are presented. */
  public static List<ActivationFunction> all() {
    return ALL;
  }

  /**
   * A function by id or alias (case-insensitive, '-' accepted for '_'), or a user formula's entry
   * by its spec ({@code formula:…}); empty for an unknown name or a bad formula.
   */
  public static Optional<ActivationFunction> find(String name) {
    if (FormulaFunction.isSpec(name)) {
      try {
        return Optional.of(FormulaFunction.parseSpec(name));
      } catch (FormulaException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(BY_NAME.get(normalise(name)));
  }

  /** A function by id or alias, or an exception whose message lists the valid names. */
  public static ActivationFunction get(String name) {
    if (FormulaFunction.isSpec(name)) {
      return FormulaFunction.parseSpec(name); // its own message, with the column
    }
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown function '" + name + "'; valid: " + String.join(", ", ids())));
  }

  public static List<String> ids() {
    return ALL.stream().map(ActivationFunction::id).toList();
  }

  /**
   * Parses {@code name[:param=value,...]}, e.g. {@code leaky_relu:negative_slope=0.1}, or a user
   * formula {@code formula:EXPR[;NAME=VALUE[ in [MIN,MAX]]]...}, e.g.
   * {@code formula:x*sigmoid(beta*x);beta=1 in [0,10]} (see {@link FormulaFunction}; formulas
   * contain commas, so they are recognised before the generic split).
   *
   * @throws IllegalArgumentException naming the valid functions, parameters or range
   */
  public static Activation parse(String spec) {
    String s = spec.trim();
    if (FormulaFunction.isSpec(s)) {
      return FormulaFunction.parseSpec(s).withDefaults();
    }
    int colon = s.indexOf(':');
    ActivationFunction f = get(colon < 0 ? s : s.substring(0, colon));
    double[] values = f.defaults();
    if (colon >= 0 && colon < s.length() - 1) {
      for (String assignment : s.substring(colon + 1).split(",")) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "expected param=value in '" + spec + "'; parameters of " + f.id() + ": "
                  + (f.parameters().isEmpty() ? "(none)" : String.join(", ", f.parameterNames())));
        }
        int i = f.parameterIndex(assignment.substring(0, eq).trim());
        values[i] = f.parameters().get(i).parse(assignment.substring(eq + 1));
      }
    }
    return f.bind(values);
  }

  private static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static Map<String, ActivationFunction> index(List<ActivationFunction> all) {
    Map<String, ActivationFunction> m = new LinkedHashMap<>();
    for (ActivationFunction f : all) {
      putUnique(m, f.id(), f);
      f.aliases().forEach(a -> putUnique(m, a, f));
    }
    return Map.copyOf(m);
  }

  private static void putUnique(Map<String, ActivationFunction> m, String key, ActivationFunction f) {
    if (m.put(normalise(key), f) != null) {
      throw new IllegalStateException("duplicate function name " + key);
    }
  }
}
