package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationlab.nn.DatasetKind;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void roundTripKeepsEveryField() {
    Scenario s = Scenario.defaults().withSettings(Map.of("hidden", "8,4", "activation", "relu",
        "seed", "5", "optimizer", "adam", "clip", "2")).toBuilder().activation(1, "sigmoid")
        .build();
    JsonNode json = ScenarioJson.toJson(s);
    assertThat(json.get("hidden").size()).isEqualTo(2);
    assertThat(json.get("activations").get(1).asText()).isEqualTo("sigmoid");
    assertThat(ScenarioJson.fromJson(json, Scenario.defaults(), null)).isEqualTo(s);
  }

  @Test
  void missingFieldsKeepTheBaseAndOrderDoesNotMatter() throws Exception {
    Scenario x = ScenarioJson.fromJson(JSON.readTree(
        "{\"batchSize\":4,\"samples\":10,\"dataset\":\"xor\",\"hidden\":[8,8]}"),
        Scenario.defaults(), null);
    assertThat(x.dataset()).isEqualTo(DatasetKind.XOR);
    assertThat(x.hidden()).containsExactly(8, 8);
    assertThat(x.batchSize()).isEqualTo(4);
    assertThat(x.activation()).isEqualTo(Scenario.defaults().activation());
  }

  @Test
  void unknownFieldsAreRefusedOrListed() throws Exception {
    JsonNode node = JSON.readTree("{\"dataset\":\"xor\",\"colour\":1}");
    assertThatThrownBy(() -> ScenarioJson.fromJson(node, Scenario.defaults(), null))
        .hasMessageContaining("unknown scenario field 'colour'");
    List<String> unknown = new ArrayList<>();
    assertThat(ScenarioJson.fromJson(node, Scenario.defaults(), unknown).dataset())
        .isEqualTo(DatasetKind.XOR);
    assertThat(unknown).containsExactly("colour");
    assertThatThrownBy(() -> ScenarioJson.fromJson(JSON.readTree("[1,2]"), Scenario.defaults(),
        null)).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> ScenarioJson.fromJson(JSON.readTree("{\"seed\":{\"a\":1}}"),
        Scenario.defaults(), null)).hasMessageContaining("must be a value");
  }
}
