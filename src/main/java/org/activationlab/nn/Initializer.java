package org.activationlab.nn;

import java.util.Locale;

/**
 * How weights (or biases) start. Fan-in is the number of inputs of a unit, fan-out the number of
 * units of the layer. Normal variants are plain (not truncated) normals.
 *
 * @param kind the scheme
 * @param value the scheme's parameter: the constant for {@link Kind#CONSTANT}, the limit r of
 *     {@link Kind#UNIFORM} (U(−r, r)), the standard deviation of {@link Kind#NORMAL}; unused
 *     otherwise (0)
 */
public record Initializer(Kind kind, double value) {

  /** The schemes; ids are the command-line names. */
  public enum Kind {
    /** All 0. */
    ZEROS("zeros"),
    /** All {@code value}. */
    CONSTANT("constant"),
    /** U(−value, value). */
    UNIFORM("uniform"),
    /** N(0, value²). */
    NORMAL("normal"),
    /** U(±√(6/(fan_in+fan_out))) (Glorot &amp; Bengio 2010). */
    GLOROT_UNIFORM("glorot_uniform"),
    /** N(0, 2/(fan_in+fan_out)). */
    GLOROT_NORMAL("glorot_normal"),
    /** U(±√(6/fan_in)) (He et al. 2015). */
    HE_UNIFORM("he_uniform"),
    /** N(0, 2/fan_in). */
    HE_NORMAL("he_normal"),
    /** N(0, 1/fan_in). */
    LECUN_NORMAL("lecun_normal"),
    /** U(±1/√fan_in), PyTorch's {@code nn.Linear} default for weights and biases. */
    PYTORCH_DEFAULT("pytorch_default");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public Initializer {
    if (kind == null) {
      throw new IllegalArgumentException("initializer kind is required");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("initializer value must be finite");
    }
    if ((kind == Kind.UNIFORM || kind == Kind.NORMAL) && value < 0) {
      throw new IllegalArgumentException(kind.id() + " needs a non-negative "
          + (kind == Kind.UNIFORM ? "limit" : "stddev"));
    }
  }

  public static Initializer zeros() {
    return new Initializer(Kind.ZEROS, 0);
  }

  public static Initializer constant(double value) {
    return new Initializer(Kind.CONSTANT, value);
  }

  public static Initializer uniform(double limit) {
    return new Initializer(Kind.UNIFORM, limit);
  }

  public static Initializer normal(double stddev) {
    return new Initializer(Kind.NORMAL, stddev);
  }

  public static Initializer of(Kind kind) {
    return new Initializer(kind, 0);
  }

  /**
   * Parses the command-line form: {@code zeros}, {@code constant:value=-1}, {@code
   * uniform:limit=0.5}, {@code normal:stddev=0.1}, {@code glorot_uniform}, {@code glorot_normal},
   * {@code he_uniform}, {@code he_normal}, {@code lecun_normal}, {@code pytorch_default}. A bare
   * number after the colon is accepted too ({@code constant:-1}).
   *
   * @throws IllegalArgumentException naming the valid forms
   */
  public static Initializer parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    String name = (colon < 0 ? s : s.substring(0, colon)).trim().replace('-', '_');
    for (Kind k : Kind.values()) {
      if (k.id.equals(name)) {
        boolean takesValue = k == Kind.CONSTANT || k == Kind.UNIFORM || k == Kind.NORMAL;
        if (!takesValue) {
          if (colon >= 0) {
            throw new IllegalArgumentException(k.id + " takes no parameter (got '" + spec + "')");
          }
          return of(k);
        }
        String expected = switch (k) {
          case CONSTANT -> "value";
          case UNIFORM -> "limit";
          default -> "stddev";
        };
        if (colon < 0) {
          throw new IllegalArgumentException(k.id + " needs " + expected + ", e.g. " + k.id + ":"
              + expected + "=0.1");
        }
        String arg = s.substring(colon + 1);
        int eq = arg.indexOf('=');
        if (eq >= 0) {
          if (!arg.substring(0, eq).trim().equals(expected)) {
            throw new IllegalArgumentException(k.id + " takes only " + expected + " (got '" + spec
                + "')");
          }
          arg = arg.substring(eq + 1);
        }
        double v;
        try {
          v = Double.parseDouble(arg.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(k.id + ": " + expected + " must be a number (got '"
              + arg + "')");
        }
        return new Initializer(k, v);
      }
    }
    StringBuilder valid = new StringBuilder();
    for (Kind k : Kind.values()) {
      valid.append(valid.length() == 0 ? "" : ", ").append(k.id);
    }
    throw new IllegalArgumentException("unknown initializer '" + spec + "'; valid: " + valid);
  }

  /** The command-line form, e.g. {@code constant:value=-1.0} or {@code he_normal}. */
  public String spec() {
    return switch (kind) {
      case CONSTANT -> "constant:value=" + value;
      case UNIFORM -> "uniform:limit=" + value;
      case NORMAL -> "normal:stddev=" + value;
      default -> kind.id;
    };
  }

  /** Fills {@code a[from..to)} for a layer with the given fan-in and fan-out. */
  public void fill(double[] a, int from, int to, int fanIn, int fanOut, Rng rng) {
    switch (kind) {
      case ZEROS -> fillConstant(a, from, to, 0.0);
      case CONSTANT -> fillConstant(a, from, to, value);
      case UNIFORM -> fillUniform(a, from, to, value, rng);
      case NORMAL -> fillNormal(a, from, to, value, rng);
      case GLOROT_UNIFORM -> fillUniform(a, from, to, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
      case GLOROT_NORMAL -> fillNormal(a, from, to, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
      case HE_UNIFORM -> fillUniform(a, from, to, Math.sqrt(6.0 / fanIn), rng);
      case HE_NORMAL -> fillNormal(a, from, to, Math.sqrt(2.0 / fanIn), rng);
      case LECUN_NORMAL -> fillNormal(a, from, to, Math.sqrt(1.0 / fanIn), rng);
      case PYTORCH_DEFAULT -> fillUniform(a, from, to, 1.0 / Math.sqrt(fanIn), rng);
      default -> throw new AssertionError(kind);
    }
  }

  private static void fillConstant(double[] a, int from, int to, double v) {
    for (int i = from; i < to; i++) {
      a[i] = v;
    }
  }

  private static void fillUniform(double[] a, int from, int to, double limit, Rng rng) {
    for (int i = from; i < to; i++) {
      a[i] = rng.uniform(-limit, limit);
    }
  }

  private static void fillNormal(double[] a, int from, int to, double stddev, Rng rng) {
    for (int i = from; i < to; i++) {
      a[i] = stddev * rng.nextGaussian();
    }
  }
}
