package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.export.TrainingStatsWriter.Run;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;
import org.activationlab.training.LayerSnapshot;
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
        layer(0, 0.1, 0.2, 0, 0.25, 0.5, 0.01, 0.9, new double[] {0.1, 0},
            new boolean[] {false, true}),
        layer(1, 0.3, 0.4, 0, 0, Double.NaN, 0.5, 0.1, new double[] {0.3},
            new boolean[] {false})));
    Record r1 = new Record(10, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, List.of(
        layer(0, Double.NaN, 0.2, 0, 0.25, 0.5, 0.01, 0.9, new double[] {Double.NaN, 1},
            new boolean[] {false, false}),
        layer(1, 0.3, 0.4, 0, 0, Double.NaN, 0.5, 0.1, new double[] {0.3},
            new boolean[] {true})));
    return new Run(s, layers, List.of(r0, r1), divergedAt);
  }

  /** Layer {@code l} (of a 2-1 network) with given values, through the run's holders. */
  static LayerSnapshot layer(int l, double gradMeanAbs, double gradWeightRms, double dead,
      double inactive, double saturated, double mean, double std, double[] neurons,
      boolean[] deadFlags) {
    int[] widths = {2, 1};
    StepStatistics s = new StepStatistics(widths);
    ProbeStatistics p = new ProbeStatistics(widths);
    s.gradMeanAbs[l] = gradMeanAbs;
    s.gradWeightRms[l] = gradWeightRms;
    s.activationMean[l] = mean;
    s.activationStd[l] = std;
    System.arraycopy(neurons, 0, s.neuronGradMeanAbs[l], 0, neurons.length);
    p.deadFraction[l] = dead;
    p.inactiveFraction[l] = inactive;
    p.saturatedFraction[l] = saturated;
    System.arraycopy(deadFlags, 0, p.dead[l], 0, deadFlags.length);
    return LayerSnapshot.of(l, l == 1, l == 1 ? "output" : "tanh", s, p);
  }

  @Test
  void jsonHasTheFormatAndNullsForNonFiniteNumbers() throws Exception {
    Path out = dir.resolve("run.json");
    TrainingStatsWriter.write(out, run(12));
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(root.get("version").asInt()).isEqualTo(2);
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
    // version 2: the inactive share, and no saturated share where it does not apply
    assertThat(l0.get("inactiveFraction").asDouble()).isEqualTo(0.25);
    assertThat(l0.get("saturatedFraction").asDouble()).isEqualTo(0.5);
    assertThat(r1.get("layers").get(1).get("inactiveFraction").asDouble()).isEqualTo(0.0);
    assertThat(r1.get("layers").get(1).get("saturatedFraction").isNull()).isTrue();
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
        "0,0.7,0.69,0.5,1,hidden,2,tanh,0.1,0.2,0.0,0.25,0.5,0.01,0.9,0.1;0.0,0;1");
    assertThat(lines.get(3)).isEqualTo("10,,,,1,hidden,2,tanh,,0.2,"
        + "0.0,0.25,0.5,0.01,0.9,;1.0,0;0");
    // the output layer: inactive 0, saturated not applicable (an empty field)
    assertThat(lines.get(4)).endsWith(",output,1,sigmoid,0.3,0.4,0.0,0.0,,0.5,0.1,0.3,1");
  }

  @Test
  void snapshotLayersAreCopiesOfTheHolders() {
    int[] widths = {2, 1};
    StepStatistics s = new StepStatistics(widths);
    ProbeStatistics p = new ProbeStatistics(widths);
    s.neuronGradMeanAbs[0][0] = 1;
    p.dead[0][1] = true;
    LayerSnapshot l = LayerSnapshot.of(0, false, "tanh", s, p);
    s.neuronGradMeanAbs[0][0] = 99;
    p.dead[0][1] = false;
    assertThat(l.neuronGrad(0)).isEqualTo(1);
    assertThat(l.isDead(1)).isTrue();
    assertThat(l.deadCount()).isEqualTo(1);
  }
}
