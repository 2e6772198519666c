package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.activationlab.cli.EvalCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  @Test
  void jsonHasTheDocumentedStructure() throws Exception {
    Path out = dir.resolve("s.json");
    Result r = run("train", "--preset", "deep-sigmoid", "--steps", "95", "--every", "20",
        "--stats", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(root.get("version").asInt()).isEqualTo(2);
    assertThat(root.get("scenario").get("activation").asText()).isEqualTo("sigmoid");
    assertThat(root.get("scenario").get("steps").asInt()).isEqualTo(95);
    JsonNode layers = root.get("layers");
    assertThat(layers.size()).isEqualTo(9);
    assertThat(layers.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(layers.get(0).get("kind").asText()).isEqualTo("hidden");
    assertThat(layers.get(0).get("width").asInt()).isEqualTo(8);
    assertThat(layers.get(0).get("activation").asText()).isEqualTo("sigmoid");
    assertThat(layers.get(8).get("kind").asText()).isEqualTo("output");
    assertThat(layers.get(8).get("width").asInt()).isEqualTo(1);
    List<Integer> steps = new ArrayList<>();
    for (JsonNode rec : root.get("records")) {
      steps.add(rec.get("step").asInt());
      assertThat(rec.get("loss").isNumber()).isTrue();
      assertThat(rec.get("testLoss").isNumber()).isTrue();
      assertThat(rec.get("accuracy").asDouble()).isBetween(0.0, 1.0);
      assertThat(rec.get("layers").size()).isEqualTo(9);
      JsonNode l0 = rec.get("layers").get(0);
      for (String f : List.of("gradMeanAbs", "gradWeightRms", "deadFraction", "inactiveFraction",
          "saturatedFraction", "activationMean", "activationStd")) {
        assertThat(l0.get(f).isNumber()).as(f).isTrue();
      }
      assertThat(l0.get("neuronGradMeanAbs").size()).isEqualTo(8);
      assertThat(l0.get("dead").size()).isEqualTo(8);
      assertThat(l0.get("dead").get(0).isBoolean()).isTrue();
    }
    assertThat(steps).containsExactly(0, 20, 40, 60, 80, 95);
    assertThat(root.get("diverged").asBoolean()).isFalse();
    assertThat(root.get("divergedAtStep").isNull()).isTrue();
    // the physics is visible in the file: first hidden layer far below the last one
    JsonNode last = root.get("records").get(5).get("layers");
    assertThat(last.get(7).get("gradMeanAbs").asDouble() / last.get(0).get("gradMeanAbs").asDouble())
        .isGreaterThan(100);
    assertThat(r.out()).contains("wrote").contains("trained 95 steps");
  }

  @Test
  void csvHasOneRowPerRecordAndLayer() throws Exception {
    Path out = dir.resolve("s.csv");
    Result r = run("train", "--preset", "dead-relu", "--steps", "50", "--stats", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).startsWith("step,loss,testLoss,accuracy,layer,kind,width,activation,"
        + "gradMeanAbs");
    // records 0, 10, ..., 50 = 6; layers 3 hidden + output = 4
    assertThat(lines).hasSize(1 + 6 * 4);
    int columns = lines.get(0).split(",", -1).length;
    for (String l : lines) {
      assertThat(l.split(",", -1)).hasSize(columns);
    }
    assertThat(lines.get(1)).startsWith("0,");
    assertThat(lines.get(4)).contains(",output,");
    assertThat(lines.get(24)).startsWith("50,");
  }

  @Test
  void configFileAndSettingsApply() throws Exception {
    Path cfg = dir.resolve("c.json");
    Files.writeString(cfg, "{\"dataset\":\"xor\",\"hidden\":[8,8],\"activation\":\"sigmoid\","
        + "\"steps\":30}");
    Path out = dir.resolve("s.json");
    Result r = run("train", "--config", cfg.toString(), "--set", "hidden=6x3", "--set",
        "activation=leaky_relu:negative_slope=0.2", "--seed", "4", "--stats", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("scenario").get("dataset").asText()).isEqualTo("xor");
    assertThat(root.get("scenario").get("seed").asInt()).isEqualTo(4);
    assertThat(root.get("layers").size()).isEqualTo(4);
    assertThat(root.get("layers").get(0).get("activation").asText())
        .isEqualTo("leaky_relu:negative_slope=0.2");
    assertThat(root.get("records").get(root.get("records").size() - 1).get("step").asInt())
        .isEqualTo(30);
  }

  @Test
  void badInputGivesOneLineStatusTwoAndNoFile() throws Exception {
    Path out = dir.resolve("bad.json");
    Path cfg = dir.resolve("unknown-field.json");
    Files.writeString(cfg, "{\"colour\":\"red\"}");
    String[][] cases = {
        {"train", "--preset", "deep-relu", "--stats", out.toString()},
        {"train", "--preset", "playground", "--set", "colour=red", "--stats", out.toString()},
        {"train", "--preset", "playground", "--set", "learningRate=fast", "--stats", out.toString()},
        {"train", "--preset", "playground", "--set", "dataset=donut", "--stats", out.toString()},
        {"train", "--preset", "playground", "--set", "noequals", "--stats", out.toString()},
        {"train", "--preset", "playground", "--steps", "0", "--stats", out.toString()},
        {"train", "--preset", "playground", "--steps", "-5", "--stats", out.toString()},
        {"train", "--preset", "playground", "--every", "0", "--stats", out.toString()},
        {"train", "--config", dir.resolve("missing.json").toString(), "--stats", out.toString()},
        {"train", "--config", cfg.toString(), "--stats", out.toString()},
        {"train", "--preset", "playground", "--config", cfg.toString(), "--stats", out.toString()},
        {"train", "--stats", out.toString()},
        {"train", "--preset", "playground", "--stats", dir.resolve("s.txt").toString()},
        {"train", "--preset", "playground", "--stats", out.toString(), "--heatmap",
            dir.resolve("h.jpg").toString()},
        {"train", "--preset", "playground", "--stats", dir.resolve("no/such/s.json").toString()},
        {"train", "--preset", "playground"}};
    for (String[] args : cases) {
      Result r = run(args);
      String what = String.join(" ", args);
      assertThat(r.status()).as(what + " → " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(what + ": " + r.err()).isEqualTo(1);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("nothing written: " + what).containsOnly("unknown-field.json");
      }
    }
    assertThat(run(cases[0]).err()).contains("unknown preset 'deep-relu'").contains("deep-sigmoid");
    assertThat(run(cases[1]).err()).contains("colour").contains("learningRate");
    assertThat(run(cases[9]).err()).contains("unknown scenario field 'colour'");
  }

  @Test
  void divergedRunWritesStatsUpToTheDivergenceAndExitsThree() throws Exception {
    Path out = dir.resolve("d.json");
    Path png = dir.resolve("h.png");
    Result r = run("train", "--preset", "exploding", "--set", "learningRate=100", "--every", "1",
        "--stats", out.toString(), "--heatmap", png.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("diverged at step");
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("diverged").asBoolean()).isTrue();
    int at = root.get("divergedAtStep").asInt();
    assertThat(at).isPositive();
    JsonNode recs = root.get("records");
    assertThat(recs.size()).isEqualTo(at); // steps 0 .. at-1, every 1
    assertThat(recs.get(recs.size() - 1).get("step").asInt()).isEqualTo(at - 1);
    assertThat(Files.exists(png)).isFalse();
  }

  @Test
  void theDivergenceStepDoesNotDependOnHowOftenRecordsAreWritten() throws Exception {
    for (int seed = 1; seed <= 10; seed++) {
      int[] at = new int[2];
      String[] every = {"1", "10"};
      for (int i = 0; i < 2; i++) {
        Path out = dir.resolve("e" + seed + "-" + every[i] + ".json");
        Result r = run("train", "--preset", "exploding", "--seed", String.valueOf(seed),
            "--every", every[i], "--stats", out.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(3);
        at[i] = new ObjectMapper().readTree(out.toFile()).get("divergedAtStep").asInt();
      }
      assertThat(at[1]).as("seed " + seed + ": --every 10 as --every 1").isEqualTo(at[0]);
    }
  }

  @Test
  void aFiniteBlowUpIsADivergenceWithItsReason() throws Exception {
    Path out = dir.resolve("big.json");
    Result r = run("train", "--preset", "playground", "--set", "learningRate=1e6", "--stats",
        out.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("rose above 1000 times its first value");
    Result huge = run("train", "--preset", "playground", "--set", "init=normal:stddev=1e300",
        "--stats", out.toString());
    assertThat(huge.status()).as(huge.err()).isEqualTo(3);
    assertThat(huge.err()).contains("diverged at step 1").contains("beyond ±1 000 000");
  }

  @Test
  void picturesHaveTheRightSizeAndAreNotBlank() throws Exception {
    Path h = dir.resolve("h.png");
    Path b = dir.resolve("b.png");
    Path s = dir.resolve("s.json");
    Result r = run("train", "--preset", "dead-relu", "--steps", "60", "--stats", s.toString(),
        "--heatmap", h.toString(), "--boundary", b.toString());
    assertThat(r.status()).as(r.err()).isZero();
    BufferedImage heat = ImageIO.read(h.toFile());
    assertThat(heat.getWidth()).isEqualTo(1000);
    assertThat(heat.getHeight()).isEqualTo(80 + 46 * 4);
    assertThat(colours(heat)).isGreaterThan(20);
    BufferedImage bound = ImageIO.read(b.toFile());
    assertThat(bound.getWidth()).isEqualTo(800);
    assertThat(bound.getHeight()).isEqualTo(800);
    assertThat(colours(bound)).isGreaterThan(50);
    Path sine = dir.resolve("sine.png");
    assertThat(run("train", "--preset", "playground", "--set", "dataset=sine", "--steps", "20",
        "--stats", dir.resolve("sine.csv").toString(), "--boundary", sine.toString()).status())
        .isZero();
    assertThat(colours(ImageIO.read(sine.toFile()))).isGreaterThan(10);
  }

  static int colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void presetsListsNamesStepsAndTitles() {
    Result r = run("presets");
    assertThat(r.status()).isZero();
    assertThat(r.lines()).hasSize(8);
    assertThat(r.lines().get(1)).startsWith("deep-sigmoid").contains("300")
        .contains("vanishing");
    assertThat(run("presets", "--lang", "zh").out()).contains("梯度消失");
    assertThat(run("presets", "--lang", "fr").status()).isEqualTo(2);
    assertThat(Cli.isCommand("train")).isTrue();
    assertThat(Cli.isCommand("presets")).isTrue();
  }
}
