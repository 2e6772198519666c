package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.activationlab.cli.EvalCommandTest.Result;
import org.activationlab.export.SampleTraceWriter;
import org.activationlab.nn.Dataset;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.TrainingSession;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} run in-process: its numbers parse and agree with the engine (δ of every layer is
 * the engine's ∂L/∂b for a batch holding only that sample, ∂ℓ/∂w its ∂L/∂W), with each other, and
 * across the three formats; bad input exits 2 with one line and writes nothing.
 */
class ExplainCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  private static JsonNode json(String... args) throws Exception {
    Result r = run(args);
    assertThat(r.status()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /**
   * The engine's own gradient for the batch {sample}: the scenario's session (not a Run) trained
   * {@code steps} steps, then {@link Mlp#gradient} over a workspace of one sample.
   */
  private record Engine(Mlp net, Mlp.Workspace ws, double loss) {
    static Engine of(Scenario scenario, int steps, boolean test, int sample) {
      TrainingSession session = scenario.session();
      for (int k = 0; k < steps; k++) {
        session.step();
      }
      Mlp net = session.network();
      Dataset data = test ? session.data().test() : session.data().train();
      double[] x = new double[data.inputSize()];
      double[] y = new double[data.targetWidth()];
      data.copySample(sample, x, 0, y, 0);
      Mlp.Workspace ws = net.newWorkspace(1);
      net.loadInputs(ws, x, 0, 1);
      double loss = net.gradient(ws, y, 1, null);
      return new Engine(net, ws, loss);
    }

    double biasGradient(int l, int j) {
      return ws.gradients[net.biasOffset(l) + j];
    }

    double weightGradient(int l, int j, int i) {
      return ws.gradients[net.weightOffset(l) + j * net.fanIn(l) + i];
    }
  }

  private static void relative(String what, double shown, double engine) {
    assertThat(Math.abs(shown - engine)).as("%s: shown %s, engine %s", what, shown, engine)
        .isLessThanOrEqualTo(1e-12 * Math.abs(engine));
  }

  private static double[] doubles(JsonNode array) {
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asDouble();
    }
    return v;
  }

  /** Every δ, ∂ℓ/∂b and ∂ℓ/∂w of the JSON against the engine's gradient of a batch of one. */
  private static void agreesWithTheEngine(JsonNode root, Engine e) {
    relative("loss", root.get("loss").asDouble(), e.loss());
    JsonNode layers = root.get("layers");
    assertThat(layers.size()).isEqualTo(e.net().layerCount());
    for (int l = 0; l < layers.size(); l++) {
      JsonNode units = layers.get(l).get("units");
      assertThat(units.size()).isEqualTo(e.net().width(l));
      for (int j = 0; j < units.size(); j++) {
        JsonNode u = units.get(j);
        String at = "layer " + (l + 1) + " unit " + (j + 1);
        relative("delta " + at, u.get("delta").asDouble(), e.biasGradient(l, j));
        relative("gradBias " + at, u.get("gradBias").asDouble(), e.biasGradient(l, j));
        double[] w = doubles(u.get("weights"));
        double[] g = doubles(u.get("gradWeights"));
        for (int i = 0; i < w.length; i++) {
          assertThat(w[i]).isEqualTo(e.net().weight(l, j, i));
          relative("gradWeights " + at + " input " + (i + 1), g[i], e.weightGradient(l, j, i));
        }
      }
    }
  }

  // --------------------------------------------------------------------------------- JSON

  @Test
  void jsonDeltasAreTheEnginesBiasGradientsForABatchOfOne() throws Exception {
    JsonNode root = json("explain", "--preset", "deep-sigmoid", "--step", "20", "--sample", "5",
        "--format", "json");
    assertThat(root.get("format").asText()).isEqualTo(SampleTraceWriter.FORMAT);
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("step").asInt()).isEqualTo(20);
    assertThat(root.get("split").asText()).isEqualTo("train");
    assertThat(root.get("sample").asInt()).isEqualTo(5);
    assertThat(root.get("splitSize").asInt()).isEqualTo(400);
    assertThat(root.get("task").asText()).isEqualTo("binary");
    assertThat(root.get("scenario").get("activation").asText()).isEqualTo("sigmoid");
    JsonNode layers = root.get("layers");
    assertThat(layers.size()).isEqualTo(9);
    assertThat(layers.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(layers.get(0).get("kind").asText()).isEqualTo("hidden");
    assertThat(layers.get(8).get("kind").asText()).isEqualTo("output");
    assertThat(layers.get(8).get("activation").asText()).isEqualTo("sigmoid");
    Engine e = Engine.of(Presets.get("deep-sigmoid").scenario(), 20, false, 5);
    // the two the brief names: the output layer's δ and layer 1's, each ∂L/∂b of the batch {x}
    relative("output delta", layers.get(8).get("units").get(0).get("delta").asDouble(),
        e.biasGradient(8, 0));
    relative("layer 1 delta", layers.get(0).get("units").get(3).get("delta").asDouble(),
        e.biasGradient(0, 3));
    agreesWithTheEngine(root, e);
    // vanishing gradients, visible in the numbers: layer 1's δ far below the output's
    assertThat(Math.abs(layers.get(0).get("units").get(3).get("delta").asDouble()))
        .isLessThan(1e-3 * Math.abs(e.biasGradient(8, 0)));
  }

  @Test
  void multiClassAndRegressionAgreeWithTheEngineToo() throws Exception {
    Scenario spiral = Presets.get("playground").scenario().withSettings(
        Map.of("dataset", "spiral3", "hidden", "5,4", "activation", "gelu"));
    JsonNode root = json("explain", "--preset", "playground", "--set", "dataset=spiral3",
        "--set", "hidden=5,4", "--set", "activation=gelu", "--step", "7", "--split", "test",
        "--sample", "12", "--format", "json");
    assertThat(root.get("task").asText()).isEqualTo("multiclass");
    assertThat(root.get("layers").get(2).get("activation").asText()).isEqualTo("softmax");
    agreesWithTheEngine(root, Engine.of(spiral, 7, true, 12));

    Scenario sine = Presets.get("playground").scenario().withSettings(
        Map.of("dataset", "sine", "activations", "relu;softplus", "optimizer", "adam",
            "learningRate", "0.01"));
    root = json("explain", "--preset", "playground", "--set", "dataset=sine", "--set",
        "activations=relu;softplus", "--set", "optimizer=adam", "--set", "learningRate=0.01",
        "--step", "15", "--sample", "0", "--format", "json");
    assertThat(root.get("task").asText()).isEqualTo("regression");
    assertThat(root.get("layers").get(1).get("activation").asText()).isEqualTo("softplus");
    assertThat(root.get("learningRate").asDouble()).isEqualTo(0.01);
    agreesWithTheEngine(root, Engine.of(sine, 15, false, 0));
  }

  /** δ_l = f′(z_l) ⊙ W_{l+1}ᵀ δ_{l+1}, ∂ℓ/∂w = δ·a_prev and Δ = −lr·∂ℓ/∂w from the JSON alone. */
  @Test
  void jsonNumbersAreConsistentWithEachOther() throws Exception {
    JsonNode root = json("explain", "--preset", "dead-relu", "--step", "40", "--sample", "33",
        "--format", "json");
    double lr = root.get("learningRate").asDouble();
    JsonNode layers = root.get("layers");
    int last = layers.size() - 1;
    for (int l = 0; l <= last; l++) {
      JsonNode layer = layers.get(l);
      double[] in = doubles(layer.get("inputs"));
      if (l == 0) {
        assertThat(in).containsExactly(doubles(root.get("input")));
      }
      JsonNode units = layer.get("units");
      for (int j = 0; j < units.size(); j++) {
        JsonNode u = units.get(j);
        String at = "layer " + (l + 1) + " unit " + (j + 1);
        double[] w = doubles(u.get("weights"));
        double z = u.get("bias").asDouble();
        for (int i = 0; i < w.length; i++) {
          z += w[i] * in[i];
          relative("gradWeights " + at, u.get("gradWeights").get(i).asDouble(),
              u.get("delta").asDouble() * in[i]);
          relative("updateWeights " + at, u.get("updateWeights").get(i).asDouble(),
              -lr * u.get("delta").asDouble() * in[i]);
        }
        relative("z " + at, u.get("z").asDouble(), z);
        relative("updateBias " + at, u.get("updateBias").asDouble(),
            -lr * u.get("delta").asDouble());
        if (l < last) {
          // the inputs of the layer above are this layer's outputs
          assertThat(layers.get(l + 1).get("inputs").get(j).asDouble())
              .isEqualTo(u.get("a").asDouble());
          double sum = 0;
          for (JsonNode k : layers.get(l + 1).get("units")) {
            sum += k.get("weights").get(j).asDouble() * k.get("delta").asDouble();
          }
          relative("backSum " + at, u.get("backSum").asDouble(), sum);
          relative("delta " + at, u.get("delta").asDouble(), u.get("fprime").asDouble() * sum);
          assertThat(u.get("target").isNull()).isTrue();
        } else {
          assertThat(u.get("fprime").isNull()).isTrue();
          assertThat(u.get("backSum").isNull()).isTrue();
          relative("output delta", u.get("delta").asDouble(),
              u.get("a").asDouble() - u.get("target").asDouble());
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- CSV

  @Test
  void csvHasOneRowPerLayerAndUnitWithTheJsonsNumbers() throws Exception {
    String[] args = {"explain", "--preset", "dead-relu", "--step", "3", "--sample", "9"};
    Result csv = run(concat(args, "--format", "csv"));
    assertThat(csv.status()).as(csv.err()).isZero();
    JsonNode root = json(concat(args, "--format", "json"));
    List<String> lines = csv.lines();
    assertThat(lines.get(0)).isEqualTo(SampleTraceWriter.CSV_HEADER);
    List<String> columns = List.of(SampleTraceWriter.CSV_HEADER.split(","));
    assertThat(columns).hasSize(21);
    assertThat(lines).hasSize(1 + 16 + 16 + 16 + 1);
    int row = 1;
    for (JsonNode layer : root.get("layers")) {
      for (JsonNode u : layer.get("units")) {
        String[] f = lines.get(row++).split(",", -1);
        assertThat(f).hasSize(21);
        assertThat(f[columns.indexOf("step")]).isEqualTo("3");
        assertThat(f[columns.indexOf("split")]).isEqualTo("train");
        assertThat(f[columns.indexOf("sample")]).isEqualTo("9");
        assertThat(Integer.parseInt(f[columns.indexOf("layer")]))
            .isEqualTo(layer.get("index").asInt());
        assertThat(Integer.parseInt(f[columns.indexOf("unit")])).isEqualTo(u.get("unit").asInt());
        assertThat(f[columns.indexOf("activation")]).isEqualTo(layer.get("activation").asText());
        for (String c : List.of("bias", "z", "a", "delta", "gradBias", "updateBias")) {
          assertThat(Double.parseDouble(f[columns.indexOf(c)])).as(c)
              .isEqualTo(u.get(c).asDouble());
        }
        for (String c : List.of("fprime", "backSum", "target")) {
          String v = f[columns.indexOf(c)];
          assertThat(v.isEmpty()).as(c).isEqualTo(u.get(c).isNull());
          if (!v.isEmpty()) {
            assertThat(Double.parseDouble(v)).as(c).isEqualTo(u.get(c).asDouble());
          }
        }
        for (String c : List.of("weights", "gradWeights", "updateWeights")) {
          String[] parts = f[columns.indexOf(c)].split(";");
          assertThat(parts).hasSize(u.get(c).size());
          for (int i = 0; i < parts.length; i++) {
            assertThat(Double.parseDouble(parts[i])).isEqualTo(u.get(c).get(i).asDouble());
          }
        }
        assertThat(f[columns.indexOf("inputs")].split(";")).hasSize(layer.get("fanIn").asInt());
      }
    }
  }

  // ----------------------------------------------------------------------------- Markdown

  private static final Pattern NUMBER = Pattern.compile("\\(?(−?[0-9.]+(?:e−?[0-9]+)?)\\)?");

  private static double parse(String shown) {
    Matcher m = NUMBER.matcher(shown.trim());
    assertThat(m.matches()).as("a number: '%s'", shown).isTrue();
    return Double.parseDouble(m.group(1).replace('−', '-'));
  }

  /** Σ of "w·a + w·a + … + b" as printed. */
  private static double sum(String terms, List<Double> magnitudes) {
    double sum = 0;
    for (String term : terms.split(" \\+ ")) {
      double v = 1;
      for (String factor : term.split("·")) {
        v *= parse(factor);
      }
      magnitudes.add(Math.abs(v));
      sum += v;
    }
    return sum;
  }

  /** Rounded to 4 digits, each printed number is within 5e-4 of its own size. */
  private static void byHand(String line, double computed, double shown, List<Double> terms) {
    double size = Math.abs(shown);
    for (double t : terms) {
      size += t;
    }
    assertThat(Math.abs(computed - shown)).as(line).isLessThanOrEqualTo(1.5e-3 * size + 1e-12);
  }

  /**
   * The formulas with the numbers substituted can be checked by hand: summing the printed
   * products gives the printed result (up to the rounding of the printed numbers), and the tables
   * hold the JSON's values rounded to 6 digits.
   */
  @Test
  void markdownFormulasCheckOutByHand() throws Exception {
    Result r = run("explain", "--preset", "playground", "--step", "100", "--sample", "7");
    assertThat(r.status()).as(r.err()).isZero();
    String md = r.out();
    JsonNode root = json("explain", "--preset", "playground", "--step", "100", "--sample", "7",
        "--format", "json");
    assertThat(md).startsWith("# One sample through the network, forward and backward\n")
        .contains("- scenario: --preset playground (`dataset=circle ")
        .contains("- step: 100 (the weights after 100 training steps)")
        .contains("- sample: training sample 7 (0-based, of 400)")
        .contains("- loss of this sample: ℓ = ")
        .contains("## Forward pass").contains("## Backward pass")
        .contains("## Gradients and the update");
    Pattern z = Pattern.compile("- unit (\\d+): z = ([^=\n]*) = ([^;=\n]*)");
    Pattern delta = Pattern.compile("- unit (\\d+): δ = ([^ ]+) · \\((.*)\\) = \\2 · ([^ ]+) = (.+)$",
        Pattern.MULTILINE);
    Matcher m = z.matcher(md);
    int zs = 0;
    while (m.find()) {
      List<Double> terms = new ArrayList<>();
      byHand(m.group(), sum(m.group(2), terms), parse(m.group(3)), terms);
      zs++;
    }
    assertThat(zs).isEqualTo(4 + 2 + 1);
    m = delta.matcher(md);
    int deltas = 0;
    while (m.find()) {
      List<Double> terms = new ArrayList<>();
      double s = parse(m.group(4));
      byHand(m.group(), sum(m.group(3), terms), s, terms);
      byHand(m.group(), parse(m.group(2)) * s, parse(m.group(5)), List.of());
      deltas++;
    }
    assertThat(deltas).isEqualTo(4 + 2);
    // the first hidden layer's table row 2 is the JSON's unit 2, to 6 digits
    JsonNode u = root.get("layers").get(0).get("units").get(1);
    Matcher row = Pattern.compile("^\\| 2 \\| ([^ ]+) \\| ([^ ]+) \\| ([^ ]+) \\|$",
        Pattern.MULTILINE).matcher(md);
    assertThat(row.find()).isTrue();
    for (int c = 1; c <= 3; c++) {
      double json = u.get(List.of("z", "a", "fprime").get(c - 1)).asDouble();
      assertThat(Math.abs(parse(row.group(c)) - json)).isLessThanOrEqualTo(5e-6 * Math.abs(json));
    }
  }

  @Test
  void bigLayersGetTablesWithoutFormulas() throws Exception {
    Result r = run("explain", "--preset", "dead-relu", "--sample", "0");
    assertThat(r.status()).as(r.err()).isZero();
    String md = r.out();
    String layer1 = section(md, "### Layer 1: 16 units");
    assertThat(layer1).contains("| 16 |").doesNotContain("- unit").contains("Formulas with the "
        + "numbers are written out for layers of at most 8 units");
    // the output unit reads 16 values: its formula is still short enough to read
    String output = section(md, "### Layer 4 (output): 1 unit");
    assertThat(output).contains("- unit 1: z = ").contains("ŷ = σ(z)");
  }

  @Test
  void otherTasksWriteTheirOwnOutputFormulas() {
    Result spiral = run("explain", "--preset", "playground", "--set", "dataset=spiral3",
        "--sample", "2");
    assertThat(spiral.status()).as(spiral.err()).isZero();
    assertThat(spiral.out()).contains("ŷ = softmax(z)").contains("ℓ = −ln ŷ_")
        .contains("t is 1 for the target class");
    Result sine = run("explain", "--preset", "playground", "--set", "dataset=sine",
        "--set", "optimizer=adam", "--sample", "2");
    assertThat(sine.status()).as(sine.err()).isZero();
    assertThat(sine.out()).contains("ŷ = z").contains("ℓ = (ŷ − y)² = ").contains("δ = 2·(")
        .contains("the run itself trains with adam on batches of 10");
  }

  /** Chinese words, the same numbers and formulas; every English key has a Chinese text. */
  @Test
  void chineseMarkdownHasTheSameNumbers() throws Exception {
    String[] args = {"explain", "--preset", "playground", "--step", "10", "--sample", "7"};
    Result en = run(args);
    Result zh = run(concat(args, "--lang", "zh"));
    assertThat(zh.status()).as(zh.err()).isZero();
    assertThat(zh.out()).startsWith("# 一个样本通过网络").contains("## 前向传播")
        .contains("## 反向传播").contains("- 单元 1：z = ").contains("读取输入 x（2 个值）")
        .doesNotContain("Forward pass").doesNotContain("unit").doesNotContain("{");
    Pattern numbers = Pattern.compile("−?[0-9]+(\\.[0-9]+)?(e−?[0-9]+)?");
    assertThat(numbers.matcher(zh.out()).results().map(MatchResult::group).toList())
        .isEqualTo(numbers.matcher(en.out()).results().map(MatchResult::group).toList());
    assertThat(run(concat(args, "--lang", "zh", "--format", "json")).out())
        .isEqualTo(run(concat(args, "--format", "json")).out());
    assertThat(keys("sample-trace_zh.properties")).isEqualTo(keys("sample-trace.properties"));
  }

  private static java.util.Set<String> keys(String name) throws java.io.IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = ExplainCommandTest.class.getResourceAsStream("/org/activationlab/export/"
        + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p.stringPropertyNames();
  }

  private static String section(String md, String heading) {
    int from = md.indexOf(heading);
    assertThat(from).as(heading).isNotNegative();
    int to = md.indexOf("\n#", from + 1);
    return md.substring(from, to < 0 ? md.length() : to);
  }

  // ------------------------------------------------------------------------------- output

  @Test
  void outWritesTheWholeDocumentAndTheFormatFollowsItsEnding() throws Exception {
    String[] args = {"explain", "--preset", "xavier-tanh", "--step", "2", "--sample", "1"};
    Path md = dir.resolve("one.md");
    Result r = run(concat(args, "--out", md.toString()));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("wrote " + md + System.lineSeparator());
    assertThat(Files.readString(md)).isEqualTo(run(args).out());
    Path json = dir.resolve("one.json");
    assertThat(run(concat(args, "--out", json.toString())).status()).isZero();
    assertThat(JSON.readTree(json.toFile()).get("format").asText())
        .isEqualTo(SampleTraceWriter.FORMAT);
    Path csv = dir.resolve("one.txt");
    assertThat(run(concat(args, "--out", csv.toString(), "--format", "csv")).status()).isZero();
    assertThat(Files.readAllLines(csv).get(0)).isEqualTo(SampleTraceWriter.CSV_HEADER);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("one.md", "one.json", "one.txt");
    }
  }

  @Test
  void badInputGivesOneLineStatusTwoAndNoFile() throws Exception {
    String out = dir.resolve("x.md").toString();
    String[][] cases = {
        {"explain", "--preset", "playground", "--sample", "400", "--out", out},
        {"explain", "--preset", "playground", "--sample", "-1", "--out", out},
        {"explain", "--preset", "playground", "--split", "test", "--sample", "100", "--out", out},
        {"explain", "--preset", "playground", "--step", "-1", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--step", "10000001", "--sample", "0", "--out", out},
        {"explain", "--preset", "deep-relu", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--set", "colour=red", "--sample", "0", "--out",
            out},
        {"explain", "--preset", "playground", "--set", "testFraction=0", "--split", "test",
            "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--split", "valid", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--format", "pdf", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--lang", "fr", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--sample", "zero", "--out", out},
        {"explain", "--preset", "playground", "--out", out},
        {"explain", "--sample", "0", "--out", out},
        {"explain", "--preset", "playground", "--sample", "0", "--out",
            dir.resolve("no/such/x.md").toString()}};
    for (String[] args : cases) {
      Result r = run(args);
      String what = String.join(" ", args);
      assertThat(r.status()).as(what + " → " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(what + ": " + r.err()).isEqualTo(1);
      assertThat(r.out()).as(what).isEmpty();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).as("nothing written: " + what).isEmpty();
      }
    }
    assertThat(run(cases[0]).err())
        .isEqualTo("error: --sample 400 is outside the training set: valid 0..399"
            + System.lineSeparator());
    assertThat(run(cases[2]).err()).contains("outside the test set: valid 0..99");
    assertThat(run(cases[3]).err()).contains("--step must be in 0..10000000 (got -1)");
    assertThat(run(cases[5]).err()).contains("unknown preset 'deep-relu'")
        .contains("deep-sigmoid");
    assertThat(run(cases[7]).err()).contains("the test set is empty");
  }

  @Test
  void aRunThatDivergesBeforeTheStepWritesNothingAndExitsThree() throws Exception {
    Path out = dir.resolve("ex.json");
    Result r = run("explain", "--preset", "exploding", "--step", "10", "--sample", "0", "--out",
        out.toString());
    assertThat(r.status()).isEqualTo(TrainCommand.DIVERGED);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("training diverged at step 2 (").contains("--step 1 or less");
    assertThat(out).doesNotExist();
    assertThat(run("explain", "--preset", "exploding", "--step", "1", "--sample", "0",
        "--out", out.toString()).status()).isZero();
    assertThat(out).exists();
  }

  private static String[] concat(String[] a, String... more) {
    return Stream.concat(Stream.of(a), Stream.of(more)).toArray(String[]::new);
  }
}
