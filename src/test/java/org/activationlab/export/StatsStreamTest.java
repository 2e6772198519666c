package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.export.TrainingStatsWriter.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statistics written record by record: the same bytes as the whole run written at once. */
class StatsStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static StatsStream open(Path out, Run run) throws IOException {
    return StatsStream.open(out, run.scenario(), run.layers(), 0);
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"s.json", "s.csv", "s.jsonl"})
  void streamedBytesEqualTheWholeRunWrittenAtOnce(String name) throws Exception {
    for (long divergedAt : new long[] {-1, 10}) {
      Run run = TrainingStatsWriterTest.run(divergedAt);
      Path streamed = dir.resolve(name);
      try (StatsStream s = open(streamed, run)) {
        for (Record r : run.records()) {
          s.add(r);
        }
        assertThat(s.finish(run.divergedAtStep())).isTrue();
        assertThat(s.records()).isEqualTo(2);
        assertThat(s.lastStep()).isEqualTo(10);
      }
      Path whole = dir.resolve("whole-" + name);
      TrainingStatsWriter.write(whole, run);
      assertThat(Files.readString(streamed)).isEqualTo(Files.readString(whole));
      assertThat(filesInDir()).containsExactlyInAnyOrder(streamed, whole); // no temporary file
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"s.json", "s.csv"})
  void jsonAndCsvAppearOnlyWhenFinishedAndNotAtAllWhenClosedBefore(String name)
      throws Exception {
    Run run = TrainingStatsWriterTest.run(-1);
    Path out = dir.resolve(name);
    try (StatsStream s = open(out, run)) {
      s.add(run.records().get(0));
      assertThat(out).doesNotExist();
      assertThat(filesInDir()).hasSize(1); // the temporary file, beside the target
    }
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void jsonLinesHoldWholeLinesAfterEveryRecordAndTheEndLineAfterTheFinish() throws Exception {
    Run run = TrainingStatsWriterTest.run(-1);
    Path out = dir.resolve("s.jsonl");
    try (StatsStream s = open(out, run)) {
      assertLines(out, 1); // the header before any record
      JsonNode header = JSON.readTree(Files.readAllLines(out).get(0));
      assertThat(header.get("layout").asText()).isEqualTo("jsonl");
      assertThat(header.get("source").asText()).isEqualTo("activation-lab");
      assertThat(header.has("meta")).isFalse(); // no regular spacing given
      assertThat(header.get("layers").get(1).get("name").asText()).isEqualTo("2");
      assertThat(header.get("layers").get(1).get("type").asText()).isEqualTo("dense");
      s.add(run.records().get(0));
      assertLines(out, 2);
      s.add(run.records().get(1));
      assertLines(out, 3);
      assertThat(s.finish(-1)).isTrue();
      s.add(run.records().get(1)); // after the finish: ignored
      assertThat(s.finish(7)).isFalse();
    }
    List<String> lines = assertLines(out, 4);
    JsonNode end = JSON.readTree(lines.get(3));
    assertThat(end.get("end").asBoolean()).isTrue();
    assertThat(end.get("diverged").asBoolean()).isFalse();
    assertThat(end.get("divergedAtStep").isNull()).isTrue();
    JsonNode r1 = JSON.readTree(lines.get(2)).get("layers").get(0);
    assertThat(r1.get("gradMeanAbs").isNull()).isTrue(); // NaN
    assertThat(r1.get("updateRatio").isNull()).isTrue(); // not measured
    assertThat(r1.get("histogram").get("counts").size()).isEqualTo(32);
    assertThat(r1.get("histogram").get("min").asDouble()).isEqualTo(-8);
    assertThat(r1.get("histogram").get("max").asDouble()).isEqualTo(8);
  }

  @Test
  void jsonLinesClosedWithoutAFinishKeepTheirLines() throws Exception {
    Run run = TrainingStatsWriterTest.run(-1);
    Path out = dir.resolve("s.jsonl");
    try (StatsStream s = open(out, run)) {
      s.add(run.records().get(0));
    }
    List<String> lines = assertLines(out, 2);
    assertThat(JSON.readTree(lines.get(1)).get("step").asLong()).isZero();
  }

  @Test
  void aFolderInTheWayIsAPlainError() throws Exception {
    Run run = TrainingStatsWriterTest.run(-1);
    for (String name : new String[] {"x.jsonl", "x.json"}) {
      Files.createDirectory(dir.resolve(name));
      assertThatThrownBy(() -> open(dir.resolve(name), run)).isInstanceOf(IOException.class)
          .hasMessageContaining("is a folder");
    }
    assertThatThrownBy(() -> open(dir.resolve("missing/x.csv"), run))
        .isInstanceOf(IOException.class).hasMessageContaining("folder does not exist");
  }

  /** The file holds exactly {@code n} lines, each ended by a newline and valid JSON. */
  private static List<String> assertLines(Path out, int n) throws IOException {
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(n);
    for (String line : lines) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
    }
    return lines;
  }
}
