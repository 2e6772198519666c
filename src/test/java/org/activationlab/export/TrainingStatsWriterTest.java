package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.LayerRecord;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.export.TrainingStatsWriter.Run;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer as the GUI will use it: records it collected itself, not from a session. */
class TrainingStatsWriterTest {

  @TempDir
  Path dir;

  static Run run(long divergedAt) {
    Scenario s = Scenario.defaults().withSetting("hidden", "2");
    List<Layer> layers = List.of(new Layer(1, "hidden", 2, "tanh"),
        new Layer(2, "output", 1, "sigmoid"));
    Record r0 = new Record(0, 0.7, 0.69, 0.5, List.of(
        new LayerRecord(0.1, 0.2, 0, 0.5, 0.01, 0.9, new double[] {0.1, 0}, new boolean[] {false,
            true}),
        new LayerRecord(0.3, 0.4, 0, 0, 0.5, 0.1, new double[] {0.3}, new boolean[] {false})));
    Record r1 = new Record(10, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, List.of(
        new LayerRecord(Double.NaN, 0.2, 0, 0.5, 0.01, 0.9, new double[] {Double.NaN, 1},
            new boolean[] {false, false}),
        new LayerRecord(0.3, 0.4, 0, 0, 0.5, 0.1, new double[] {0.3}, new boolean[] {true})));
    return new Run(s, layers, List.of(r0, r1), divergedAt);
  }

  @Test
  void jsonHasTheFormatAndNullsForNonFiniteNumbers() throws Exception {
    Path out = dir.resolve("run.json");
    TrainingStatsWriter.write(out, run(12));
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("scenario").get("hidden").get(0).asInt()).isEqualTo(2);
    assertThat(root.get("layers").get(1).get("activation").asText()).isEqualTo("sigmoid");
    JsonNode r1 = root.get("records").get(1);
    assertThat(r1.get("step").asInt()).isEqualTo(10);
    assertThat(r1.get("loss").isNull()).isTrue();
    assertThat(r1.get("testLoss").isNull()).isTrue();
    JsonNode l0 = r1.get("layers").get(0);
    assertThat(l0.get("gradMeanAbs").isNull()).isTrue();
    assertThat(l0.get("neuronGradMeanAbs").get(0).isNull()).isTrue();
    assertThat(l0.get("neuronGradMeanAbs").get(1).asDouble()).isEqualTo(1.0);
    assertThat(root.get("records").get(0).get("layers").get(0).get("dead").get(1).asBoolean())
        .isTrue();
    assertThat(root.get("diverged").asBoolean()).isTrue();
    assertThat(root.get("divergedAtStep").asInt()).isEqualTo(12);
    assertThat(new ObjectMapper().readTree(TrainingStatsWriter.json(run(-1)))
        .get("divergedAtStep").isNull()).isTrue();
  }

  @Test
  void csvByTheFileNameWithEmptyFieldsForNonFiniteNumbers() throws Exception {
    Path out = dir.resolve("run.CSV");
    TrainingStatsWriter.write(out, run(-1));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(1 + 2 * 2);
    assertThat(lines.get(1)).isEqualTo(
        "0,0.7,0.69,0.5,1,hidden,2,tanh,0.1,0.2,0.0,0.5,0.01,0.9,0.1;0.0,0;1");
    assertThat(lines.get(3)).isEqualTo("10,,,,1,hidden,2,tanh,,0.2,"
        + "0.0,0.5,0.01,0.9,;1.0,0;0");
    assertThat(lines.get(4)).endsWith(",output,1,sigmoid,0.3,0.4,0.0,0.0,0.5,0.1,0.3,1");
  }

  @Test
  void recordsAreCopies() {
    double[] g = {1, 2};
    LayerRecord lr = new LayerRecord(0, 0, 0, 0, 0, 0, g, new boolean[2]);
    g[0] = 99;
    lr.neuronGradMeanAbs()[1] = 99;
    assertThat(lr.neuronGradMeanAbs()).containsExactly(1, 2);
  }
}
