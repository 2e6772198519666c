package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.Initializer;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

  @Test
  void everySettingKeyApplies() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dataset", "spiral3");
    m.put("samples", "300");
    m.put("noise", "0.1");
    m.put("testFraction", "0.25");
    m.put("hidden", "8x3");
    m.put("activation", "leaky_relu:negative_slope=0.2");
    m.put("init", "he_uniform");
    m.put("biasInit", "constant:value=-0.5");
    m.put("optimizer", "adam");
    m.put("learningRate", "0.003");
    m.put("momentum", "0.5");
    m.put("batchSize", "16");
    m.put("l2", "0.001");
    m.put("clip", "5");
    m.put("seed", "9");
    m.put("steps", "77");
    Scenario s = Scenario.defaults().withSettings(m);
    assertThat(s.dataset()).isEqualTo(DatasetKind.SPIRAL3);
    assertThat(s.samples()).isEqualTo(300);
    assertThat(s.noise()).isEqualTo(0.1);
    assertThat(s.testFraction()).isEqualTo(0.25);
    assertThat(s.hidden()).containsExactly(8, 8, 8);
    assertThat(s.activation()).isEqualTo("leaky_relu:negative_slope=0.2");
    assertThat(s.init().kind()).isEqualTo(Initializer.Kind.HE_UNIFORM);
    assertThat(s.biasInit()).isEqualTo(Initializer.constant(-0.5));
    assertThat(s.optimizer()).isEqualTo(OptimizerSpec.Kind.ADAM);
    assertThat(s.learningRate()).isEqualTo(0.003);
    assertThat(s.momentum()).isEqualTo(0.5);
    assertThat(s.batchSize()).isEqualTo(16);
    assertThat(s.l2()).isEqualTo(0.001);
    assertThat(s.clip()).isEqualTo(5);
    assertThat(s.seed()).isEqualTo(9);
    assertThat(s.steps()).isEqualTo(77);
    TrainingSession t = s.session();
    assertThat(t.network().outputSize()).isEqualTo(3);
    assertThat(t.optimizerSpec().clipNorm()).isEqualTo(5);
    assertThat(t.optimizerSpec().weightDecay()).isEqualTo(0.001);
    assertThat(Scenario.defaults().withSetting("hidden", "16,16,16").hidden())
        .containsExactly(16, 16, 16);
  }

  @Test
  void badSettingsNameTheValidChoices() {
    Scenario d = Scenario.defaults();
    assertThatThrownBy(() -> d.withSetting("colour", "red"))
        .hasMessageContaining("unknown setting 'colour'").hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withSetting("dataset", "donut")).hasMessageContaining("circle");
    assertThatThrownBy(() -> d.withSetting("optimizer", "adamw")).hasMessageContaining("rmsprop");
    assertThatThrownBy(() -> d.withSetting("init", "kaiming")).hasMessageContaining("he_normal");
    assertThatThrownBy(() -> d.withSetting("activation", "sigmod"))
        .hasMessageContaining("sigmoid");
    assertThatThrownBy(() -> d.withSetting("learningRate", "fast"))
        .hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withSetting("learningRate", "0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withSetting("steps", "0")).hasMessageContaining("steps");
    assertThatThrownBy(() -> d.withSetting("hidden", "0,4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withSetting("batchSize", "1000")).hasMessageContaining("batchSize");
  }

  @Test
  void jsonRoundTripAndUnknownField(@TempDir Path dir) throws Exception {
    Scenario s = Scenario.defaults().withSettings(Map.of("hidden", "8,4", "activation", "relu",
        "seed", "5")).withActivation(1, "sigmoid");
    Path f = dir.resolve("s.json");
    Files.writeString(f, s.toJsonText());
    assertThat(Scenario.read(f)).isEqualTo(s);

    Files.writeString(f, "{\"dataset\":\"xor\",\"hidden\":[8,8],\"activation\":\"sigmoid\"}");
    Scenario x = Scenario.read(f);
    assertThat(x.dataset()).isEqualTo(DatasetKind.XOR);
    assertThat(x.hidden()).isEqualTo(List.of(8, 8));

    Files.writeString(f, "{\"dataset\":\"xor\",\"colour\":1}");
    assertThatThrownBy(() -> Scenario.read(f)).hasMessageContaining("unknown scenario field 'colour'");
    Files.writeString(f, "{\"dataset\":");
    assertThatThrownBy(() -> Scenario.read(f)).hasMessageContaining("not valid JSON");
    Files.writeString(f, "[1,2]");
    assertThatThrownBy(() -> Scenario.read(f)).isInstanceOf(IllegalArgumentException.class);
    Files.write(f, new byte[(int) Scenario.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> Scenario.read(f)).hasMessageContaining("at most");
    // field order does not matter: the result is validated once
    Files.writeString(f, "{\"batchSize\":4,\"samples\":10}");
    assertThat(Scenario.read(f).batchSize()).isEqualTo(4);
    assertThat(new ObjectMapper().readTree(s.toJsonText()).get("hidden").size()).isEqualTo(2);
  }
}
