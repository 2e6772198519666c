package org.activationlab.nn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which functions of a 2-D point (x₁, x₂) the network sees as its inputs, TensorFlow Playground's
 * set: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂. Always in that order, whatever order they were
 * named in; the network has one input unit per feature. {@link #DEFAULT} (x₁, x₂) is the plain
 * point, and for 1-D data (x) the only choice. Immutable.
 */
public final class InputFeatures {

  /** One input feature; {@link #id()} is its name in settings and files. */
  public enum Feature {
    X1("x1", "x₁"),
    X2("x2", "x₂"),
    X1SQ("x1sq", "x₁²"),
    X2SQ("x2sq", "x₂²"),
    X1X2("x1x2", "x₁x₂"),
    SIN1("sin1", "sin x₁"),
    SIN2("sin2", "sin x₂");

    private final String id;
    private final String label;

    Feature(String id, String label) {
      this.id = id;
      this.label = label;
    }

    public String id() {
      return id;
    }

    /** The feature as a formula for pictures, e.g. {@code x₁²}. */
    public String label() {
      return label;
    }

    /** The feature's value at (x₁, x₂). */
    public double apply(double x1, double x2) {
      return switch (this) {
        case X1 -> x1;
        case X2 -> x2;
        case X1SQ -> x1 * x1;
        case X2SQ -> x2 * x2;
        case X1X2 -> x1 * x2;
        case SIN1 -> Math.sin(x1);
        case SIN2 -> Math.sin(x2);
      };
    }

    /** By id (any case) or an alias: {@code x1^2}, {@code x1*x2}, {@code sin(x1)}. */
    static Feature parse(String name) {
      String n = name.strip().toLowerCase(Locale.ROOT).replace(" ", "");
      for (Feature f : values()) {
        if (f.id.equals(n)) {
          return f;
        }
      }
      return switch (n) {
        case "x1^2", "x1²", "x1*x1" -> X1SQ;
        case "x2^2", "x2²", "x2*x2" -> X2SQ;
        case "x1*x2" -> X1X2;
        case "sin(x1)", "sinx1" -> SIN1;
        case "sin(x2)", "sinx2" -> SIN2;
        default -> throw new IllegalArgumentException("unknown input feature '" + name.strip()
            + "'; valid: " + ALL_IDS);
      };
    }
  }

  private static final String ALL_IDS = "x1, x2, x1sq, x2sq, x1x2, sin1, sin2";

  /** x₁, x₂: the point itself. */
  public static final InputFeatures DEFAULT = new InputFeatures(EnumSet.of(Feature.X1,
      Feature.X2));
  /** All seven features. */
  public static final InputFeatures ALL = new InputFeatures(EnumSet.allOf(Feature.class));

  private final List<Feature> features;

  private InputFeatures(Set<Feature> set) {
    this.features = List.copyOf(new ArrayList<>(EnumSet.copyOf(set)));
  }

  /**
   * The features named in {@code text}, separated by commas, e.g. {@code x1,x2,x1sq,x2sq}.
   *
   * @throws IllegalArgumentException for an unknown or repeated name or none, listing the valid
   *     names
   */
  public static InputFeatures parse(String text) {
    EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Feature f = Feature.parse(part);
      if (!set.add(f)) {
        throw new IllegalArgumentException("input feature '" + f.id() + "' is named twice");
      }
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("name at least one input feature; valid: " + ALL_IDS);
    }
    return new InputFeatures(set);
  }

  /** These features. */
  public static InputFeatures of(Feature first, Feature... rest) {
    return new InputFeatures(EnumSet.of(first, rest));
  }

  /** The features in network input order. */
  public List<Feature> list() {
    return features;
  }

  /** Number of features: the network's input size for 2-D data. */
  public int size() {
    return features.size();
  }

  /** Whether these are x₁, x₂ exactly: the network reads the point as it is. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /**
   * The features of {@code n} 2-D points ({@code xy}: x₁, x₂ per point) into {@code out}
   * ({@link #size()} per point, point-major).
   */
  public void apply(double[] xy, int n, double[] out) {
    int m = features.size();
    Feature[] fs = features.toArray(new Feature[0]);
    for (int i = 0; i < n; i++) {
      double x1 = xy[2 * i];
      double x2 = xy[2 * i + 1];
      for (int k = 0; k < m; k++) {
        out[i * m + k] = fs[k].apply(x1, x2);
      }
    }
  }

  /** The ids joined by commas, e.g. {@code x1,x2,x1sq}: the text {@link #parse} reads back. */
  public String spec() {
    return String.join(",", features.stream().map(Feature::id).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputFeatures f && f.features.equals(features);
  }

  @Override
  public int hashCode() {
    return features.hashCode();
  }

  @Override
  public String toString() {
    return spec();
  }
}
