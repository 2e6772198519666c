package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.Initializer;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

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
  void builderChangesFieldsTogetherAndValidatesOnce() {
    Scenario d = Scenario.defaults();
    // 8 samples in all leave 6 for training: a batch of 6 is valid only with the new samples
    Scenario small = d.toBuilder().batchSize(6).samples(8).testFraction(0.2).build();
    assertThat(small.batchSize()).isEqualTo(6);
    assertThatThrownBy(() -> d.toBuilder().samples(8).build()).hasMessageContaining("batchSize");
    Scenario perLayer = d.toBuilder().activation(1, "relu").build();
    assertThat(perLayer.activations()).containsExactly("tanh", "relu");
    assertThat(perLayer.toBuilder().activation("sigmoid").build().activations()).isEmpty();
    assertThatThrownBy(() -> d.toBuilder().activation(2, "relu"))
        .hasMessageContaining("0..1");
  }

  @Test
  void needsRebuildOnlyForDataArchitectureAndInitialisers() {
    Scenario d = Scenario.defaults();
    for (String[] live : new String[][] {{"learningRate", "0.5"}, {"activation", "relu"},
        {"batchSize", "20"}, {"optimizer", "adam"}, {"momentum", "0.5"}, {"l2", "0.01"},
        {"clip", "1"}, {"steps", "10"}}) {
      assertThat(d.needsRebuild(d.withSetting(live[0], live[1]))).as(live[0]).isFalse();
    }
    for (String[] rebuild : new String[][] {{"dataset", "xor"}, {"samples", "300"},
        {"noise", "0.2"}, {"testFraction", "0.5"}, {"hidden", "4,3"},
        {"init", "he_normal"}, {"biasInit", "constant:value=0.1"}, {"seed", "9"}}) {
      assertThat(d.needsRebuild(d.withSetting(rebuild[0], rebuild[1]))).as(rebuild[0]).isTrue();
    }
  }
}
