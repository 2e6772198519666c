package org.activationlab.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A catalog entry: a family of activation functions sharing a formula, e.g. Leaky ReLU for any
 * negative slope. Holds the metadata people see (names, LaTeX, description) and creates bound
 * {@link Activation}s for given parameter values.
 */
public final class ActivationFunction {

  /** Where f or f' jumps for the given parameter values (sorted x positions; may be empty). */
  @FunctionalInterface
  public interface Breaks {
    double[] at(double[] parameterValues);
  }

  /** Creates the bound function for validated parameter values (declaration order). */
  @FunctionalInterface
  public interface Factory {
    Activation create(ActivationFunction function, double[] parameterValues);
  }

  /** Writes the command-line form of parameter values (for entries whose spec is not name:k=v). */
  @FunctionalInterface
  public interface SpecWriter {
    String spec(double[] parameterValues);
  }

  private static final Breaks NONE = p -> new double[0];

  private final String id;
  private final List<String> aliases;
  private final String displayName;
  private final List<Parameter> parameters;
  private final String latexValue;
  private final String latexDerivative;
  private final Factory factory;
  private final Breaks valueBreaks;
  private final Breaks derivativeBreaks;
  private final SpecWriter specWriter;

  private ActivationFunction(Builder b) {
    this.id = Objects.requireNonNull(b.id);
    this.aliases = List.copyOf(b.aliases);
    this.displayName = Objects.requireNonNull(b.displayName);
    this.parameters = List.copyOf(b.parameters);
    this.latexValue = Objects.requireNonNull(b.latexValue, "latex of f: " + b.id);
    this.latexDerivative = Objects.requireNonNull(b.latexDerivative, "latex of f': " + b.id);
    this.factory = Objects.requireNonNull(b.factory, "factory: " + b.id);
    this.valueBreaks = b.valueBreaks;
    this.derivativeBreaks = b.derivativeBreaks;
    this.specWriter = b.specWriter;
  }

  /** Starts the definition of a catalog entry. */
  public static Builder builder(String id, String displayName) {
    return new Builder(id, displayName);
  }

  /** Keras-style snake_case name, e.g. {@code leaky_relu}. */
  public String id() {
    return id;
  }

  /** Other accepted names, e.g. {@code swish} for {@code silu}. */
  public List<String> aliases() {
    return aliases;
  }

  /** Name for people, e.g. {@code Leaky ReLU}. */
  public String displayName() {
    return displayName;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** Index of a parameter by name, or throws with the valid names. */
  public int parameterIndex(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown parameter '" + name + "' for " + id + "; valid: "
        + (parameters.isEmpty() ? "(none)" : String.join(", ", parameterNames())));
  }

  public List<String> parameterNames() {
    return parameters.stream().map(Parameter::name).toList();
  }

  /** LaTeX of f(x), for JLaTeXMath. */
  public String latexValue() {
    return latexValue;
  }

  /** LaTeX of f'(x), for JLaTeXMath. */
  public String latexDerivative() {
    return latexDerivative;
  }

  /** The default parameter values, a copy. */
  public double[] defaults() {
    return parameters.stream().mapToDouble(Parameter::defaultValue).toArray();
  }

  /** This function with default parameters. */
  public Activation withDefaults() {
    return factory.create(this, defaults());
  }

  /**
   * This function with the given parameter values (in parameter order).
   *
   * @throws IllegalArgumentException if a value is outside its parameter's valid range
   */
  public Activation bind(double... values) {
    if (values.length != parameters.size()) {
      throw new IllegalArgumentException(
          id + " takes " + parameters.size() + " parameter(s), got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      Parameter p = parameters.get(i);
      if (!p.accepts(values[i])) {
        throw new IllegalArgumentException("parameter " + p.name() + " of " + id + " must be in "
            + p.rangeText() + " (got " + Parameter.format(values[i]) + ")");
      }
    }
    return factory.create(this, values.clone());
  }

  /** This function with named overrides of its defaults. */
  public Activation bind(Map<String, Double> overrides) {
    double[] v = defaults();
    overrides.forEach((name, value) -> v[parameterIndex(name)] = value);
    return bind(v);
  }

  /** x positions where f jumps (drawn as a break, not a vertical line). */
  public double[] valueDiscontinuities(double[] parameterValues) {
    return valueBreaks.at(parameterValues);
  }

  /** x positions where f' jumps (kinks of f). */
  public double[] derivativeDiscontinuities(double[] parameterValues) {
    return derivativeBreaks.at(parameterValues);
  }

  /** Without it, getBundle falls back to the JVM's default locale before the root bundle. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /**
   * Short description (what it is for, strengths, pitfalls) in the locale's language; English
   * (the root bundle) for any locale without its own, whatever the JVM's default locale is.
   */
  public String description(Locale locale) {
    try {
      ResourceBundle bundle = ResourceBundle.getBundle(
          "org.activationlab.activation.descriptions", locale, NO_FALLBACK);
      return bundle.getString(id);
    } catch (MissingResourceException e) {
      return "";
    }
  }

  /** The command-line form of given parameter values; parameters at their default are omitted. */
  public String spec(double[] values) {
    if (specWriter != null) {
      return specWriter.spec(values);
    }
    StringBuilder sb = new StringBuilder(id);
    char sep = ':';
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (Double.compare(values[i], p.defaultValue()) != 0) {
        sb.append(sep).append(p.name()).append('=').append(p.formatValue(values[i]));
        sep = ',';
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return id;
  }

  /** Builds an {@link ActivationFunction}. */
  public static final class Builder {
    private final String id;
    private final String displayName;
    private final List<String> aliases = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private String latexValue;
    private String latexDerivative;
    private Factory factory;
    private Breaks valueBreaks = NONE;
    private Breaks derivativeBreaks = NONE;
    private SpecWriter specWriter;

    private Builder(String id, String displayName) {
      this.id = id;
      this.displayName = displayName;
    }

    public Builder alias(String... names) {
      aliases.addAll(Arrays.asList(names));
      return this;
    }

    public Builder parameter(Parameter p) {
      parameters.add(p);
      return this;
    }

    public Builder latex(String value, String derivative) {
      this.latexValue = value;
      this.latexDerivative = derivative;
      return this;
    }

    /** Creates the bound function from parameter values in declaration order. */
    public Builder factory(Factory factory) {
      this.factory = factory;
      return this;
    }

    public Builder valueBreaks(Breaks breaks) {
      this.valueBreaks = breaks;
      return this;
    }

    public Builder derivativeBreaks(Breaks breaks) {
      this.derivativeBreaks = breaks;
      return this;
    }

    /** A command-line form other than {@code id:name=value,...} (user formulas). */
    public Builder specWriter(SpecWriter writer) {
      this.specWriter = writer;
      return this;
    }

    public ActivationFunction build() {
      return new ActivationFunction(this);
    }
  }
}
