package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.activationlab.cli.EvalCommandTest.Result;
import org.activationlab.export.ScenarioFile;
import org.activationlab.export.ScenarioJson;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: two runs side by side, their pictures and statistics. */
class CompareCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  private static Scenario scenarioOf(JsonNode stats) {
    return ScenarioJson.fromJson(stats.get("scenario"), Scenario.defaults(), null);
  }

  private static int lastStep(JsonNode stats) {
    JsonNode records = stats.get("records");
    return records.get(records.size() - 1).get("step").asInt();
  }

  @Test
  void writesSideBySidePicturesAndBothRunsStatistics() throws Exception {
    Path heatmap = dir.resolve("heatmap.png");
    Path history = dir.resolve("history.png");
    Path loss = dir.resolve("loss.png");
    Path boundary = dir.resolve("boundary.svg");
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.csv");
    Result r = run("compare", "--preset", "deep-sigmoid", "--vs-set", "activation=relu",
        "--vs-set", "init=he_normal", "--steps", "60", "--every", "20", "--heatmap",
        heatmap.toString(), "--history", history.toString(), "--loss", loss.toString(),
        "--boundary", boundary.toString(), "--stats", a + "," + b);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(files()).containsExactly("a.json", "b.csv", "boundary.svg", "heatmap.png",
        "history.png", "loss.png");

    BufferedImage h = ImageIO.read(heatmap.toFile());
    assertThat(h.getWidth()).isEqualTo(CompareCommand.defaultWidth(
        org.activationlab.render.LabDrawings.Kind.HEATMAP));
    assertThat(h.getHeight()).isEqualTo(TrainCommand.heatmapHeight(9) + 40);
    assertThat(ImageIO.read(history.toFile()).getWidth()).isEqualTo(1600);
    assertThat(ImageIO.read(loss.toFile()).getWidth()).isEqualTo(800);
    String svg = Files.readString(boundary, StandardCharsets.UTF_8);
    assertThat(svg.strip()).startsWith("<?xml").contains("<svg").endsWith("</svg>");
    // the tags over the halves say what sets each run apart
    assertThat(svg).contains("relu").contains("he_normal");

    JsonNode statsA = JSON.readTree(a.toFile());
    assertThat(scenarioOf(statsA)).isEqualTo(Presets.get("deep-sigmoid").scenario()
        .withSetting("steps", "60"));
    assertThat(lastStep(statsA)).isEqualTo(60);
    List<String> csv = Files.readAllLines(b);
    assertThat(csv.get(0)).startsWith("step,loss,testLoss,accuracy,layer,kind,width,activation");
    assertThat(csv.get(csv.size() - 1)).startsWith("60,");
    assertThat(csv.get(1)).contains(",relu,");

    assertThat(r.lines()).contains("B differs from A: activation sigmoid → relu, "
        + "init glorot_uniform → he_normal");
    assertThat(r.lines()).anyMatch(l -> l.startsWith("A: step 60, loss ")
        && l.endsWith("not diverged"));
    assertThat(r.lines()).anyMatch(l -> l.startsWith("B: step 60, loss ")
        && l.endsWith("not diverged"));
  }

  @Test
  void theStatisticsOfEachRunAreTrainsByteForByte() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Result r = run("compare", "--preset", "dead-relu", "--vs-preset", "leaky-relu", "--steps",
        "45", "--every", "10", "--seed", "3", "--stats", a + "," + b, "--boundary",
        dir.resolve("boundary.png").toString(), "--width", "700", "--height", "400");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(ImageIO.read(dir.resolve("boundary.png").toFile()).getWidth()).isEqualTo(700);
    assertThat(ImageIO.read(dir.resolve("boundary.png").toFile()).getHeight()).isEqualTo(400);

    Path trainA = dir.resolve("train-a.json");
    Path trainB = dir.resolve("train-b.json");
    assertThat(run("train", "--preset", "dead-relu", "--steps", "45", "--every", "10", "--seed",
        "3", "--stats", trainA.toString()).status()).isZero();
    assertThat(run("train", "--preset", "leaky-relu", "--steps", "45", "--every", "10", "--seed",
        "3", "--stats", trainB.toString()).status()).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(trainA));
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(trainB));
    JsonNode sa = JSON.readTree(a.toFile());
    JsonNode sb = JSON.readTree(b.toFile());
    assertThat(lastStep(sa)).isEqualTo(lastStep(sb)).isEqualTo(45);
    assertThat(sa.get("records")).hasSameSizeAs(sb.get("records"));
  }

  @Test
  void aPresetWithAReadyPairNeedsNoVsAndSetChangesBoth() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Result r = run("compare", "--preset", "deep-tanh", "--set", "learningRate=0.2", "--steps",
        "12", "--stats", a + "," + b);
    assertThat(r.status()).as(r.err()).isZero();
    Comparison ready = Comparison.ofPresetPair("deep-tanh");
    assertThat(scenarioOf(JSON.readTree(a.toFile()))).isEqualTo(ready.a().withSettings(
        java.util.Map.of("learningRate", "0.2", "steps", "12")));
    assertThat(scenarioOf(JSON.readTree(b.toFile()))).isEqualTo(ready.b().withSettings(
        java.util.Map.of("learningRate", "0.2", "steps", "12")));
    assertThat(r.out()).contains("B differs from A: init normal:stddev=0.15 → glorot_normal");
  }

  @Test
  void aConfigFileWithAComparisonIsHonoured() throws Exception {
    Path lesson = Path.of("assets", "scenarios", "compare-sigmoid-relu.json");
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Result r = run("compare", "--config", lesson.toString(), "--steps", "20", "--stats",
        a + "," + b, "--network", dir.resolve("net.png").toString());
    assertThat(r.status()).as(r.err()).isZero();
    Comparison pair = ScenarioFile.read(lesson).document().comparison().orElseThrow();
    assertThat(scenarioOf(JSON.readTree(a.toFile()))).isEqualTo(
        pair.a().withSetting("steps", "20"));
    assertThat(scenarioOf(JSON.readTree(b.toFile()))).isEqualTo(
        pair.b().withSetting("steps", "20"));
    assertThat(r.out()).contains("B differs from A: " + pair.describe());

    // a --vs option replaces the file's B
    Result vs = run("compare", "--config", lesson.toString(), "--steps", "5", "--vs-set",
        "activation=tanh", "--stats", a + "," + b);
    assertThat(vs.status()).as(vs.err()).isZero();
    assertThat(scenarioOf(JSON.readTree(b.toFile())).activation()).isEqualTo("tanh");
    assertThat(scenarioOf(JSON.readTree(b.toFile())).init().spec()).isEqualTo("glorot_uniform");

    // a file without a comparison needs a --vs option
    Path plain = Path.of("assets", "scenarios", "dead-relus.json");
    Path c = dir.resolve("c.json");
    Path d = dir.resolve("d.json");
    Result none = run("compare", "--config", plain.toString(), "--stats", c + "," + d);
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).startsWith("error: run B is missing").contains("holds no comparison");
    assertThat(Files.exists(c)).isFalse();
  }

  @Test
  void aDivergedRunStopsWhereItIsAndTheOtherGoesOn() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Path heatmap = dir.resolve("h.png");
    Result r = run("compare", "--preset", "exploding", "--vs-set", "init=he_normal", "--steps",
        "100", "--every", "5", "--stats", a + "," + b, "--heatmap", heatmap.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(TrainCommand.DIVERGED);
    JsonNode sa = JSON.readTree(a.toFile());
    JsonNode sb = JSON.readTree(b.toFile());
    assertThat(sa.get("diverged").asBoolean()).isTrue();
    assertThat(sb.get("diverged").asBoolean()).isFalse();
    assertThat(lastStep(sb)).isEqualTo(100);
    assertThat(lastStep(sa)).isLessThan(100);
    assertThat(ImageIO.read(heatmap.toFile())).isNotNull();
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("run A diverged at step ");
    assertThat(r.lines()).anyMatch(l -> l.startsWith("A: ") && l.contains("diverged at step"));
    assertThat(r.lines()).anyMatch(l -> l.startsWith("B: step 100") && l.endsWith("not diverged"));
  }

  @Test
  void badInputIsOneLineStatusTwoAndNothingWritten() throws Exception {
    String a = dir.resolve("a.json").toString();
    String b = dir.resolve("b.json").toString();
    String png = dir.resolve("h.png").toString();
    String[][] cases = {
        {"A and B must train on the same data", "compare", "--preset", "deep-sigmoid",
            "--vs-set", "dataset=xor", "--heatmap", png, "--stats", a + "," + b},
        {"dataset xor vs circle", "compare", "--preset", "deep-sigmoid", "--set", "dataset=xor",
            "--vs-preset", "relu-he", "--heatmap", png},
        {"seed 1 vs 4", "compare", "--preset", "deep-sigmoid", "--vs-set", "seed=4",
            "--heatmap", png},
        {"unknown preset 'nope'", "compare", "--preset", "deep-sigmoid", "--vs-preset", "nope",
            "--heatmap", png},
        {"unknown preset 'nope'", "compare", "--preset", "nope", "--vs-set", "activation=relu",
            "--heatmap", png},
        {"colour", "compare", "--preset", "deep-sigmoid", "--vs-set", "colour=red",
            "--heatmap", png},
        {"--vs-set needs key=value", "compare", "--preset", "deep-sigmoid", "--vs-set", "relu",
            "--heatmap", png},
        {"run B is missing", "compare", "--preset", "playground", "--heatmap", png},
        {"nothing to write", "compare", "--preset", "deep-sigmoid", "--vs-set",
            "activation=relu"},
        {"--stats needs two files", "compare", "--preset", "deep-sigmoid", "--vs-set",
            "activation=relu", "--stats", a},
        {"--heatmap must end in .png or .svg", "compare", "--preset", "deep-sigmoid",
            "--vs-set", "activation=relu", "--heatmap", dir.resolve("h.jpg").toString()},
        {"same file", "compare", "--preset", "deep-sigmoid", "--vs-set", "activation=relu",
            "--stats", a + "," + a},
        {"--width and --height", "compare", "--preset", "deep-sigmoid", "--vs-set",
            "activation=relu", "--heatmap", png, "--width", "50"},
        {"folder does not exist", "compare", "--preset", "deep-sigmoid", "--vs-set",
            "activation=relu", "--heatmap", dir.resolve("no/h.png").toString()}};
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      Result r = run(args);
      assertThat(r.status()).as(c[0] + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(c[0] + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).as(c[0]).startsWith("error: ").contains(c[0]);
      assertThat(r.out()).as(c[0]).isEmpty();
      assertThat(files()).as(c[0]).isEmpty();
    }
  }

  @Test
  void compareIsACommandAndInTheUsage() {
    assertThat(Cli.isCommand("compare")).isTrue();
    Result help = run("--help");
    assertThat(help.out()).contains("compare");
    Result usage = run("help", "compare");
    assertThat(usage.out()).contains("--vs-set", "--vs-preset", "--stats", "--heatmap");
  }
}
