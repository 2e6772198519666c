package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two scenarios trained side by side: run A and run B on the same data (the same data settings
 * and seed), differing in whatever else the user changed. Both run to A's step count, so B's
 * {@code steps} is A's. Where the network's shape and initialisation match, the same seed gives
 * both the same initial weights, so the pair shows the effect of the change alone.
 *
 * @param a the first run's settings
 * @param b the second run's settings (its {@code steps} is {@code a}'s)
 */
public record Comparison(Scenario a, Scenario b) {

  /**
   * The settings that make the data: A and B must agree on them. Input features are not among
   * them: A and B may read the same points through different features.
   */
  public static final Set<String> DATA_KEYS =
      Set.of("dataset", "points", "samples", "noise", "testFraction", "seed");

  /** Ready pairs from the presets: a problem and the change that fixes it. */
  public static final Map<String, String> PRESET_PAIRS = Map.of(
      "deep-sigmoid", "relu-he",
      "deep-tanh", "xavier-tanh",
      "dead-relu", "leaky-relu");

  /** The ready pairs in the order the menus list them. */
  public static final List<String> PRESET_PAIR_ORDER =
      List.of("deep-sigmoid", "deep-tanh", "dead-relu");

  /** One setting that differs: its key and its text in A and in B. */
  public record Change(String key, String from, String to) {
    @Override
    public String toString() {
      return key + " " + (from.isEmpty() ? "(none)" : from) + " → " + (to.isEmpty() ? "(none)"
          : to);
    }
  }

  /**
   * @throws IllegalArgumentException when A and B would not train on the same data, naming the
   *     settings that differ ({@link #incompatibility})
   */
  public Comparison {
    if (a == null || b == null) {
      throw new IllegalArgumentException("both scenarios are required");
    }
    Optional<String> why = incompatibility(a, b);
    if (why.isPresent()) {
      throw new IllegalArgumentException(why.get());
    }
    if (b.steps() != a.steps()) {
      b = b.toBuilder().steps(a.steps()).build();
    }
  }

  /** A pair whose B starts as a copy of A (the user then changes B). */
  public static Comparison ofCopy(Scenario a) {
    return new Comparison(a, a);
  }

  /**
   * The ready pair of preset {@code first} ({@link #PRESET_PAIRS}).
   *
   * @throws IllegalArgumentException for a preset without a pair, naming those with one
   */
  public static Comparison ofPresetPair(String first) {
    String second = PRESET_PAIRS.get(first);
    if (second == null) {
      throw new IllegalArgumentException("no ready comparison for preset '" + first
          + "'; ready: " + String.join(", ", PRESET_PAIR_ORDER));
    }
    return new Comparison(Presets.get(first).scenario(), Presets.get(second).scenario());
  }

  /**
   * Why A and B cannot be compared, or empty when they can: they must train on the same data,
   * so every data setting ({@link #DATA_KEYS}) must be equal.
   */
  public static Optional<String> incompatibility(Scenario a, Scenario b) {
    List<String> differ = new ArrayList<>();
    for (String key : Scenario.KEYS) {
      if (key.equals("points")) {
        if (!java.util.Objects.equals(a.points(), b.points())) {
          differ.add("points " + describePoints(a) + " vs " + describePoints(b));
        }
      } else if (DATA_KEYS.contains(key) && !a.setting(key).equals(b.setting(key))) {
        differ.add(key + " " + a.setting(key) + " vs " + b.setting(key));
      }
    }
    if (differ.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("A and B must train on the same data, but their data settings differ: "
        + String.join(", ", differ));
  }

  private static String describePoints(Scenario s) {
    return s.points() == null ? "(none)" : "(" + s.points() + ")";
  }

  /** The settings in which B differs from A, in {@link Scenario#KEYS} order ({@code steps} never). */
  public List<Change> changes() {
    return between(a, b);
  }

  /** The settings in which {@code b} differs from {@code a}, in {@link Scenario#KEYS} order. */
  public static List<Change> between(Scenario a, Scenario b) {
    List<Change> out = new ArrayList<>();
    for (String key : Scenario.KEYS) {
      if (key.equals("points") && java.util.Objects.equals(a.points(), b.points())) {
        continue; // equal: spare the text of up to thousands of points
      }
      String from = a.setting(key);
      String to = b.setting(key);
      if (!from.equals(to)) {
        out.add(new Change(key, from, to));
      }
    }
    return out;
  }

  /**
   * What differs, for a header: "activation sigmoid → relu, init glorot_uniform → he_normal";
   * "no difference yet" when B is a copy of A.
   */
  public String describe() {
    List<Change> c = changes();
    if (c.isEmpty()) {
      return "no difference yet";
    }
    return String.join(", ", c.stream().map(Change::toString).toList());
  }

  /** The same pair with B's settings replaced (A's data kept; steps aligned). */
  public Comparison withB(Scenario next) {
    return new Comparison(a, next);
  }

  /** The same pair with A's settings replaced; B follows A's data settings and step count. */
  public Comparison withA(Scenario next) {
    Scenario.Builder follow = b.toBuilder();
    for (String key : Scenario.KEYS) {
      if (key.equals("points")) {
        follow.points(next.points());
      } else if (DATA_KEYS.contains(key) || key.equals("steps")) {
        follow.set(key, next.setting(key));
      }
    }
    return new Comparison(next, follow.build());
  }

  /**
   * Whether the two networks have the same input features, layer sizes and initialisers (same
   * initial weights).
   */
  public boolean sameInitialWeights() {
    return a.hidden().equals(b.hidden()) && a.features().equals(b.features())
        && a.init().equals(b.init())
        && a.biasInit().equals(b.biasInit());
  }
}
