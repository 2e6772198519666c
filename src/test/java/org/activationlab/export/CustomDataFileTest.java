package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.activationlab.nn.DataPoints;
import org.activationlab.training.Comparison;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom points and input features in scenario files: written inline, read back alike. */
class CustomDataFileTest {

  @TempDir
  Path dir;

  static Scenario custom() {
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      double t = i * 0.1;
      pts.append(i == 0 ? "" : ";").append(Math.cos(t) * (i / 300.0)).append(',')
          .append(Math.sin(t) / 3).append(',').append(i % 3);
    }
    return Scenario.defaults().withSettings(Map.of("points", pts.toString(), "features",
        "x1,x2,x1sq,x2sq,x1x2,sin1,sin2", "hidden", "3"));
  }

  @Test
  void pointsAndFeaturesRoundTripByteForByte() throws Exception {
    Scenario s = custom();
    ScenarioDocument doc = ScenarioDocument.defaults().withLab(s).withComparison(
        new Comparison(s, s.withSetting("features", "x1,x2")));
    Path a = dir.resolve("a.json");
    ScenarioFile.write(a, doc);
    ScenarioFile.Loaded back = ScenarioFile.read(a);
    assertThat(back.warnings()).isEmpty();
    assertThat(back.document()).isEqualTo(doc);
    assertThat(back.document().lab().points()).isEqualTo(s.points());
    Path b = dir.resolve("b.json");
    ScenarioFile.write(b, back.document());
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    JsonNode lab = new ObjectMapper().readTree(a.toFile()).get("lab");
    assertThat(lab.get("dataset").asText()).isEqualTo("custom");
    assertThat(lab.get("points").size()).isEqualTo(300);
    assertThat(lab.get("points").get(2).toString()).isEqualTo(
        "[" + s.points().input(2, 0) + "," + s.points().input(2, 1) + ",2]");
    assertThat(lab.get("features").asText()).isEqualTo("x1,x2,x1sq,x2sq,x1x2,sin1,sin2");
    JsonNode compare = new ObjectMapper().readTree(a.toFile()).get("compare");
    assertThat(compare.get("features").asText()).isEqualTo("x1,x2");
    assertThat(compare.has("points")).isFalse();
  }

  @Test
  void theLargestDataSetFitsAScenarioFile() throws Exception {
    double[] xy = new double[2 * DataPoints.MAX_POINTS];
    int[] labels = new int[DataPoints.MAX_POINTS];
    for (int i = 0; i < labels.length; i++) {
      xy[2 * i] = -Math.PI * Math.sqrt(i + 0.123456789);
      xy[2 * i + 1] = Math.E / (i + 1.0987654321);
      labels[i] = i % 3;
    }
    Scenario s = Scenario.defaults().toBuilder()
        .points(DataPoints.classification(xy, labels)).build();
    Path a = dir.resolve("big.json");
    ScenarioFile.write(a, ScenarioDocument.defaults().withLab(s));
    assertThat(Files.size(a)).isLessThan(ScenarioFile.MAX_BYTES);
    assertThat(ScenarioFile.read(a).document().lab()).isEqualTo(s);
  }

  private Path file(String lab) throws Exception {
    Path p = dir.resolve("f.json");
    Files.writeString(p, "{\"format\": \"activation-lab/scenario\", \"version\": 1, \"lab\": "
        + lab + "}", StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void badPointsAreRefusedNamingTheRow() throws Exception {
    assertThatThrownBy(() -> ScenarioFile.read(file("{\"dataset\": \"custom\", \"points\": "
        + "[[0,0,0],[1,1,1],[2,2,7],[3,3,0]]}")))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageContaining("lab: points:3: label 7 is not a class 0..2");
    assertThatThrownBy(() -> ScenarioFile.read(file("{\"points\": [[0,0,0],[1,1],[2,2,1],"
        + "[3,3,0]]}")))
        .hasMessageContaining("lab: points:2: 2 columns, expected 3");
    assertThatThrownBy(() -> ScenarioFile.read(file("{\"points\": [[0,0,0],[1,\"a\",1],[2,2,1],"
        + "[3,3,0]]}")))
        .hasMessageContaining("lab: points:2: \"a\" is not a number");
    assertThatThrownBy(() -> ScenarioFile.read(file("{\"dataset\": \"custom\"}")))
        .hasMessageContaining("dataset custom needs points");
    assertThatThrownBy(() -> ScenarioFile.read(file("{\"dataset\": \"sine\", \"features\": "
        + "\"x1sq\"}")))
        .hasMessageContaining("input features are for 2-D data");
  }
}
