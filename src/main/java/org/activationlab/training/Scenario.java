package org.activationlab.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.DatasetSpec;
import org.activationlab.nn.Datasets;
import org.activationlab.nn.Initializer;
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
 * @param samples samples generated before the split (4..100 000)
 * @param noise standard deviation of the input jitter (≥ 0)
 * @param testFraction share held out for testing, in [0, 0.9]
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
    int samples,
    double noise,
    double testFraction,
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
  public static final List<String> KEYS = List.of("dataset", "samples", "noise", "testFraction",
      "hidden", "activation", "activations", "init", "biasInit", "optimizer", "learningRate",
      "momentum", "batchSize", "l2", "clip", "seed", "steps");

  /** Largest scenario file read. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  /** Most steps of one run. */
  public static final int MAX_STEPS = 10_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  public Scenario {
    if (dataset == null || hidden == null || activation == null || init == null
        || biasInit == null || optimizer == null) {
      throw new IllegalArgumentException("dataset, hidden, activation, init, biasInit and "
          + "optimizer are required");
    }
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
    DatasetSpec ds = new DatasetSpec(dataset, samples, noise, testFraction, seed);
    new NetworkSpec(dataset.inputSize(), hidden, parseActivations(activation, activations),
        dataset.task(), dataset.outputSize(), init, biasInit);
    new OptimizerSpec(optimizer, learningRate, momentum, 0.99, 0.9, 0.999, 1e-8, l2, clip);
    if (batchSize < 1 || batchSize > ds.trainSize()) {
      throw new IllegalArgumentException("batchSize must be in 1.." + ds.trainSize()
          + " (the training samples; got " + batchSize + ")");
    }
  }

  private static List<Activation> parseActivations(String all, List<String> perLayer) {
    if (perLayer.isEmpty()) {
      return List.of(Catalog.parse(all));
    }
    return perLayer.stream().map(Catalog::parse).toList();
  }

  /** The default scenario: 2-[4,2]-1 tanh on the circle, SGD 0.03, batch 10. */
  public static Scenario defaults() {
    return new Scenario(DatasetKind.CIRCLE, 500, 0.05, 0.2, List.of(4, 2), "tanh", List.of(),
        Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.zeros(),
        OptimizerSpec.Kind.SGD, 0.03, 0.9, 10, 0, 0, 1, 1000);
  }

  // ----------------------------------------------------------------------------- builders

  public DatasetSpec datasetSpec() {
    return new DatasetSpec(dataset, samples, noise, testFraction, seed);
  }

  public DataSplit data() {
    return Datasets.generate(datasetSpec());
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
    return new NetworkSpec(dataset.inputSize(), hidden, hiddenActivations(), dataset.task(),
        dataset.outputSize(), init, biasInit);
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
   * samples, noise, split, seed), layer widths or initialisers. Everything else (activations,
   * optimiser and its settings, batch size, step count) a running network takes live.
   */
  public boolean needsRebuild(Scenario next) {
    return !datasetSpec().equals(next.datasetSpec()) || !hidden.equals(next.hidden)
        || !init.equals(next.init) || !biasInit.equals(next.biasInit);
  }

  // ------------------------------------------------------------------------------ withers

  public Scenario withLearningRate(double lr) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, activations,
        init, biasInit, optimizer, lr, momentum, batchSize, l2, clip, seed, steps);
  }

  public Scenario withBatchSize(int b) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, activations,
        init, biasInit, optimizer, learningRate, momentum, b, l2, clip, seed, steps);
  }

  public Scenario withSeed(long s) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, activations,
        init, biasInit, optimizer, learningRate, momentum, batchSize, l2, clip, s, steps);
  }

  public Scenario withSteps(int n) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, activations,
        init, biasInit, optimizer, learningRate, momentum, batchSize, l2, clip, seed, n);
  }

  /** All hidden layers on {@code spec}. */
  public Scenario withActivation(String spec) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, spec, List.of(), init,
        biasInit, optimizer, learningRate, momentum, batchSize, l2, clip, seed, steps);
  }

  /** Hidden layer {@code layer} on {@code spec}, the others unchanged. */
  public Scenario withActivation(int layer, String spec) {
    if (layer < 0 || layer >= hidden.size()) {
      throw new IllegalArgumentException("hidden layer index must be in 0.." + (hidden.size() - 1)
          + " (got " + layer + ")");
    }
    List<String> per = new ArrayList<>();
    for (int l = 0; l < hidden.size(); l++) {
      per.add(l == layer ? spec : activationOf(l));
    }
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, per, init,
        biasInit, optimizer, learningRate, momentum, batchSize, l2, clip, seed, steps);
  }

  /** Optimiser kind, learning rate, momentum, L2 and clip from {@code o}. */
  public Scenario withOptimizer(OptimizerSpec o) {
    return new Scenario(dataset, samples, noise, testFraction, hidden, activation, activations,
        init, biasInit, o.kind(), o.learningRate(), o.momentum(), batchSize, o.weightDecay(),
        o.clipNorm(), seed, steps);
  }

  /**
   * This scenario with one field changed, as {@code train --set key=value} does: {@code dataset}
   * ({@code circle}, …), {@code samples}, {@code noise}, {@code testFraction}, {@code hidden}
   * ({@code 16,16,16} or {@code 8x6}), {@code activation} (catalog spec, all layers), {@code
   * activations} (per-layer specs separated by {@code ;}), {@code init}, {@code biasInit}, {@code
   * optimizer}, {@code learningRate}, {@code momentum}, {@code batchSize}, {@code l2}, {@code clip},
   * {@code seed}, {@code steps}.
   *
   * @throws IllegalArgumentException naming the valid keys or values
   */
  public Scenario withSetting(String key, String value) {
    return new Builder(this).set(key, value).build();
  }

  /** Applies {@code key=value} settings in order, validating the result once at the end. */
  public Scenario withSettings(Map<String, String> settings) {
    Builder b = new Builder(this);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      b.set(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** Mutable collector of settings; validation happens in {@link #build()}. */
  private static final class Builder {
    DatasetKind ds;
    int n;
    double nz;
    double tf;
    List<Integer> h;
    String act;
    List<String> acts;
    Initializer wi;
    Initializer bi;
    OptimizerSpec.Kind opt;
    double lr;
    double mu;
    int bs;
    double decay;
    double cl;
    long sd;
    int st;

    Builder(Scenario s) {
      ds = s.dataset;
      n = s.samples;
      nz = s.noise;
      tf = s.testFraction;
      h = s.hidden;
      act = s.activation;
      acts = s.activations;
      wi = s.init;
      bi = s.biasInit;
      opt = s.optimizer;
      lr = s.learningRate;
      mu = s.momentum;
      bs = s.batchSize;
      decay = s.l2;
      cl = s.clip;
      sd = s.seed;
      st = s.steps;
    }

    Builder set(String key, String value) {
      String v = value.trim();
      switch (key.trim()) {
        case "dataset" -> ds = DatasetKind.parse(v);
        case "samples" -> n = parseInt(key, v);
        case "noise" -> nz = parseDouble(key, v);
        case "testFraction" -> tf = parseDouble(key, v);
        case "hidden" -> h = NetworkSpec.parseHidden(v);
        case "activation" -> {
          act = v;
          acts = List.of();
        }
        case "activations" -> acts = v.isEmpty() ? List.of() : List.of(v.split(";"));
        case "init" -> wi = Initializer.parse(v);
        case "biasInit" -> bi = Initializer.parse(v);
        case "optimizer" -> opt = OptimizerSpec.Kind.parse(v);
        case "learningRate" -> lr = parseDouble(key, v);
        case "momentum" -> mu = parseDouble(key, v);
        case "batchSize" -> bs = parseInt(key, v);
        case "l2" -> decay = parseDouble(key, v);
        case "clip" -> cl = parseDouble(key, v);
        case "seed" -> sd = parseLong(key, v);
        case "steps" -> st = parseInt(key, v);
        default -> throw new IllegalArgumentException("unknown setting '" + key + "'; valid: "
            + String.join(", ", KEYS));
      }
      return this;
    }

    Scenario build() {
      return new Scenario(ds, n, nz, tf, h, act, acts, wi, bi, opt, lr, mu, bs, decay, cl, sd, st);
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

  // --------------------------------------------------------------------------------- JSON

  /** The scenario as a JSON object with the {@link #KEYS} as field names. */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("dataset", dataset.id());
    o.put("samples", samples);
    o.put("noise", noise);
    o.put("testFraction", testFraction);
    ArrayNode h = o.putArray("hidden");
    hidden.forEach(h::add);
    o.put("activation", activation);
    if (!activations.isEmpty()) {
      ArrayNode a = o.putArray("activations");
      activations.forEach(a::add);
    }
    o.put("init", init.spec());
    o.put("biasInit", biasInit.spec());
    o.put("optimizer", optimizer.id());
    o.put("learningRate", learningRate);
    o.put("momentum", momentum);
    o.put("batchSize", batchSize);
    o.put("l2", l2);
    o.put("clip", clip);
    o.put("seed", seed);
    o.put("steps", steps);
    return o;
  }

  /**
   * Reads a plain JSON object of scenario fields over {@code base}: missing fields keep {@code
   * base}'s values; {@code hidden} and {@code activations} may be arrays or strings.
   *
   * @throws IllegalArgumentException for unknown fields (named) or invalid values
   */
  public static Scenario fromJson(JsonNode node, Scenario base) {
    return fromJson(node, base, null);
  }

  /**
   * As {@link #fromJson(JsonNode, Scenario)}, but lenient about unknown fields when {@code
   * unknownFields} is given: their names are added to it and they are otherwise ignored (a
   * scenario file written by a newer version still opens, and the caller can say what was left
   * out). Invalid values of known fields are refused all the same.
   *
   * @param unknownFields receives the names of unknown fields; null: unknown fields are refused
   * @throws IllegalArgumentException for invalid values (and unknown fields when strict)
   */
  public static Scenario fromJson(JsonNode node, Scenario base, List<String> unknownFields) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a scenario is a JSON object of fields: "
          + String.join(", ", KEYS));
    }
    Builder b = new Builder(base);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (!KEYS.contains(key) && unknownFields != null) {
        unknownFields.add(key);
        continue;
      }
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown scenario field '" + key + "'; valid: "
            + String.join(", ", KEYS));
      }
      String text;
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        text = String.join(key.equals("activations") ? ";" : ",", parts);
      } else if (v.isValueNode() && !v.isNull()) {
        text = v.asText();
      } else {
        throw new IllegalArgumentException("scenario field '" + key + "' must be a value");
      }
      b.set(key, text);
    }
    return b.build();
  }

  /**
   * Reads a scenario file (a JSON object of fields, at most {@value #MAX_FILE_BYTES} bytes) over
   * {@link #defaults()}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is too large, not JSON or has invalid fields
   */
  public static Scenario read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + " is " + size + " bytes; scenario files are at most "
          + MAX_FILE_BYTES + " bytes");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: "
          + e.getOriginalMessage());
    }
    return fromJson(node, defaults());
  }

  /** Pretty JSON text of {@link #toJson()}. */
  public String toJsonText() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One-line description, e.g. {@code circle 2-[4,2]-1 tanh, sgd 0.03}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s %d-%s-%d %s, %s lr=%s, batch %d", dataset.id(),
        dataset.inputSize(), hidden, dataset.outputSize(),
        activations.isEmpty() ? activation : String.join("/", activations), optimizer.id(),
        learningRate, batchSize);
  }
}
