package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.nn.CsvData;
import org.activationlab.nn.DataPoints;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.DatasetSpec;
import org.activationlab.nn.Datasets;
import org.activationlab.nn.Initializer;
import org.activationlab.nn.InputFeatures;
import org.activationlab.nn.NetworkSpec;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.TrainingSession;

/**
 * Every setting of one training run: data, architecture, initialisation, optimiser, seed and the
 * default step count. Immutable and validated on construction (every field is checked by building
 * the {@code nn} specs), so a scenario that exists can always be built into a {@link
 * TrainingSession}.
 *
 * <p>Field names are the {@code --set} keys of the {@code train} command and the field names of a
 * scenario JSON file ({@link #KEYS}). The same seed drives the data, the initial weights and the
 * batch order.
 *
 * @param dataset the data set
 * @param points the user's points when {@code dataset} is {@link DatasetKind#CUSTOM}, else null
 * @param samples samples generated before the split (4..100 000); for custom data the number of
 *     points
 * @param noise standard deviation of the input jitter (≥ 0)
 * @param testFraction share held out for testing, in [0, 0.9]
 * @param features what the network reads of each 2-D point ({@link InputFeatures}); the default
 *     x1,x2 (the only choice for 1-D data)
 * @param hidden widths of the hidden layers (1–16 layers of 1–64 units)
 * @param activation catalog spec of the activation of every hidden layer, e.g. {@code
 *     leaky_relu:negative_slope=0.1}
 * @param activations optional per-layer specs (empty: {@code activation} for all; otherwise one
 *     per hidden layer, overriding {@code activation})
 * @param init weight initialiser
 * @param biasInit bias initialiser
 * @param optimizer update rule
 * @param learningRate step size (&gt; 0)
 * @param momentum μ of momentum/Nesterov, in [0, 1)
 * @param batchSize samples per step (1..training samples)
 * @param l2 coupled L2 weight decay (≥ 0)
 * @param clip global gradient-norm clip (0 = off)
 * @param seed seed of data, weights and batch order
 * @param steps default number of steps of a run (≥ 1)
 */
public record Scenario(
    DatasetKind dataset,
    DataPoints points,
    int samples,
    double noise,
    double testFraction,
    InputFeatures features,
    List<Integer> hidden,
    String activation,
    List<String> activations,
    Initializer init,
    Initializer biasInit,
    OptimizerSpec.Kind optimizer,
    double learningRate,
    double momentum,
    int batchSize,
    double l2,
    double clip,
    long seed,
    int steps) {

  /** The keys of {@link #withSetting} and of a scenario JSON object. */
  public static final List<String> KEYS = List.of("dataset", "points", "samples", "noise",
      "testFraction", "features", "hidden", "activation", "activations", "init", "biasInit", "optimizer", "learningRate",
      "momentum", "batchSize", "l2", "clip", "seed", "steps");

  /** Most steps of one run. */
  public static final int MAX_STEPS = 10_000_000;

  public Scenario {
    if (dataset == null || hidden == null || activation == null || init == null
        || biasInit == null || optimizer == null) {
      throw new IllegalArgumentException("dataset, hidden, activation, init, biasInit and "
          + "optimizer are required");
    }
    features = features == null ? InputFeatures.DEFAULT : features;
    hidden = List.copyOf(hidden);
    activations = activations == null ? List.of() : List.copyOf(activations);
    activation = Catalog.parse(activation).spec();
    List<String> canonical = new ArrayList<>();
    for (String a : activations) {
      canonical.add(Catalog.parse(a).spec());
    }
    activations = List.copyOf(canonical);
    if (!activations.isEmpty() && activations.size() != hidden.size()) {
      throw new IllegalArgumentException("activations: give one per hidden layer ("
          + hidden.size() + "), got " + activations.size());
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be in 1.." + MAX_STEPS + " (got " + steps
          + ")");
    }
    // validate everything else through the nn specs
    DatasetSpec ds = new DatasetSpec(dataset, samples, noise, testFraction, seed, points);
    if (!features.isDefault() && ds.inputSize() != 2) {
      throw new IllegalArgumentException("input features are for 2-D data; " + dataset.id()
          + " has 1 input (features must be x1,x2)");
    }
    new NetworkSpec(networkInputs(ds, features), hidden,
        parseActivations(activation, activations), ds.task(), ds.outputSize(), init, biasInit);
    new OptimizerSpec(optimizer, learningRate, momentum, 0.99, 0.9, 0.999, 1e-8, l2, clip);
    if (batchSize < 1 || batchSize > ds.trainSize()) {
      throw new IllegalArgumentException("batchSize must be in 1.." + ds.trainSize()
          + " (the training samples; got " + batchSize + ")");
    }
  }

  private static int networkInputs(DatasetSpec ds, InputFeatures features) {
    return ds.inputSize() == 2 ? features.size() : ds.inputSize();
  }

  private static List<Activation> parseActivations(String all, List<String> perLayer) {
    if (perLayer.isEmpty()) {
      return List.of(Catalog.parse(all));
    }
    return perLayer.stream().map(Catalog::parse).toList();
  }

  /** The default scenario: 2-[4,2]-1 tanh on the circle, SGD 0.03, batch 10. */
  public static Scenario defaults() {
    return new Scenario(DatasetKind.CIRCLE, null, 500, 0.05, 0.2, InputFeatures.DEFAULT,
        List.of(4, 2), "tanh", List.of(),
        Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.zeros(),
        OptimizerSpec.Kind.SGD, 0.03, 0.9, 10, 0, 0, 1, 1000);
  }

  // ----------------------------------------------------------------------------- builders

  /**
   * One setting as text, in the form {@link Builder#set} reads back: {@code setting(k)} of a
   * scenario, set on any other, gives that setting the same value.
   *
   * @throws IllegalArgumentException naming the valid keys
   */
  public String setting(String key) {
    return switch (key) {
      case "dataset" -> dataset.id();
      case "points" -> points == null ? "" : points.toText();
      case "samples" -> Integer.toString(samples);
      case "noise" -> Double.toString(noise);
      case "testFraction" -> Double.toString(testFraction);
      case "features" -> features.spec();
      case "hidden" -> String.join(",", hidden.stream().map(String::valueOf).toList());
      case "activation" -> activation;
      case "activations" -> String.join(";", activations);
      case "init" -> init.spec();
      case "biasInit" -> biasInit.spec();
      case "optimizer" -> optimizer.id();
      case "learningRate" -> Double.toString(learningRate);
      case "momentum" -> Double.toString(momentum);
      case "batchSize" -> Integer.toString(batchSize);
      case "l2" -> Double.toString(l2);
      case "clip" -> Double.toString(clip);
      case "seed" -> Long.toString(seed);
      case "steps" -> Integer.toString(steps);
      default -> throw new IllegalArgumentException("unknown setting '" + key + "'; valid: "
          + String.join(", ", KEYS));
    };
  }

  public DatasetSpec datasetSpec() {
    return new DatasetSpec(dataset, samples, noise, testFraction, seed, points);
  }

  /** The data, read by the network through {@link #features}. */
  public DataSplit data() {
    return Datasets.generate(datasetSpec()).withFeatures(features);
  }

  /** Values the network reads per sample: the number of features (2-D data) or 1. */
  public int networkInputSize() {
    return networkInputs(datasetSpec(), features);
  }

  /** The activation of each hidden layer. */
  public List<Activation> hiddenActivations() {
    List<Activation> all = parseActivations(activation, activations);
    if (all.size() == 1 && hidden.size() > 1) {
      return java.util.Collections.nCopies(hidden.size(), all.get(0));
    }
    return all;
  }

  /** The activation spec of hidden layer {@code l}. */
  public String activationOf(int l) {
    return activations.isEmpty() ? activation : activations.get(l);
  }

  public NetworkSpec networkSpec() {
    DatasetSpec ds = datasetSpec();
    return new NetworkSpec(networkInputs(ds, features), hidden, hiddenActivations(), ds.task(),
        ds.outputSize(), init, biasInit);
  }

  /** The optimiser with PyTorch's defaults for the values a scenario does not set. */
  public OptimizerSpec optimizerSpec() {
    return new OptimizerSpec(optimizer, learningRate, momentum, 0.99, 0.9, 0.999, 1e-8, l2, clip);
  }

  /** A fresh session: data generated and network initialised from {@link #seed}. */
  public TrainingSession session() {
    return session(data());
  }

  /** A fresh session on already generated data (which must be {@link #data()}). */
  public TrainingSession session(DataSplit data) {
    return new TrainingSession(networkSpec(), data, optimizerSpec(), batchSize, seed);
  }

  /**
   * Whether going from this scenario to {@code next} needs a new network: different data (kind,
   * points, samples, noise, split, seed), input features, layer widths or initialisers.
   * Everything else (activations,
   * optimiser and its settings, batch size, step count) a running network takes live.
   */
  public boolean needsRebuild(Scenario next) {
    return !datasetSpec().equals(next.datasetSpec()) || !features.equals(next.features)
        || !hidden.equals(next.hidden)
        || !init.equals(next.init) || !biasInit.equals(next.biasInit);
  }

  // ------------------------------------------------------------------------------ builder

  /** A builder starting from this scenario's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This scenario with one field changed, as {@code train --set key=value} does: {@code dataset}
   * ({@code circle}, …, {@code custom}, or {@code csv:FILE} to load the points of a CSV file),
   * {@code points} ({@link DataPoints#toText()}'s form), {@code samples}, {@code noise}, {@code
   * testFraction}, {@code features} (e.g. {@code x1,x2,x1sq,x2sq}), {@code hidden}
   * ({@code 16,16,16} or {@code 8x6}), {@code activation} (catalog spec, all layers), {@code
   * activations} (per-layer specs separated by {@code ;}), {@code init}, {@code biasInit}, {@code
   * optimizer}, {@code learningRate}, {@code momentum}, {@code batchSize}, {@code l2}, {@code clip},
   * {@code seed}, {@code steps}.
   *
   * @throws IllegalArgumentException naming the valid keys or values
   */
  public Scenario withSetting(String key, String value) {
    return toBuilder().set(key, value).build();
  }

  /** Applies {@code key=value} settings in order, validating the result once at the end. */
  public Scenario withSettings(Map<String, String> settings) {
    Builder b = toBuilder();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      b.set(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /**
   * Settings to change, applied in order and validated once by {@link #build()} (so fields that
   * depend on each other, like the batch size and the samples, can change together).
   */
  public static final class Builder {
    private DatasetKind dataset;
    private DataPoints points;
    private int samples;
    private double noise;
    private double testFraction;
    private InputFeatures features;
    private List<Integer> hidden;
    private String activation;
    private List<String> activations;
    private Initializer init;
    private Initializer biasInit;
    private OptimizerSpec.Kind optimizer;
    private double learningRate;
    private double momentum;
    private int batchSize;
    private double l2;
    private double clip;
    private long seed;
    private int steps;

    private Builder(Scenario s) {
      dataset = s.dataset;
      points = s.points;
      samples = s.samples;
      noise = s.noise;
      testFraction = s.testFraction;
      features = s.features;
      hidden = s.hidden;
      activation = s.activation;
      activations = s.activations;
      init = s.init;
      biasInit = s.biasInit;
      optimizer = s.optimizer;
      learningRate = s.learningRate;
      momentum = s.momentum;
      batchSize = s.batchSize;
      l2 = s.l2;
      clip = s.clip;
      seed = s.seed;
      steps = s.steps;
    }

    /** The data set; a generated one forgets the custom points. */
    public Builder dataset(DatasetKind value) {
      dataset = value;
      if (value != DatasetKind.CUSTOM) {
        points = null;
      }
      return this;
    }

    /**
     * The user's points: dataset {@code custom} with {@code samples} their count; null forgets
     * them (a {@code custom} scenario then fails to build).
     */
    public Builder points(DataPoints value) {
      points = value;
      if (value != null) {
        dataset = DatasetKind.CUSTOM;
        samples = value.size();
      }
      return this;
    }

    /** What the network reads of each 2-D point. */
    public Builder features(InputFeatures value) {
      features = value;
      return this;
    }

    public Builder samples(int value) {
      samples = value;
      return this;
    }

    public Builder noise(double value) {
      noise = value;
      return this;
    }

    public Builder testFraction(double value) {
      testFraction = value;
      return this;
    }

    public Builder hidden(List<Integer> widths) {
      hidden = widths;
      return this;
    }

    /** Every hidden layer on {@code spec} (forgets per-layer activations). */
    public Builder activation(String spec) {
      activation = spec;
      activations = List.of();
      return this;
    }

    /** One spec per hidden layer (empty: {@link #activation} for all). */
    public Builder activations(List<String> specs) {
      activations = specs;
      return this;
    }

    /** Hidden layer {@code layer} (0-based) on {@code spec}, the others as they are. */
    public Builder activation(int layer, String spec) {
      if (layer < 0 || layer >= hidden.size()) {
        throw new IllegalArgumentException("hidden layer index must be in 0.."
            + (hidden.size() - 1) + " (got " + layer + ")");
      }
      List<String> per = new ArrayList<>();
      for (int l = 0; l < hidden.size(); l++) {
        per.add(l == layer ? spec : activations.isEmpty() ? activation : activations.get(l));
      }
      activations = per;
      return this;
    }

    public Builder init(Initializer value) {
      init = value;
      return this;
    }

    public Builder biasInit(Initializer value) {
      biasInit = value;
      return this;
    }

    public Builder optimizer(OptimizerSpec.Kind value) {
      optimizer = value;
      return this;
    }

    /** Kind, learning rate, momentum, L2 and clip of {@code o}. */
    public Builder optimizer(OptimizerSpec o) {
      optimizer = o.kind();
      learningRate = o.learningRate();
      momentum = o.momentum();
      l2 = o.weightDecay();
      clip = o.clipNorm();
      return this;
    }

    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    public Builder momentum(double value) {
      momentum = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder l2(double value) {
      l2 = value;
      return this;
    }

    public Builder clip(double value) {
      clip = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder steps(int value) {
      steps = value;
      return this;
    }

    /**
     * One field from text, as {@code train --set key=value} and the Lab's fields give it; the
     * keys are {@link #KEYS}.
     *
     * @throws IllegalArgumentException naming the valid keys, or the value's expected form
     */
    public Builder set(String key, String value) {
      String v = value.trim();
      switch (key.trim()) {
        case "dataset" -> {
          if (v.regionMatches(true, 0, "csv:", 0, 4)) {
            points(CsvData.read(java.nio.file.Path.of(v.substring(4).trim())));
          } else {
            dataset(DatasetKind.parse(v));
          }
        }
        case "points" -> points(v.isEmpty() ? null : DataPoints.parse(v));
        case "samples" -> samples(parseInt(key, v));
        case "noise" -> noise(parseDouble(key, v));
        case "testFraction" -> testFraction(parseDouble(key, v));
        case "features" -> features(InputFeatures.parse(v));
        case "hidden" -> hidden(NetworkSpec.parseHidden(v));
        case "activation" -> activation(v);
        case "activations" -> activations(v.isEmpty() ? List.of() : List.of(v.split(";")));
        case "init" -> init(Initializer.parse(v));
        case "biasInit" -> biasInit(Initializer.parse(v));
        case "optimizer" -> optimizer(OptimizerSpec.Kind.parse(v));
        case "learningRate" -> learningRate(parseDouble(key, v));
        case "momentum" -> momentum(parseDouble(key, v));
        case "batchSize" -> batchSize(parseInt(key, v));
        case "l2" -> l2(parseDouble(key, v));
        case "clip" -> clip(parseDouble(key, v));
        case "seed" -> seed(parseLong(key, v));
        case "steps" -> steps(parseInt(key, v));
        default -> throw new IllegalArgumentException("unknown setting '" + key + "'; valid: "
            + String.join(", ", KEYS));
      }
      return this;
    }

    /**
     * The scenario.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public Scenario build() {
      return new Scenario(dataset, points, samples, noise, testFraction, features, hidden,
          activation, activations,
          init, biasInit, optimizer, learningRate, momentum, batchSize, l2, clip, seed, steps);
    }
  }

  private static int parseInt(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number (got '" + v + "')");
    }
  }

  private static long parseLong(String key, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number (got '" + v + "')");
    }
  }

  private static double parseDouble(String key, String v) {
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a finite number (got '" + v + "')");
    }
  }
}
