package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.activationlab.cli.EvalCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: the run viewer's pictures and numbers of a run file, headless. */
class ReportCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  /** Our own stats file of a short deep-sigmoid run. */
  private Path stats(String name) {
    Path out = dir.resolve(name);
    Result r = run("train", "--preset", "deep-sigmoid", "--steps", "40", "--every", "10",
        "--stats", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    return out;
  }

  @Test
  void reportsTheNumbersOfTheFileAtTheAskedStep() throws Exception {
    Path file = stats("run.json");
    JsonNode written = JSON.readTree(file.toFile());
    Result r = run("report", "--run", file.toString(), "--step", "25", "--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("step").asLong()).isEqualTo(20); // the record at or before 25
    assertThat(report.get("records").asInt()).isEqualTo(5);
    assertThat(report.get("source").asText()).isEqualTo("activation-lab");
    JsonNode record = written.get("records").get(2);
    assertThat(record.get("step").asInt()).isEqualTo(20);
    for (int l = 0; l < record.get("layers").size(); l++) {
      JsonNode a = record.get("layers").get(l);
      JsonNode b = report.get("layers").get(l);
      assertThat(b.get("gradMeanAbs").asDouble()).isEqualTo(a.get("gradMeanAbs").asDouble());
      assertThat(b.get("gradWeightRms").asDouble()).isEqualTo(a.get("gradWeightRms").asDouble());
      assertThat(b.get("deadFraction").asDouble()).isEqualTo(a.get("deadFraction").asDouble());
      assertThat(b.get("width").asInt()).isEqualTo(written.get("layers").get(l).get("width")
          .asInt());
    }
    assertThat(report.get("layers").get(8).get("kind").asText()).isEqualTo("output");
  }

  @Test
  void drawsEveryPictureAsPngOrSvg() throws Exception {
    Path file = stats("run.csv");
    Path heatmap = dir.resolve("h.png");
    Path history = dir.resolve("hi.svg");
    Path loss = dir.resolve("l.png");
    Path act = dir.resolve("a.png");
    Result r = run("report", "--run", file.toString(), "--heatmap", heatmap.toString(),
        "--history", history.toString(), "--loss", loss.toString(), "--activations",
        act.toString(), "--layer", "3", "--lang", "zh");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Activation Lab run, 9 layers, 5 records, steps 0–40")
        .contains("wrote " + heatmap);
    BufferedImage h = ImageIO.read(heatmap.toFile());
    assertThat(h.getWidth()).isEqualTo(1600);
    assertThat(distinctColours(h)).isGreaterThan(20); // cells in many colours, not a blank
    assertThat(Files.readString(history)).startsWith("<?xml").contains("<svg");
    assertThat(ImageIO.read(loss.toFile()).getHeight()).isEqualTo(520);
    assertThat(ImageIO.read(act.toFile())).isNotNull();
  }

  private static int distinctColours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void badInputIsOneLineAndWritesNothing() throws Exception {
    Path file = stats("run.json");
    Path png = dir.resolve("out.png");
    Result missing = run("report", "--run", dir.resolve("nope.jsonl").toString(), "--heatmap",
        png.toString());
    assertThat(missing.status()).isEqualTo(Cli.BAD_INPUT);
    assertThat(missing.err().lines().toList()).hasSize(1);
    assertThat(missing.err()).contains("nope.jsonl");

    Path notOurs = dir.resolve("other.json");
    Files.writeString(notOurs, "{\"hello\": 1}");
    Result wrong = run("report", "--run", notOurs.toString(), "--heatmap", png.toString());
    assertThat(wrong.status()).isEqualTo(Cli.BAD_INPUT);
    assertThat(wrong.err().lines().toList()).hasSize(1);
    assertThat(wrong.err()).contains("other.json");

    Result badLayer = run("report", "--run", file.toString(), "--activations", png.toString(),
        "--layer", "10");
    assertThat(badLayer.status()).isEqualTo(Cli.BAD_INPUT);
    assertThat(badLayer.err()).contains("--layer must be in 1..9");

    Result badName = run("report", "--run", file.toString(), "--heatmap",
        dir.resolve("h.gif").toString());
    assertThat(badName.status()).isEqualTo(Cli.BAD_INPUT);
    Result badMetric = run("report", "--run", file.toString(), "--metric", "speed");
    assertThat(badMetric.status()).isEqualTo(Cli.BAD_INPUT);
    assertThat(badMetric.err()).contains("meanAbsDelta");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("other.json", "run.json");
    }
  }

  @Test
  void listsAlertsOfTheRun() {
    Path out = dir.resolve("dead.json");
    Result t = run("train", "--preset", "dead-relu", "--steps", "60", "--every", "20", "--stats",
        out.toString());
    assertThat(t.status()).as(t.err()).isZero();
    Result r = run("report", "--run", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    // the preset's third layer starts with more than half of its units dead
    assertThat(r.out()).contains("1 alert:")
        .containsPattern("layer 3: up to \\d+(\\.\\d)? % of its units dead, steps 0–0");
    Result clean = run("report", "--run", stats("sigmoid.json").toString());
    assertThat(clean.out()).doesNotContain("units dead");
  }

  @Test
  void readsATensorBoardLogAsParameterGradients() throws Exception {
    Path png = dir.resolve("tb.png");
    Result r = run("report", "--run", "src/test/resources/runs/tensorboard/mlp", "--format",
        "json", "--heatmap", png.toString(), "--metric", "weightRms");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("source").asText()).isEqualTo("tensorboard");
    assertThat(report.get("records").asInt()).isEqualTo(30);
    JsonNode expected = JSON.readTree(Path.of(
        "src/test/resources/runs/tensorboard/expected.json").toFile());
    for (JsonNode layer : report.get("layers")) {
      assertThat(layer.get("gradMeanAbs").isNull()).as("no δ in a TensorBoard log").isTrue();
      assertThat(layer.get("deadFraction").isNull()).isTrue();
      assertThat(layer.get("gradWeightRms").asDouble()).isPositive();
    }
    // the last record's weight-gradient RMS of each layer, as torch computed it
    JsonNode last = expected.get("steps").get(29);
    assertThat(last.get("step").asInt()).isEqualTo(report.get("step").asInt());
    for (JsonNode layer : report.get("layers")) {
      double torch = last.get("params").get(layer.get("name").asText() + ".weight").get("rms")
          .asDouble();
      assertThat(layer.get("gradWeightRms").asDouble())
          .isCloseTo(torch, org.assertj.core.api.Assertions.within(1e-6 * torch));
    }
    assertThat(Files.size(png)).isPositive();
  }
}
