package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.activationlab.cli.EvalCommandTest.Result;
import org.activationlab.export.ScenarioDocument;
import org.activationlab.export.ScenarioFile;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --config} with scenario documents, the sample lessons, the GUI's file argument. */
class ScenarioConfigTest {

  static final Path LESSONS = Path.of("assets", "scenarios");

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everySampleLessonOpensCleanlyAndTrains() throws Exception {
    List<Path> lessons;
    try (Stream<Path> s = Files.list(LESSONS)) {
      lessons = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(lessons.stream().map(p -> p.getFileName().toString()))
        .contains("vanishing-gradients.json", "dead-relus.json", "initialisation.json",
            "compare-sigmoid-relu.json");
    for (Path lesson : lessons) {
      ScenarioFile.Loaded loaded = ScenarioFile.read(lesson);
      assertThat(loaded.warnings()).as(lesson.toString()).isEmpty();
      assertThat(loaded.document().notes().en()).as(lesson + " explains itself")
          .hasSizeGreaterThan(100);
      assertThat(loaded.document().notes().zh()).as(lesson + " explains itself in Chinese")
          .hasSizeGreaterThan(100);
      // a lesson file is written as the format writes it (so it round-trips unchanged)
      assertThat(ScenarioFile.toBytes(loaded.document())).as(lesson.toString())
          .isEqualTo(Files.readAllBytes(lesson));

      Path out = dir.resolve(lesson.getFileName());
      Result r = run("train", "--config", lesson.toString(), "--steps", "5", "--every", "1",
          "--stats", out.toString());
      assertThat(r.status()).as(lesson + ": " + r.err()).isZero();
      assertThat(r.err()).as(lesson.toString()).isEmpty();
      JsonNode stats = new ObjectMapper().readTree(out.toFile());
      assertThat(stats.get("records")).hasSize(6);
      assertThat(org.activationlab.export.ScenarioJson.fromJson(stats.get("scenario"), Scenario.defaults(), null))
          .isEqualTo(loaded.document().lab().toBuilder().steps(5).build());
    }
  }

  @Test
  void theLessonsShowWhatTheySay() throws Exception {
    ScenarioDocument vanishing = ScenarioFile.read(LESSONS.resolve("vanishing-gradients.json"))
        .document();
    assertThat(vanishing.lab().activation()).isEqualTo("sigmoid");
    assertThat(vanishing.lab().hidden()).hasSize(8);
    ScenarioDocument dead = ScenarioFile.read(LESSONS.resolve("dead-relus.json")).document();
    assertThat(dead.lab().activation()).isEqualTo("relu");
    assertThat(dead.lab().biasInit().spec()).startsWith("constant");
    ScenarioDocument init = ScenarioFile.read(LESSONS.resolve("initialisation.json")).document();
    assertThat(init.lab().activation()).isEqualTo("tanh");
    assertThat(init.lab().init().spec()).isEqualTo("normal:stddev=0.15");
    assertThat(init.notes().en()).contains("glorot_normal");
    assertThat(init.notes().zh()).contains("glorot_normal");
    ScenarioDocument pair = ScenarioFile.read(LESSONS.resolve("compare-sigmoid-relu.json"))
        .document();
    assertThat(pair.comparison()).contains(
        org.activationlab.training.Comparison.ofPresetPair("deep-sigmoid"));
    assertThat(List.of(vanishing, dead, init)).allMatch(d -> d.comparison().isEmpty());
  }

  @Test
  void aScenarioDocumentIsAcceptedAndItsUnknownFieldsAreWarnedAbout() throws Exception {
    Path cfg = dir.resolve("lesson.json");
    Files.writeString(cfg, "{\"format\":\"activation-lab/scenario\",\"version\":1,"
        + "\"explorer\":{\"functions\":[\"relu\"],\"selected\":\"relu\"},"
        + "\"lab\":{\"dataset\":\"xor\",\"hidden\":[6,6],\"colour\":\"red\",\"steps\":12},"
        + "\"stickers\":true}");
    Path out = dir.resolve("s.json");
    Result r = run("train", "--config", cfg.toString(), "--seed", "3", "--stats", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err().lines().toList()).containsExactlyInAnyOrder(
        "warning: " + cfg + ": unknown field 'stickers' ignored",
        "warning: " + cfg + ": unknown field 'lab.colour' ignored");
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("scenario").get("dataset").asText()).isEqualTo("xor");
    assertThat(root.get("scenario").get("seed").asInt()).isEqualTo(3);
    assertThat(root.get("layers")).hasSize(3);
    assertThat(root.get("records").get(root.get("records").size() - 1).get("step").asInt())
        .isEqualTo(12);
  }

  @Test
  void badScenarioDocumentsGiveOneLineStatusTwoAndNothingWritten() throws Exception {
    String[][] files = {
        {"v2.json", "{\"format\":\"activation-lab/scenario\",\"version\":2}", "version 2"},
        {"trunc.json", "{\"format\":\"activation-lab/scenario\",\"version\":1,\"lab\":{",
            "truncated"},
        {"deep.json", "{\"format\":\"activation-lab/scenario\",\"version\":1,\"x\":"
            + "[".repeat(100) + "]".repeat(100) + "}", "nested deeper"},
        {"dup.json", "{\"format\":\"activation-lab/scenario\",\"version\":1,\"lab\":"
            + "{\"seed\":1,\"seed\":1}}", "duplicate key"},
        {"bad-value.json", "{\"format\":\"activation-lab/scenario\",\"version\":1,\"lab\":"
            + "{\"batchSize\":0}}", "batchSize"},
        {"other.json", "{\"format\":\"something-else\",\"version\":1}", "not a scenario file"}};
    Path stats = dir.resolve("out.json");
    Path gif = dir.resolve("out.gif");
    for (String[] f : files) {
      Path cfg = Files.writeString(dir.resolve(f[0]), f[1]);
      Result r = run("train", "--config", cfg.toString(), "--stats", stats.toString(), "--gif",
          gif.toString());
      assertThat(r.status()).as(f[0] + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(f[0] + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).as(f[0]).startsWith("error: config ").contains(f[2]);
      assertThat(files()).as(f[0]).doesNotContain("out.json", "out.gif").allMatch(
          n -> !n.startsWith("."));
      Files.delete(cfg);
    }
  }

  @Test
  void aScenarioFileArgumentIsForTheGuiNotACommand() {
    assertThat(Cli.isCommand("lesson.json")).isFalse();
    assertThat(Cli.isCommand("assets/scenarios/dead-relus.json")).isFalse();
    assertThat(ScenarioFile.argument(List.of("lesson.JSON"))).isEqualTo(
        Optional.of(Path.of("lesson.JSON")));
    assertThat(ScenarioFile.argument(List.of("train"))).isEmpty();
    assertThat(ScenarioFile.argument(List.of("a.json", "b.json"))).isEmpty();
    assertThat(ScenarioFile.argument(List.of())).isEmpty();
  }
}
