package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.activationlab.cli.Cli;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/schema/*.schema.json true to the files the project reads and writes: the sample
 * lessons, a scenario file from {@link ScenarioFile}, and training statistics from {@link
 * TrainingStatsWriter} (real {@code train --stats} runs and the golden files) all validate; broken
 * documents are rejected, so the schemas say something.
 */
class FormatSchemasTest {

  private static final Path SCENARIO_SCHEMA = Path.of("docs", "schema", "scenario.schema.json");
  private static final Path STATS_SCHEMA = Path.of("docs", "schema", "training-stats.schema.json");
  private static final Path LESSONS = Path.of("assets", "scenarios");
  private static final List<String> GOLDEN_STATS = List.of("golden-dead-relu.json",
      "golden-exploding.json", "golden-sine.json");
  /** A version 1 file as {@code train --stats} wrote it before version 2 (the old golden file). */
  private static final String VERSION_1_STATS = "stats-v1-dead-relu.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SchemaRegistry registry;
  private static Schema scenario;
  private static Schema stats;

  @TempDir
  Path dir;

  @BeforeAll
  static void loadSchemas() throws IOException {
    registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    scenario = registry.getSchema(JSON.readTree(SCENARIO_SCHEMA.toFile()));
    stats = registry.getSchema(JSON.readTree(STATS_SCHEMA.toFile()));
  }

  private static List<String> errors(Schema schema, JsonNode doc) {
    return schema.validate(doc).stream().map(Error::toString).toList();
  }

  // ------------------------------------------------------------------------ the schemas

  @Test
  void bothAreDraft202012Schemas() throws IOException {
    Schema meta = registry.getSchema(
        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (Path p : List.of(SCENARIO_SCHEMA, STATS_SCHEMA)) {
      JsonNode node = JSON.readTree(p.toFile());
      assertThat(node.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(errors(meta, node)).as(p.toString()).isEmpty();
    }
  }

  @Test
  void theScenarioIsDefinedAlikeInBoth() throws IOException {
    JsonNode a = JSON.readTree(SCENARIO_SCHEMA.toFile()).get("$defs");
    JsonNode b = JSON.readTree(STATS_SCHEMA.toFile()).get("$defs");
    for (String def : List.of("lab", "activationSpec", "initializer")) {
      assertThat(b.get(def)).as(def).isEqualTo(a.get(def));
    }
    // the lab part names exactly the --set keys
    List<String> fields = new ArrayList<>();
    a.get("lab").get("properties").fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(Scenario.KEYS);
  }

  // ---------------------------------------------------------------- scenario files

  static Stream<Path> lessons() throws IOException {
    try (Stream<Path> files = Files.list(LESSONS)) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(all).as("sample lessons in " + LESSONS).isNotEmpty();
      return all.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("lessons")
  void everySampleLessonIsValid(Path lesson) throws Exception {
    assertThat(errors(scenario, JSON.readTree(lesson.toFile()))).isEmpty();
    assertThat(ScenarioFile.read(lesson).warnings()).isEmpty(); // and the app opens it cleanly
  }

  @Test
  void aScenarioWrittenByTheWriterIsValid() throws Exception {
    Map<String, String> lab = new LinkedHashMap<>();
    lab.put("dataset", "spiral3");
    lab.put("hidden", "8x3");
    lab.put("activations", "relu;gelu:approximate=true;rrelu:lower=0.1,upper=0.2");
    lab.put("init", "normal:stddev=1e-4");
    lab.put("biasInit", "constant:value=-0.5");
    lab.put("optimizer", "adam");
    lab.put("learningRate", "0.001");
    lab.put("l2", "1e-4");
    lab.put("clip", "1");
    lab.put("seed", "-7");
    lab.put("steps", "50");
    ScenarioDocument rich = new ScenarioDocument(
        new ExplorerState(List.of("gelu:approximate=true", "rrelu:lower=0.1,upper=0.2", "swish"),
            "gelu", false, true, -3, 3, -1, 2, List.of(1.0, 2.0, 3.0, 4.0, 5.0, -6.0), 0.5),
        Scenario.defaults().withSettings(lab),
        new ViewState(org.activationlab.render.HistoryMetric.WEIGHT_RMS, true, ViewState.ThemeName.DARK, true,
            ViewState.Tab.LAB),
        "Notes with \"quotes\", a newline\nand non-ASCII: σ′(0) = 0.25, 梯度消失.");
    ScenarioDocument bilingual = new ScenarioDocument(rich.explorer(), rich.lab(), rich.view(),
        new LocalizedText("Maths: $\\sigma'(0) = 0.25$.", "数学：$\\sigma'(0) = 0.25$。"),
        new LocalizedText("", "只有中文标题"));
    ScenarioDocument compared = rich.withComparison(new org.activationlab.training.Comparison(
        rich.lab(), rich.lab().toBuilder().activations(List.of()).activation("elu")
            .hidden(List.of(4, 4)).build()));
    ScenarioDocument pair = ScenarioDocument.defaults().withComparison(
        org.activationlab.training.Comparison.ofPresetPair("dead-relu"));
    for (ScenarioDocument doc : List.of(rich, bilingual, ScenarioDocument.defaults(), compared,
        pair)) {
      Path out = dir.resolve("written.json");
      ScenarioFile.write(out, doc);
      JsonNode written = JSON.readTree(out.toFile());
      assertThat(errors(scenario, written)).as(written.toString()).isEmpty();
    }
  }

  // ---------------------------------------------------------------- training statistics

  private static int train(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return Cli.run(args, quiet, quiet);
  }

  @Test
  void statsOfRealRunsAreValid() throws Exception {
    Path binary = dir.resolve("dead-relu.json");
    assertThat(train("train", "--preset", "dead-relu", "--steps", "30", "--every", "10",
        "--stats", binary.toString())).isZero();
    Path regression = dir.resolve("sine.json");
    assertThat(train("train", "--preset", "playground", "--set", "dataset=sine", "--set",
        "testFraction=0", "--steps", "12", "--every", "5", "--stats", regression.toString()))
        .isZero();
    Path multiclass = dir.resolve("spiral3.json");
    assertThat(train("train", "--preset", "playground", "--set", "dataset=spiral3", "--set",
        "activations=relu;gelu:approximate=true", "--steps", "12", "--every", "5", "--stats",
        multiclass.toString())).isZero();
    Path diverged = dir.resolve("exploding.json");
    assertThat(train("train", "--preset", "exploding", "--set", "learningRate=100", "--every",
        "1", "--seed", "3", "--stats", diverged.toString())).isEqualTo(3);

    for (Path p : List.of(binary, regression, multiclass, diverged)) {
      JsonNode doc = JSON.readTree(p.toFile());
      assertThat(errors(stats, doc)).as(p.getFileName().toString()).isEmpty();
    }
    assertThat(JSON.readTree(diverged.toFile()).get("diverged").asBoolean()).isTrue();
    assertThat(JSON.readTree(regression.toFile()).get("records").get(0).get("accuracy").isNull())
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("goldenStats")
  void goldenStatsAreValid(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/org/activationlab/export/" + name)) {
      assertThat(in).as(name).isNotNull();
      assertThat(errors(stats, JSON.readTree(in))).isEmpty();
    }
  }

  static Stream<String> goldenStats() {
    return GOLDEN_STATS.stream();
  }

  @Test
  void version1StatsAreStillValid() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(
        "/org/activationlab/export/" + VERSION_1_STATS)) {
      assertThat(in).isNotNull();
      JsonNode doc = JSON.readTree(in);
      assertThat(doc.get("version").asInt()).isEqualTo(1);
      assertThat(doc.get("records").get(0).get("layers").get(0).has("inactiveFraction")).isFalse();
      assertThat(errors(stats, doc)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- broken documents

  private static JsonNode changed(Path file, Consumer<ObjectNode> change) {
    try {
      ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
      change.accept(doc);
      return doc;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode part(ObjectNode doc, String name) {
    return (ObjectNode) doc.get(name);
  }

  /** Broken lessons: name, the change, whether the app refuses the file too. */
  static Stream<Arguments> brokenScenarios() {
    Path lesson = LESSONS.resolve("dead-relus.json");
    return Stream.of(
        Arguments.of("format missing", changed(lesson, d -> d.remove("format")), true),
        Arguments.of("format misspelt",
            changed(lesson, d -> d.put("format", "activation-lab/scenaro")), true),
        Arguments.of("format of the stats file",
            changed(lesson, d -> d.put("format", "activation-lab/training-stats")), true),
        Arguments.of("version missing", changed(lesson, d -> d.remove("version")), true),
        Arguments.of("version 2", changed(lesson, d -> d.put("version", 2)), true),
        Arguments.of("notes not a text", changed(lesson, d -> d.put("notes", 3)), true),
        Arguments.of("notes too long",
            changed(lesson, d -> d.put("notes", "x".repeat(ScenarioDocument.MAX_NOTES + 1))), true),
        Arguments.of("Chinese notes too long", changed(lesson,
            d -> part(d, "notes").put("zh", "长".repeat(ScenarioDocument.MAX_NOTES + 1))), true),
        Arguments.of("English notes not a text", changed(lesson,
            d -> part(d, "notes").put("en", 5)), true),
        Arguments.of("notes a list", changed(lesson, d -> d.putArray("notes").add("x")), true),
        Arguments.of("title too long", changed(lesson,
            d -> part(d, "title").put("en", "x".repeat(ScenarioDocument.MAX_TITLE + 1))), true),
        Arguments.of("seven functions", changed(lesson, d -> {
          ArrayNode fs = part(d, "explorer").putArray("functions");
          Stream.of("relu", "elu", "selu", "gelu", "silu", "mish", "tanh").forEach(fs::add);
        }), true),
        Arguments.of("two logits", changed(lesson, d -> {
          ArrayNode zs = part(d, "explorer").putArray("logits");
          zs.add(1.0).add(2.0);
        }), true),
        Arguments.of("temperature 0", changed(lesson,
            d -> part(d, "explorer").put("temperature", 0)), true),
        Arguments.of("viewport beyond 1e6", changed(lesson,
            d -> part(d, "explorer").put("xMax", 2e6)), true),
        Arguments.of("unknown data set", changed(lesson,
            d -> part(d, "lab").put("dataset", "donut")), true),
        Arguments.of("hidden layer of 0 units", changed(lesson,
            d -> part(d, "lab").putArray("hidden").add(0)), true),
        Arguments.of("17 hidden layers", changed(lesson, d -> {
          ArrayNode h = part(d, "lab").putArray("hidden");
          for (int i = 0; i < 17; i++) {
            h.add(8);
          }
        }), true),
        Arguments.of("learning rate 0", changed(lesson,
            d -> part(d, "lab").put("learningRate", 0)), true),
        Arguments.of("momentum 1", changed(lesson, d -> part(d, "lab").put("momentum", 1)), true),
        Arguments.of("initialiser misspelt", changed(lesson,
            d -> part(d, "lab").put("init", "he_normall")), true),
        Arguments.of("compare with an unknown data set", changed(lesson,
            d -> d.putObject("compare").put("dataset", "donut")), true),
        Arguments.of("compare not an object", changed(lesson, d -> d.put("compare", "relu")),
            true),
        Arguments.of("compare learning rate 0", changed(lesson,
            d -> d.putObject("compare").put("learningRate", 0)), true),
        Arguments.of("compare with its own steps", changed(lesson,
            d -> d.putObject("compare").put("steps", 10)), false),
        Arguments.of("compare misspelt field", changed(lesson,
            d -> d.putObject("compare").put("activaton", "relu")), false),
        Arguments.of("theme blue", changed(lesson, d -> part(d, "view").put("theme", "blue")),
            true),
        Arguments.of("showValue as text", changed(lesson,
            d -> part(d, "explorer").put("showValue", "yes")), true),
        // the app opens these with a warning ("unknown field … ignored"); the schema is strict
        Arguments.of("unknown top-level field", changed(lesson, d -> d.put("author", "me")), false),
        Arguments.of("notes in a third language", changed(lesson,
            d -> part(d, "notes").put("fr", "ReLU mortes")), false),
        Arguments.of("misspelt lab field", changed(lesson,
            d -> part(d, "lab").put("learning_rate", 0.1)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenScenarios")
  void aBrokenScenarioIsRejected(String what, JsonNode doc, boolean appRefuses)
      throws Exception {
    assertThat(errors(scenario, doc)).as(what).isNotEmpty();
    byte[] bytes = JSON.writeValueAsBytes(doc);
    if (appRefuses) {
      assertThatThrownBy(() -> ScenarioFile.parse(bytes, what))
          .isInstanceOf(ScenarioFileException.class);
    } else {
      assertThat(ScenarioFile.parse(bytes, what).warnings()).isNotEmpty();
    }
  }

  static Stream<Arguments> brokenStats() {
    Path golden = Path.of("src", "test", "resources", "org", "activationlab", "export",
        "golden-dead-relu.json");
    return Stream.of(
        Arguments.of("format missing", changed(golden, d -> d.remove("format"))),
        Arguments.of("format of a scenario file",
            changed(golden, d -> d.put("format", "activation-lab/scenario"))),
        Arguments.of("version 3", changed(golden, d -> d.put("version", 3))),
        Arguments.of("version 2 record without the inactive share", changed(golden,
            d -> ((ObjectNode) d.get("records").get(0).get("layers").get(0))
                .remove("inactiveFraction"))),
        Arguments.of("version 1 with an inactive share", changed(golden, d -> d.put("version", 1))),
        Arguments.of("inactive fraction −0.1", changed(golden,
            d -> ((ObjectNode) d.get("records").get(0).get("layers").get(0))
                .put("inactiveFraction", -0.1))),
        Arguments.of("records missing", changed(golden, d -> d.remove("records"))),
        Arguments.of("no records", changed(golden, d -> d.putArray("records"))),
        Arguments.of("scenario without its seed",
            changed(golden, d -> part(d, "scenario").remove("seed"))),
        Arguments.of("diverged without the step", changed(golden, d -> d.put("diverged", true))),
        Arguments.of("not diverged but a step", changed(golden, d -> d.put("divergedAtStep", 7))),
        Arguments.of("layer kind misspelt", changed(golden,
            d -> ((ObjectNode) d.get("layers").get(0)).put("kind", "hiden"))),
        Arguments.of("record without dead units", changed(golden,
            d -> ((ObjectNode) d.get("records").get(0).get("layers").get(0)).remove("dead"))),
        Arguments.of("dead fraction 1.5", changed(golden,
            d -> ((ObjectNode) d.get("records").get(0).get("layers").get(0))
                .put("deadFraction", 1.5))),
        Arguments.of("loss as text", changed(golden,
            d -> ((ObjectNode) d.get("records").get(0)).put("loss", "NaN"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenStats")
  void brokenStatsAreRejected(String what, JsonNode doc) {
    assertThat(errors(stats, doc)).as(what).isNotEmpty();
  }
}
