package org.activationlab.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the layouts of the statistics format, and refusing bad files with one clear line. */
class StatsFilesTest {

  static final String HEADER = "{\"format\":\"activation-lab/training-stats\",\"version\":2,"
      + "\"layout\":\"jsonl\",\"layers\":[{\"index\":1,\"kind\":\"hidden\",\"width\":2,"
      + "\"activation\":\"relu\"},{\"index\":2,\"kind\":\"output\",\"width\":1,"
      + "\"activation\":\"sigmoid\"}]}\n";

  @TempDir
  Path dir;

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(StatsFilesTest.class.getResource("/runs/stats/" + name).toURI());
  }

  static String record(long step) {
    return "{\"step\":" + step + ",\"loss\":0.5,\"layers\":[{\"gradMeanAbs\":0.1,"
        + "\"neuronGradMeanAbs\":[0.1,0.2],\"dead\":[false,true]},{\"neuronGradMeanAbs\":[0.3]}]}"
        + "\n";
  }

  Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void probeLinesWithNamesTypesHistogramsAndUpdateRatios() throws Exception {
    RecordedRun run = StatsFiles.read(fixture("probe-small.jsonl"));
    assertThat(run.source()).isEqualTo(RecordedRun.Source.PYTORCH_PROBE);
    assertThat(run.meta()).containsEntry("torch", "1.13.1").containsEntry("every", "10")
        .containsEntry("worldSize", "1").doesNotContainKey("nested");
    assertThat(run.layers()).containsExactly(
        new RecordedLayer(1, "net.0", "hidden", "linear", 3, "sigmoid"),
        new RecordedLayer(2, "2", "output", "dense", 2, "identity"));
    assertThat(run.size()).isEqualTo(2);
    assertThat(run.complete()).isTrue();
    assertThat(run.divergedAtStep()).isEqualTo(17);

    LayerRecord l0 = run.record(0).layer(0);
    assertThat(l0.gradWeightRms()).isEqualTo(1.2345678e-05);
    assertThat(l0.updateRatio()).isNaN();
    assertThat(l0.saturatedFraction()).isEqualTo(1.0 / 3);
    assertThat(l0.units()).isEqualTo(3);
    assertThat(l0.neuronGrad(2)).isEqualTo(0.015);
    assertThat(l0.isDead(2)).isTrue();
    LayerRecord.Histogram h = l0.histogram();
    assertThat(h.min()).isEqualTo(-8);
    assertThat(h.max()).isEqualTo(8);
    assertThat(h.counts()).containsExactly(0, 1, 5, 9);
    assertThat(h.below()).isEqualTo(2);
    assertThat(h.above()).isEqualTo(3);
    assertThat(run.record(0).layer(1).gradWeightNorm()).isEqualTo(1.5);
    assertThat(run.record(0).layer(1).gradWeightRms()).isEqualTo(0.125);

    assertThat(run.record(1).step()).isEqualTo(10);
    assertThat(run.record(1).accuracy()).isEqualTo(0.75);
    LayerRecord l1 = run.record(1).layer(0);
    assertThat(l1.updateRatio()).isEqualTo(0.001);
    assertThat(l1.neuronGrad(0)).isNaN();
    assertThat(l1.neuronGrad(1)).isNaN(); // Python's json writes NaN
    assertThat(l1.hasDeadFlags()).isFalse();
    assertThat(run.record(1).layer(1)).isNull();
  }

  @Test
  void version1DocumentAndCsv() throws Exception {
    RecordedRun json = StatsFiles.read(fixture("version1.json"));
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.meta()).containsEntry("dataset", "spiral").containsEntry("activation", "relu")
        .hasSize(2);
    assertThat(json.record(0).layer(0).inactiveFraction()).isNaN();
    assertThat(json.record(0).layer(0).saturatedFraction()).isEqualTo(0.5);
    assertThat(json.record(0).layer(0).isDead(1)).isTrue();

    RecordedRun csv = StatsFiles.read(fixture("version1.csv"));
    assertThat(csv.size()).isEqualTo(2);
    assertThat(csv.layers().get(0).activation()).isEqualTo("rrelu:lower=0.1,upper=0.2");
    assertThat(csv.layers().get(1).kind()).isEqualTo("output");
    assertThat(csv.record(0).layer(0).inactiveFraction()).isNaN();
    assertThat(csv.record(0).layer(1).saturatedFraction()).isNaN();
    assertThat(csv.record(1).testLoss()).isNaN();
    assertThat(csv.record(1).layer(0).gradMeanAbs()).isNaN();
    assertThat(csv.record(1).layer(0).neuronGrad(0)).isEqualTo(0.2);
    assertThat(csv.record(1).layer(1).neuronGrad(0)).isEqualTo(0.25);
  }

  static Stream<Arguments> badFiles() {
    String v1 = "{\"format\":\"activation-lab/training-stats\",\"version\":";
    return Stream.of(
        Arguments.of("empty.json", "", 0, "empty file"),
        Arguments.of("picture.png", "\u0089PNG\r\n\u001a\n....", 0, "a PNG image"),
        Arguments.of("other.json", "{\"name\": \"x\", \"layers\": [1, 2]}", 1,
            "not a training statistics file"),
        Arguments.of("other-format.json", "{\"format\": \"activation-lab/scenario\"}", 1,
            "its format is \"activation-lab/scenario\""),
        Arguments.of("v3.json", v1 + "3, \"layers\": []}", 1, "unknown version 3"),
        Arguments.of("more-layers.jsonl", HEADER + record(0)
            + "{\"step\":10,\"layers\":[{},{},{}]}\n", 3,
            "the record has more layers than the header's 2"),
        Arguments.of("short-list.jsonl", HEADER
            + "{\"step\":0,\"layers\":[{\"neuronGradMeanAbs\":[0.1]}]}\n", 2,
            "neuronGradMeanAbs of layer 1 has 1 values; the layer is 2 wide"),
        Arguments.of("long-dead.jsonl", HEADER
            + "{\"step\":0,\"layers\":[{\"dead\":[true,false,true]}]}\n", 2,
            "dead of layer 1 has more than 2 flags"),
        Arguments.of("backwards.jsonl", HEADER + record(10) + record(20) + record(5), 4,
            "step 5 comes after step 20"),
        Arguments.of("wrong-type.jsonl", HEADER + record(0) + "{\"step\":1,\"loss\":\"low\"}\n",
            3, "loss must be a number or null, not text"),
        Arguments.of("bad-line.jsonl", HEADER + record(0) + "this is not json\n" + record(20),
            3, "not valid JSON"),
        Arguments.of("cut-record.jsonl", HEADER + "{\"step\":0,\"layers\":[\n" + record(1), 2,
            "a record cut short"),
        Arguments.of("truncated.json", v1 + "2,\n \"layers\": [{\"width\": 1}],\n \"records\": [\n"
            + "  {\"step\": 0, \"loss\": 0.5},\n  {\"step\": 1, \"lo", 0, "ends early at line 5"),
        Arguments.of("after-end.jsonl", HEADER + "{\"end\":true}\n" + record(3), 3,
            "a record after the end line"),
        Arguments.of("header-only-no-layers.jsonl", v1 + "2,\"layout\":\"jsonl\"}\n", 1,
            "no layers"),
        Arguments.of("bad-width.csv", "step,loss,testLoss,accuracy,layer,kind,width,activation,"
            + "neuronGradMeanAbs,dead\n0,1,,,1,hidden,2,relu,0.1;0.2,0;0\n"
            + "1,1,,,1,hidden,2,relu,0.1;0.2;0.3,0;0\n", 3,
            "neuronGradMeanAbs of layer 1 has 3 values; the layer is 2 wide"),
        Arguments.of("csv-back.csv", "step,layer,width,loss\n5,1,1,0.1\n4,1,1,0.2\n", 3,
            "step 4 comes after step 5"),
        Arguments.of("text.txt", "hello world\n", 0, "it starts with \"hello world\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFilesAreRefusedWithOneLineNamingFileLineAndReason(String name, String content,
      int line, String reason) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1.newEncoder()
        .canEncode(content) && name.endsWith(".png") ? StandardCharsets.ISO_8859_1
        : StandardCharsets.UTF_8));
    assertThatThrownBy(() -> StatsFiles.read(file))
        .isInstanceOf(RunFileException.class)
        .hasMessageStartingWith(file + ":" + (line > 0 ? line + ":" : " "))
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aLastLineWithoutItsNewlineIsAWriteInProgressNotAnError() throws Exception {
    String half = record(10).substring(0, 30);
    Path file = write("growing.jsonl", HEADER + record(0) + half);
    RecordedRun run = StatsFiles.read(file);
    assertThat(run.size()).isEqualTo(1);
    assertThat(run.complete()).isFalse();

    StatsFileTail tail = new StatsFileTail(file);
    assertThat(tail.poll().size()).isEqualTo(1);
    Files.writeString(file, record(10).substring(30), StandardOpenOption.APPEND);
    assertThat(tail.poll().size()).isEqualTo(2);
    assertThat(tail.latest().record(1).step()).isEqualTo(10);
    assertThat(StatsFiles.read(file).size()).isEqualTo(2);
    // a whole last line without its '\n' is not read yet either
    Files.writeString(file, "{\"end\":true}", StandardOpenOption.APPEND);
    assertThat(tail.poll().complete()).isFalse();
    Files.writeString(file, "\n", StandardOpenOption.APPEND);
    assertThat(tail.poll().complete()).isTrue();
    assertThat(tail.finished()).isTrue();
  }

  @Test
  void aBadLineAfterGoodOnesKeepsTheGoodOnesInTheTail() throws Exception {
    Path file = write("tail.jsonl", HEADER + record(0));
    StatsFileTail tail = new StatsFileTail(file);
    assertThat(tail.poll().size()).isEqualTo(1);
    Files.writeString(file, record(10) + record(20) + "{\"step\":30,\"loss\":[]}\n"
        + record(40), StandardOpenOption.APPEND);
    assertThatThrownBy(tail::poll).isInstanceOf(RunFileException.class)
        .hasMessageStartingWith(file + ":5:")
        .hasMessageContaining("loss must be a number or null, not a list");
    assertThat(tail.latest().size()).isEqualTo(3);
    assertThat(tail.latest().last().step()).isEqualTo(20);
  }

  @Test
  void headerDeclaringMoreUnitsThanTheLimitIsRefusedAtOnce() throws Exception {
    StringBuilder layers = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      layers.append(i == 1 ? "" : ",").append("{\"index\":").append(i)
          .append(",\"width\":10000000}");
    }
    Path file = write("huge.jsonl", "{\"format\":\"activation-lab/training-stats\",\"version\":2,"
        + "\"layout\":\"jsonl\",\"layers\":[" + layers + "]}\n" + "{\"step\":0,\"layers\":[{"
        + "\"neuronGradMeanAbs\":[1]}]}\n");
    assertThatThrownBy(() -> StatsFiles.read(file)).isInstanceOf(RunFileException.class)
        .hasMessageStartingWith(file + ":1:")
        .hasMessageContaining("more than 100000000 units")
        .hasMessageContaining("limit");
  }

  @Test
  void aLayerWiderThanTheLimitOrTooManyLayersAreRefused() throws Exception {
    Path wide = write("wide.json", "{\"format\":\"activation-lab/training-stats\",\"version\":2,"
        + "\"layers\":[{\"width\":10000001}],\"records\":[]}");
    assertThatThrownBy(() -> StatsFiles.read(wide)).hasMessageContaining(
        "layer 1 is 10000001 units wide, more than the limit of 10000000");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= 100_000; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    Path deep = write("many.json", "{\"format\":\"activation-lab/training-stats\",\"version\":2,"
        + "\"layers\":[" + many + "],\"records\":[]}");
    assertThatThrownBy(() -> StatsFiles.read(deep)).hasMessageContaining(
        "more than 100000 layers (the limit)");
  }

  @Test
  void recordsBeyondTheNumbersLimitAreRefusedBeforeTheyAreAllocated() throws Exception {
    // each record: 4 scalars + 9 per layer + 2 units + 2 flags + 9 + 1 unit = 27 numbers
    Limits small = new Limits(10, 10, 60);
    Path file = write("many-records.jsonl", HEADER + record(0) + record(1) + record(2));
    assertThat(StatsFiles.read(file, new Limits(10, 10, 81)).size()).isEqualTo(3);
    assertThatThrownBy(() -> StatsFiles.read(file, small)).isInstanceOf(RunFileException.class)
        .hasMessageStartingWith(file + ":4:")
        .hasMessageContaining("more than 60 numbers, the limit");
    // each row: 4 scalars + 9 per layer + 3 units = 16 numbers
    Path csv = write("many.csv", "step,layer,width,neuronGradMeanAbs\n0,1,3,1;2;3\n1,1,3,1;2;3\n"
        + "2,1,3,1;2;3\n");
    assertThatThrownBy(() -> StatsFiles.read(csv, new Limits(10, 10, 30)))
        .hasMessageStartingWith(csv + ":3:").hasMessageContaining("more than 30 numbers");
  }
}
