package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.activationlab.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/schema/sample-trace.schema.json is true to {@code explain --format json}: real output of
 * every task validates, broken documents are rejected, and its scenario is defined word for word
 * as in the other schemas.
 */
class SampleTraceSchemaTest {

  private static final Path SCHEMA = Path.of("docs", "schema", "sample-trace.schema.json");
  private static final Path STATS_SCHEMA = Path.of("docs", "schema", "training-stats.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SchemaRegistry registry;
  private static Schema schema;

  @BeforeAll
  static void load() throws IOException {
    registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    schema = registry.getSchema(JSON.readTree(SCHEMA.toFile()));
  }

  private static List<String> errors(Schema s, JsonNode doc) {
    return s.validate(doc).stream().map(Error::toString).toList();
  }

  private static JsonNode explain(String... options) throws IOException {
    String[] args = Stream.of(Stream.of("explain"), Stream.of(options),
        Stream.of("--format", "json")).flatMap(s -> s).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).as(String.join(" ", args)).isZero();
    return JSON.readTree(out.toByteArray());
  }

  @Test
  void isADraft202012SchemaWithTheScenarioOfTheOthers() throws IOException {
    Schema meta = registry.getSchema(
        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode node = JSON.readTree(SCHEMA.toFile());
    assertThat(errors(meta, node)).isEmpty();
    JsonNode stats = JSON.readTree(STATS_SCHEMA.toFile()).get("$defs");
    for (String def : List.of("lab", "activationSpec", "initializer")) {
      assertThat(node.get("$defs").get(def)).as(def).isEqualTo(stats.get(def));
    }
  }

  @Test
  void explainOutputOfEveryTaskIsValid() throws IOException {
    List<JsonNode> docs = List.of(
        explain("--preset", "dead-relu", "--step", "5", "--sample", "3"),
        explain("--preset", "playground", "--set", "dataset=spiral3", "--set",
            "activations=relu;gelu:approximate=true", "--split", "test", "--sample", "0"),
        explain("--preset", "playground", "--set", "dataset=sine", "--sample", "8"));
    for (JsonNode doc : docs) {
      assertThat(errors(schema, doc)).as(doc.get("task").asText()).isEmpty();
    }
  }

  private static JsonNode changed(JsonNode doc, Consumer<ObjectNode> change) {
    ObjectNode copy = doc.deepCopy();
    change.accept(copy);
    return copy;
  }

  private static ObjectNode unit(ObjectNode doc, int layer, int unit) {
    return (ObjectNode) doc.get("layers").get(layer).get("units").get(unit);
  }

  @Test
  void brokenDocumentsAreRejected() throws IOException {
    JsonNode good = explain("--preset", "playground", "--sample", "1");
    assertThat(errors(schema, good)).isEmpty();
    List<JsonNode> broken = List.of(
        changed(good, d -> d.put("format", "activation-lab/training-stats")),
        changed(good, d -> d.put("split", "validation")),
        changed(good, d -> d.put("sample", -1)),
        changed(good, d -> d.remove("loss")),
        changed(good, d -> d.put("colour", "red")),
        changed(good, d -> ((ObjectNode) d.get("scenario")).remove("seed")),
        changed(good, d -> unit(d, 0, 0).remove("delta")),
        changed(good, d -> unit(d, 0, 0).put("delta", "small")),
        changed(good, d -> unit(d, 0, 0).put("unit", 0)),
        changed(good, d -> ((ObjectNode) d.get("layers").get(0)).put("kind", "hiden")));
    for (JsonNode doc : broken) {
      assertThat(errors(schema, doc)).as(doc.toString()).isNotEmpty();
    }
  }
}
