package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.activationlab.render.HistoryMetric;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFileTest {

  @TempDir
  Path dir;

  /** What a GUI holds: the document it shows, replaced only by a document that opened. */
  static final class Holder {
    ScenarioDocument current = ScenarioDocument.defaults();
    List<String> lastWarnings = List.of();

    void open(Path file) throws ScenarioFileException {
      ScenarioFile.Loaded loaded = ScenarioFile.read(file);
      current = loaded.document();
      lastWarnings = loaded.warnings();
    }
  }

  static ScenarioDocument sample() {
    ExplorerState e = new ExplorerState(List.of("leaky_relu:negative_slope=0.2", "gelu",
        "elu:alpha=0.5"), "gelu", true, false, -3.5, 7.25, -0.75, 2.5,
        List.of(1.5, -0.25, 0.0, 3.0, 0.125), 0.5);
    Scenario lab = Presets.get("dead-relu").scenario()
        .toBuilder().activation(1, "leaky_relu:negative_slope=0.01").seed(42).steps(123).build();
    ViewState v = new ViewState(HistoryMetric.WEIGHT_RMS, true,
        ViewState.ThemeName.DARK, true, ViewState.Tab.LAB);
    return new ScenarioDocument(e, lab, v, "Try a leaky ReLU — 试试 Leaky ReLU.\nSecond line.");
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static String doc(String body) {
    return "{\"format\":\"activation-lab/scenario\",\"version\":1" + (body.isEmpty() ? "" : ",")
        + body + "}";
  }

  @Test
  void saveThenOpenGivesAnEqualDocument() throws Exception {
    ScenarioDocument d = sample();
    Path p = dir.resolve("lesson.json");
    ScenarioFile.write(p, d);
    ScenarioFile.Loaded loaded = ScenarioFile.read(p);
    assertThat(loaded.document()).isEqualTo(d);
    assertThat(loaded.warnings()).isEmpty();
    // and once more through the bytes: stable
    assertThat(ScenarioFile.toBytes(loaded.document())).isEqualTo(Files.readAllBytes(p));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(p);
    }
    assertThat(ScenarioFile.parse(ScenarioFile.toBytes(ScenarioDocument.defaults()), "d")
        .document()).isEqualTo(ScenarioDocument.defaults());
  }

  @Test
  void partsThatAreLeftOutTakeTheirDefaults() throws Exception {
    ScenarioDocument d = ScenarioFile.read(file("min.json", doc(""))).document();
    assertThat(d).isEqualTo(ScenarioDocument.defaults());
    ScenarioDocument some = ScenarioFile.read(file("some.json", doc(
        "\"explorer\":{\"temperature\":2},\"lab\":{\"activation\":\"relu\"},"
            + "\"view\":{\"theme\":\"dark\"}"))).document();
    assertThat(some.explorer().temperature()).isEqualTo(2);
    assertThat(some.explorer().functions()).isEqualTo(ExplorerState.defaults().functions());
    assertThat(some.lab()).isEqualTo(Scenario.defaults().toBuilder().activation("relu").build());
    assertThat(some.view().theme()).isEqualTo(ViewState.ThemeName.DARK);
    assertThat(some.view().historyMetric()).isEqualTo(HistoryMetric.MEAN_ABS_DELTA);
    assertThat(some.notes()).isEqualTo(LocalizedText.EMPTY);
    assertThat(some.title()).isEqualTo(LocalizedText.EMPTY);
  }

  @Test
  void notesAndTitleInTwoLanguagesAreReadAndWrittenBack() throws Exception {
    ScenarioDocument two = new ScenarioDocument(ExplorerState.defaults(), Scenario.defaults(),
        ViewState.defaults(), new LocalizedText("Weights from $\\mathcal N(0, 0.15^2)$.",
            "权重取自 $\\mathcal N(0, 0.15^2)$。"), new LocalizedText("Initialisation", "初始化"));
    Path p = dir.resolve("two.json");
    ScenarioFile.write(p, two);
    String json = Files.readString(p, StandardCharsets.UTF_8);
    assertThat(json).contains("\"title\" : {", "\"en\" : \"Initialisation\"", "\"zh\" : \"初始化\"",
        "\"notes\" : {", "$\\\\mathcal N(0, 0.15^2)$");
    assertThat(ScenarioFile.read(p).document()).isEqualTo(two);

    // one language only: written as an object of that one; shown in both
    ScenarioDocument chinese = ScenarioFile.read(file("zh.json",
        doc("\"notes\":{\"zh\":\"只有中文\"},\"title\":\"Plain\""))).document();
    assertThat(chinese.notes()).isEqualTo(new LocalizedText("", "只有中文"));
    assertThat(chinese.notes().in(java.util.Locale.ENGLISH)).isEqualTo("只有中文");
    assertThat(chinese.title()).isEqualTo(LocalizedText.of("Plain"));
    assertThat(chinese.title().in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("Plain");
    String again = new String(ScenarioFile.toBytes(chinese), StandardCharsets.UTF_8);
    assertThat(again).contains("\"title\" : \"Plain\"").contains("\"notes\" : {\n    \"zh\" : \"只有中文\"\n  }");

    // the same text in both languages is a plain text; a language the format does not know is
    // ignored with a warning, as any unknown field is
    ScenarioFile.Loaded same = ScenarioFile.read(file("same.json",
        doc("\"notes\":{\"en\":\"x\",\"zh\":\"x\",\"fr\":\"y\"}")));
    assertThat(same.document().notes()).isEqualTo(LocalizedText.of("x"));
    assertThat(same.warnings()).containsExactly("unknown field 'notes.fr' ignored");
    assertThat(new String(ScenarioFile.toBytes(same.document()), StandardCharsets.UTF_8))
        .contains("\"notes\" : \"x\"");
    assertThat(ScenarioFile.read(file("empty.json", doc("\"notes\":{}"))).document().notes())
        .isEqualTo(LocalizedText.EMPTY);
  }

  @Test
  void theTextInALanguageFallsBackToTheOther() {
    LocalizedText both = new LocalizedText("English", "中文");
    assertThat(both.in(java.util.Locale.ENGLISH)).isEqualTo("English");
    assertThat(both.in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("中文");
    assertThat(both.in(java.util.Locale.GERMAN)).as("any other language: English")
        .isEqualTo("English");
    assertThat(new LocalizedText("English", " ").in(java.util.Locale.CHINESE))
        .isEqualTo("English");
    assertThat(LocalizedText.EMPTY.in(java.util.Locale.CHINESE)).isEmpty();
    assertThat(LocalizedText.EMPTY.isBlank()).isTrue();
    assertThat(both.isPlain()).isFalse();
    assertThat(LocalizedText.of("x").isPlain()).isTrue();
  }

  @Test
  void unknownFieldsComeBackAsWarnings() throws Exception {
    Path p = file("future.json", doc("\"colour\":\"red\",\"explorer\":{\"zoom\":3,"
        + "\"temperature\":0.5},\"lab\":{\"dropout\":0.1,\"activation\":\"tanh\"},"
        + "\"view\":{\"font\":{\"size\":20},\"theme\":\"dark\"}"));
    ScenarioFile.Loaded loaded = ScenarioFile.read(p);
    assertThat(loaded.warnings()).containsExactlyInAnyOrder(
        "unknown field 'colour' ignored", "unknown field 'explorer.zoom' ignored",
        "unknown field 'lab.dropout' ignored", "unknown field 'view.font' ignored");
    assertThat(loaded.document().explorer().temperature()).isEqualTo(0.5);
    assertThat(loaded.document().lab().activation()).isEqualTo("tanh");
    assertThat(loaded.document().view().theme()).isEqualTo(ViewState.ThemeName.DARK);

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      many.append("\"x").append(i).append("\":").append(i).append(',');
    }
    many.setLength(many.length() - 1);
    List<String> w = ScenarioFile.read(file("many.json", doc(many.toString()))).warnings();
    assertThat(w).hasSize(ScenarioFile.MAX_WARNINGS + 1);
    assertThat(w.get(w.size() - 1)).contains("10 more");
  }

  static Stream<Arguments> badFiles() {
    String deep = "[".repeat(200) + "]".repeat(200);
    StringBuilder hugeArray = new StringBuilder("[0");
    for (int i = 0; i < 100_000; i++) {
      hugeArray.append(",0");
    }
    hugeArray.append(']');
    return Stream.of(
        Arguments.of("oversized", doc("\"notes\":\"x\"") + " ".repeat(ScenarioFile.MAX_BYTES),
            List.of("at most 1048576 bytes")),
        Arguments.of("empty", "", List.of("empty")),
        Arguments.of("malformed", "{\"format\" \"activation-lab/scenario\"}",
            List.of("not valid JSON", "line 1")),
        Arguments.of("not json at all", "format: activation-lab/scenario", List.of("not valid JSON")),
        Arguments.of("trailing garbage", doc("") + " {}", List.of("not valid JSON")),
        Arguments.of("truncated", doc("\"explorer\":{\"functions\":[\"sigmoid\",\"ta"),
            List.of("truncated")),
        Arguments.of("truncated object", "{\"format\":\"activation-lab/scenario\",\"version\":1,",
            List.of("truncated")),
        Arguments.of("missing format", "{\"version\":1,\"lab\":{}}", List.of("no \"format\"")),
        Arguments.of("wrong format", "{\"format\":\"activation-lab/training-stats\",\"version\":1}",
            List.of("activation-lab/training-stats", "expected \"activation-lab/scenario\"")),
        Arguments.of("not an object", "[1,2,3]", List.of("expected a JSON object")),
        Arguments.of("unknown version", "{\"format\":\"activation-lab/scenario\",\"version\":2}",
            List.of("version 2", "reads scenario files of version 1")),
        Arguments.of("missing version", "{\"format\":\"activation-lab/scenario\"}",
            List.of("no \"version\"", "version 1")),
        Arguments.of("fractional version", "{\"format\":\"activation-lab/scenario\",\"version\":1.5}",
            List.of("version 1.5")),
        Arguments.of("invalid explorer value", doc("\"explorer\":{\"temperature\":-1}"),
            List.of("explorer.temperature")),
        Arguments.of("invalid function", doc("\"explorer\":{\"functions\":[\"sigmoid\",\"relux\"]}"),
            List.of("explorer.functions", "relux")),
        Arguments.of("wrong type", doc("\"explorer\":{\"showValue\":\"yes\"}"),
            List.of("explorer.showValue", "true or false")),
        Arguments.of("inverted viewport", doc("\"explorer\":{\"xMin\":3,\"xMax\":1}"),
            List.of("explorer.xMin", "explorer.xMax")),
        Arguments.of("invalid lab value", doc("\"lab\":{\"learningRate\":\"fast\"}"),
            List.of("lab", "learningRate")),
        Arguments.of("infinite lab value", doc("\"lab\":{\"learningRate\":1e999}"),
            List.of("lab", "learningRate", "finite")),
        Arguments.of("invalid view value", doc("\"view\":{\"theme\":\"blue\"}"),
            List.of("view.theme", "light or dark")),
        Arguments.of("part not an object", doc("\"view\":[1]"), List.of("view must be an object")),
        Arguments.of("notes not text", doc("\"notes\":42"), List.of("notes must be a text")),
        Arguments.of("notes a list", doc("\"notes\":[\"a\"]"),
            List.of("notes must be a text or an object", "\"en\"", "\"zh\"", "got array")),
        Arguments.of("notes null", doc("\"notes\":null"), List.of("notes must be", "got null")),
        Arguments.of("English notes not text", doc("\"notes\":{\"en\":1,\"zh\":\"好\"}"),
            List.of("notes.en must be a text", "got number 1")),
        Arguments.of("Chinese notes an object", doc("\"notes\":{\"zh\":{\"text\":\"好\"}}"),
            List.of("notes.zh must be a text", "got object")),
        Arguments.of("Chinese notes too long", doc("\"notes\":{\"en\":\"ok\",\"zh\":\""
            + "长".repeat(ScenarioDocument.MAX_NOTES + 1) + "\"}"),
            List.of("notes.zh: at most 20000 characters", "got 20001")),
        Arguments.of("plain notes too long",
            doc("\"notes\":\"" + "x".repeat(ScenarioDocument.MAX_NOTES + 1) + "\""),
            List.of("notes: at most 20000 characters")),
        Arguments.of("title too long", doc("\"title\":{\"en\":\""
            + "x".repeat(ScenarioDocument.MAX_TITLE + 1) + "\"}"),
            List.of("title.en: at most 200 characters")),
        Arguments.of("title a number", doc("\"title\":7"), List.of("title must be a text",
            "got number 7")),
        Arguments.of("deeply nested", doc("\"x\":" + deep), List.of("nested deeper than 16")),
        Arguments.of("duplicate key", doc("\"lab\":{\"seed\":1,\"seed\":2}"),
            List.of("duplicate key", "seed")),
        Arguments.of("duplicate top-level key", doc("\"version\":1"), List.of("duplicate key")),
        Arguments.of("NaN", doc("\"explorer\":{\"temperature\":NaN}"), List.of("not valid JSON")),
        Arguments.of("huge array", doc("\"explorer\":{\"logits\":" + hugeArray + "}"),
            List.of("explorer.logits", "100001 entries")),
        Arguments.of("huge array in lab", doc("\"lab\":{\"hidden\":" + hugeArray + "}"),
            List.of("lab.hidden", "100001 entries")),
        Arguments.of("long number", doc("\"explorer\":{\"temperature\":1" + "0".repeat(5000) + "}"),
            List.of("number longer than 40")),
        Arguments.of("long string", doc("\"notes\":\"" + "x".repeat(30_000) + "\""),
            List.of("text longer than 25000")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFilesAreRefusedWithAMessageAndChangeNothing(String kind, String content,
      List<String> words) throws Exception {
    Holder gui = new Holder();
    Path good = dir.resolve("good.json");
    ScenarioFile.write(good, sample());
    gui.open(good);
    ScenarioDocument before = gui.current;

    Path bad = file("bad.json", content);
    assertThatThrownBy(() -> gui.open(bad))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageContaining("bad.json")
        .satisfies(e -> assertThat(e.getMessage()).contains(words))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(gui.current).isSameAs(before).isEqualTo(sample());
  }

  @Test
  void missingFilesAndFoldersAreRefused() {
    assertThatThrownBy(() -> ScenarioFile.read(dir.resolve("none.json")))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("file not found");
    assertThatThrownBy(() -> ScenarioFile.read(dir))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("is a folder");
  }

  /** A named pipe has no size up front: the bytes are counted while reading. */
  @Test
  void aStreamThatGrowsBeyondTheLimitIsRefused() throws Exception {
    Path fifo = dir.resolve("growing.json");
    int made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    } catch (IOException e) {
      made = -1;
    }
    assumeThat(made).as("mkfifo available").isZero();
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(doc("\"notes\":\"").getBytes(StandardCharsets.UTF_8));
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 64; i++) { // 4 MB, more than the reader takes
          out.write(chunk);
        }
      } catch (IOException e) {
        // the reader stopped reading: broken pipe, as expected
      }
    });
    writer.setDaemon(true);
    writer.start();
    assertThatThrownBy(() -> ScenarioFile.read(fifo))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("at most 1048576 bytes");
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writer.isAlive()).isFalse();
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFileAndKeepsTheOldFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("lesson.json"));
    assertThatThrownBy(() -> ScenarioFile.write(folder, sample()))
        .isInstanceOf(IOException.class).hasMessageContaining("is a folder");
    assertThatThrownBy(() -> ScenarioFile.write(dir.resolve("no/such/x.json"), sample()))
        .isInstanceOf(IOException.class).hasMessageContaining("folder does not exist");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(folder);
    }
    assertThat(folder).isEmptyDirectory();

    Path old = dir.resolve("old.json");
    ScenarioFile.write(old, ScenarioDocument.defaults());
    byte[] before = Files.readAllBytes(old);
    assertThatThrownBy(() -> AtomicFiles.write(old, os -> {
      os.write(ScenarioFile.toBytes(sample()), 0, 100);
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readAllBytes(old)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(folder, old);
    }
  }

  @Test
  void configIsADocumentOrAPlainObjectOfScenarioFields() throws Exception {
    ScenarioFile.Loaded plain = ScenarioFile.readConfig(file("plain.json",
        "{\"dataset\":\"xor\",\"hidden\":[8,8],\"steps\":30}"));
    assertThat(plain.document().lab().dataset().id()).isEqualTo("xor");
    assertThat(plain.document().lab().hidden()).containsExactly(8, 8);
    assertThat(plain.document().explorer()).isEqualTo(ExplorerState.defaults());
    assertThat(plain.warnings()).isEmpty();

    ScenarioFile.Loaded document = ScenarioFile.readConfig(file("doc.json",
        doc("\"lab\":{\"dataset\":\"moons\",\"future\":1}")));
    assertThat(document.document().lab().dataset().id()).isEqualTo("moons");
    assertThat(document.warnings()).containsExactly("unknown field 'lab.future' ignored");

    // a plain object keeps the old, strict behaviour of train --config
    assertThatThrownBy(() -> ScenarioFile.readConfig(file("strict.json", "{\"colour\":\"red\"}")))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageContaining("unknown scenario field 'colour'");
    assertThatThrownBy(() -> ScenarioFile.readConfig(file("dup.json",
        "{\"seed\":1,\"seed\":2}"))).hasMessageContaining("duplicate key");
  }

  @Test
  void theRecordsRefuseInvalidValuesNamingTheField() {
    ExplorerState d = ExplorerState.defaults();
    assertThatThrownBy(() -> new ExplorerState(List.of("sigmoid", "sigmoid:"), "sigmoid", true,
        true, -1, 1, -1, 1, d.logits(), 1)).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> new ExplorerState(List.of("a", "b", "c", "d", "e", "f", "g"),
        "sigmoid", true, true, -1, 1, -1, 1, d.logits(), 1))
        .hasMessageContaining("explorer.functions");
    assertThatThrownBy(() -> new ExplorerState(d.functions(), "sigmoid", true, true, -1, 1, -1, 1,
        List.of(1.0, 2.0), 1)).hasMessageContaining("explorer.logits");
    assertThatThrownBy(() -> new ExplorerState(d.functions(), "nope", true, true, -1, 1, -1, 1,
        d.logits(), 1)).hasMessageContaining("explorer.selected");
    assertThatThrownBy(() -> new ExplorerState(d.functions(), "sigmoid", true, true, -1,
        Double.NaN, -1, 1, d.logits(), 1)).hasMessageContaining("explorer.xMax");
    assertThat(new ExplorerState(List.of("swish", "leaky_relu:negative_slope=0.01"), "SWISH",
        true, true, -1, 1, -1, 1, d.logits(), 1).functions())
        .as("canonical specs").containsExactly("silu", "leaky_relu");
  }

  // ------------------------------------------------------------------------ comparisons

  @Test
  void aComparisonIsWrittenAsWhatBChangesAndReadBackEqual() throws Exception {
    Comparison pair = Comparison.ofPresetPair("deep-sigmoid");
    ScenarioDocument d = sample().withComparison(pair);
    assertThat(d.lab()).isEqualTo(pair.a());
    assertThat(d.comparison()).contains(pair);
    Path p = dir.resolve("pair.json");
    ScenarioFile.write(p, d);
    JsonNode compare = new ObjectMapper().readTree(p.toFile()).get("compare");
    assertThat(compare.toString()).isEqualTo(
        "{\"activation\":\"relu\",\"init\":\"he_normal\"}");
    ScenarioFile.Loaded loaded = ScenarioFile.read(p);
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.document()).isEqualTo(d);
    assertThat(loaded.document().comparison()).contains(pair);
    assertThat(ScenarioFile.toBytes(loaded.document())).isEqualTo(Files.readAllBytes(p));

    // every kind of difference round-trips: lists, per-layer activations taken away, a copy
    Scenario a = sample().lab().toBuilder().activations(List.of("relu", "tanh", "elu")).build();
    for (Scenario b : List.of(
        a.withSettings(java.util.Map.of("hidden", "5,6,7", "optimizer", "adam", "l2", "1e-3")),
        a.toBuilder().activations(List.of()).activation("gelu").build(),
        a.withSetting("biasInit", "constant:value=0.25"),
        a)) {
      ScenarioDocument withB = sample().withComparison(new Comparison(a, b));
      ScenarioFile.Loaded again = ScenarioFile.parse(ScenarioFile.toBytes(withB), "b");
      assertThat(again.document()).as(b.toString()).isEqualTo(withB);
      assertThat(again.warnings()).isEmpty();
    }
    // without a comparison nothing is written
    assertThat(new String(ScenarioFile.toBytes(sample()), StandardCharsets.UTF_8))
        .doesNotContain("compare");
    assertThat(sample().comparison()).isEmpty();
    assertThat(d.withComparison(null).comparison()).isEmpty();
  }

  @Test
  void compareIsReadOverTheLabScenario() throws Exception {
    ScenarioFile.Loaded loaded = ScenarioFile.read(file("c.json", doc(
        "\"lab\":{\"hidden\":\"8x8\",\"activation\":\"sigmoid\",\"steps\":300},"
            + "\"compare\":{\"activation\":\"relu\",\"init\":\"he_normal\"}")));
    Comparison c = loaded.document().comparison().orElseThrow();
    assertThat(c.a()).isEqualTo(loaded.document().lab());
    assertThat(c.b()).isEqualTo(c.a().withSettings(java.util.Map.of("activation", "relu",
        "init", "he_normal")));
    assertThat(c.describe()).isEqualTo("activation sigmoid → relu, init glorot_uniform → "
        + "he_normal");
    assertThat(loaded.warnings()).isEmpty();

    // B runs to A's steps: a step count in compare is ignored, and said so; unknown fields too
    ScenarioFile.Loaded steps = ScenarioFile.read(file("s.json", doc(
        "\"lab\":{\"steps\":40},\"compare\":{\"steps\":99,\"dropout\":0.5,"
            + "\"learningRate\":0.5}")));
    assertThat(steps.document().compareB().steps()).isEqualTo(40);
    assertThat(steps.document().compareB().learningRate()).isEqualTo(0.5);
    assertThat(steps.warnings()).containsExactly(
        "field 'compare.steps' ignored: run B trains for the lab's steps",
        "unknown field 'compare.dropout' ignored");

    // a document's B follows a new lab scenario's data and steps
    ScenarioDocument moved = loaded.document().withLab(loaded.document().lab()
        .withSettings(java.util.Map.of("dataset", "xor", "steps", "20")));
    assertThat(moved.compareB().dataset().id()).isEqualTo("xor");
    assertThat(moved.compareB().steps()).isEqualTo(20);
    assertThat(moved.compareB().activation()).isEqualTo("relu");
  }

  @Test
  void aComparisonOnOtherDataIsRefusedNamingTheFileAndTheReason() throws Exception {
    Holder gui = new Holder();
    gui.open(file("good.json", doc("\"lab\":{\"activation\":\"relu\"}")));
    ScenarioDocument before = gui.current;
    Path bad = file("other-data.json", doc("\"lab\":{\"dataset\":\"circle\"},"
        + "\"compare\":{\"dataset\":\"xor\",\"seed\":7,\"activation\":\"relu\"}"));
    assertThatThrownBy(() -> gui.open(bad))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageStartingWith(bad + ": compare: A and B must train on the same data")
        .hasMessageContaining("dataset circle vs xor")
        .hasMessageContaining("seed 1 vs 7");
    assertThat(gui.current).as("nothing changes").isSameAs(before);
    assertThatThrownBy(() -> ScenarioFile.readConfig(bad))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("same data");
    assertThatThrownBy(() -> ScenarioFile.read(file("bad-value.json", doc(
        "\"compare\":{\"activation\":\"nope\"}"))))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("compare: ");
    assertThatThrownBy(() -> ScenarioFile.read(file("not-object.json", doc(
        "\"compare\":\"relu\""))))
        .isInstanceOf(ScenarioFileException.class).hasMessageContaining("compare must be an "
            + "object");
    Scenario a = Scenario.defaults();
    assertThatThrownBy(() -> new ScenarioDocument(ExplorerState.defaults(), a,
        ViewState.defaults(), LocalizedText.EMPTY, LocalizedText.EMPTY,
        a.withSetting("noise", "0.3"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("noise");
  }
}
