package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.cli.EvalCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --stats OUT.jsonl} and {@code compare}'s: the JSON Lines layout with the values
 * of the JSON layout, divergence, and what a stopped program leaves (a child JVM sent SIGTERM).
 */
class StreamingStatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  /** The lines of a JSON Lines file, each parsed; the text must end with a newline. */
  private static List<JsonNode> lines(Path jsonl) throws IOException {
    String text = Files.readString(jsonl, StandardCharsets.UTF_8);
    assertThat(text).as(jsonl.toString()).endsWith("\n");
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.lines().toList()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** A JSON Lines record without the fields only that layout has. */
  private static JsonNode withoutExtras(JsonNode record) {
    ObjectNode r = record.deepCopy();
    for (JsonNode layer : r.get("layers")) {
      ((ObjectNode) layer).remove(List.of("updateRatio", "histogram"));
    }
    return r;
  }

  @Test
  void jsonLinesHoldTheJsonValuesOneLinePerRecordBetweenHeaderAndEnd() throws Exception {
    Path json = dir.resolve("s.json");
    Path jsonl = dir.resolve("s.jsonl");
    String[] common = {"train", "--preset", "dead-relu", "--steps", "25", "--every", "10",
        "--seed", "7", "--stats"};
    assertThat(run(Stream.concat(Stream.of(common), Stream.of(json.toString()))
        .toArray(String[]::new)).status()).isZero();
    Result r = run(Stream.concat(Stream.of(common), Stream.of(jsonl.toString()))
        .toArray(String[]::new));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + jsonl + " (4 records)");

    JsonNode doc = JSON.readTree(json.toFile());
    List<JsonNode> lines = lines(jsonl);
    assertThat(lines).hasSize(1 + 4 + 1);
    JsonNode header = lines.get(0);
    assertThat(header.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(header.get("version").asInt()).isEqualTo(2);
    assertThat(header.get("layout").asText()).isEqualTo("jsonl");
    assertThat(header.get("source").asText()).isEqualTo("activation-lab");
    assertThat(header.get("meta").get("every").asInt()).isEqualTo(10);
    assertThat(header.get("scenario")).isEqualTo(doc.get("scenario"));
    assertThat(header.get("layers").size()).isEqualTo(doc.get("layers").size());
    for (int l = 0; l < doc.get("layers").size(); l++) {
      ObjectNode layer = header.get("layers").get(l).deepCopy();
      assertThat(layer.remove("name").asText()).isEqualTo(Integer.toString(l + 1));
      assertThat(layer.remove("type").asText()).isEqualTo("dense");
      assertThat(layer).isEqualTo(doc.get("layers").get(l));
    }
    for (int i = 0; i < 4; i++) {
      JsonNode rec = lines.get(1 + i);
      assertThat(withoutExtras(rec)).isEqualTo(doc.get("records").get(i));
      for (JsonNode layer : rec.get("layers")) {
        JsonNode h = layer.get("histogram");
        assertThat(h.get("counts").size()).isEqualTo(32);
        long total = h.get("below").asLong() + h.get("above").asLong();
        for (JsonNode c : h.get("counts")) {
          total += c.asLong();
        }
        assertThat(total).isPositive(); // every probe value of every unit is counted somewhere
        if (i == 0) {
          assertThat(layer.get("updateRatio").isNull()).isTrue(); // no update before step 0
        } else {
          assertThat(layer.get("updateRatio").asDouble()).isPositive();
        }
      }
    }
    JsonNode end = lines.get(5);
    assertThat(end.get("end").asBoolean()).isTrue();
    assertThat(end.get("diverged")).isEqualTo(doc.get("diverged"));
    assertThat(end.get("divergedAtStep")).isEqualTo(doc.get("divergedAtStep"));

    // the lines put together as one document, extra fields and all, satisfy the JSON schema
    ObjectNode together = JSON.createObjectNode();
    together.put("format", header.get("format").asText());
    together.put("version", header.get("version").asInt());
    together.set("scenario", header.get("scenario"));
    together.set("layers", header.get("layers"));
    lines.subList(1, 5).forEach(together.putArray("records")::add);
    together.set("diverged", end.get("diverged"));
    together.set("divergedAtStep", end.get("divergedAtStep"));
    List<String> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.readTree(Path.of("docs", "schema", "training-stats.schema.json")
            .toFile())).validate(together).stream().map(Error::toString).toList();
    assertThat(errors).isEmpty();
  }

  @Test
  void aDivergedRunEndsItsJsonLinesWithTheDivergenceAndExitsThree() throws Exception {
    Path jsonl = dir.resolve("x.jsonl");
    Result r = run("train", "--preset", "exploding", "--set", "learningRate=100", "--every", "1",
        "--seed", "3", "--stats", jsonl.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(TrainCommand.DIVERGED);
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream(
        "/org/activationlab/export/golden-exploding.json")) {
      golden = JSON.readTree(in);
    }
    List<JsonNode> lines = lines(jsonl);
    JsonNode records = golden.get("records");
    assertThat(lines).hasSize(1 + records.size() + 1);
    for (int i = 0; i < records.size(); i++) {
      assertThat(withoutExtras(lines.get(1 + i))).isEqualTo(records.get(i));
    }
    JsonNode end = lines.get(lines.size() - 1);
    assertThat(end.get("diverged").asBoolean()).isTrue();
    assertThat(end.get("divergedAtStep")).isEqualTo(golden.get("divergedAtStep"));
    assertThat(r.err()).contains("stats written up to step "
        + records.get(records.size() - 1).get("step").asInt());
  }

  @Test
  void compareStreamsJsonLinesAsTrainDoes() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.csv");
    Path t = dir.resolve("t.jsonl");
    Result c = run("compare", "--preset", "deep-sigmoid", "--vs-set", "activation=relu",
        "--steps", "30", "--every", "10", "--stats", a + "," + b);
    assertThat(c.status()).as(c.err()).isZero();
    assertThat(c.out()).contains("wrote " + a + " (run A, 4 records)")
        .contains("wrote " + b + " (run B, 4 records)");
    Result r = run("train", "--preset", "deep-sigmoid", "--steps", "30", "--every", "10",
        "--stats", t.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(t));
    assertThat(Files.readAllLines(b)).hasSize(1 + 4 * 9);
  }

  @Test
  void theStatsOptionNamesTheThreeLayouts() {
    Result r = run("train", "--preset", "deep-sigmoid", "--stats",
        dir.resolve("s.txt").toString());
    assertThat(r.status()).isEqualTo(Cli.BAD_INPUT);
    assertThat(r.err()).contains(".json, .csv or .jsonl");
    assertThat(dir.resolve("s.txt")).doesNotExist();
  }
}
