package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.activationlab.nn.Dataset;
import org.activationlab.nn.SampleTrace;
import org.activationlab.training.SampleTraces.Split;
import org.junit.jupiter.api.Test;

class SampleTracesTest {

  /** The playground with a batch of one, so that step 0's statistics are one sample's. */
  private static Scenario batchOfOne() {
    return Presets.get("playground").scenario().withSettings(Map.of("batchSize", "1"));
  }

  /**
   * Step 0's gradient statistics come from the first mini-batch: for a batch of one that is
   * training sample 0, and the run's mean |δ| of each unit is |δ| of the trace of that sample.
   */
  @Test
  void theRunsOwnStatisticsOfABatchOfOneAreThisTracesDeltas() {
    TrainingSnapshot s = new Run(batchOfOne()).snapshot();
    SampleTrace t = SampleTraces.of(s, Split.TRAIN, 0);
    for (int l = 0; l < t.layerCount(); l++) {
      for (int j = 0; j < t.width(l); j++) {
        double run = s.layers().get(l).neuronGrad(j);
        assertThat(Math.abs(run - Math.abs(t.delta(l, j))))
            .as("layer %d unit %d", l, j).isLessThanOrEqualTo(1e-12 * run);
      }
    }
  }

  @Test
  void readsTheWeightsSettingsAndSampleOfTheSnapshot() {
    Run run = new Run(batchOfOne().withSetting("learningRate", "0.05"));
    for (int k = 0; k < 30; k++) {
      run.step();
    }
    run.configure(run.scenario().withSettings(Map.of("activation", "relu")));
    for (int k = 0; k < 5; k++) {
      run.step();
    }
    TrainingSnapshot past = run.at(20);
    TrainingSnapshot now = run.snapshot();
    SampleTrace t = SampleTraces.of(past, Split.TEST, 3);
    Dataset test = past.data().test();
    assertThat(t.input()).containsExactly(test.input(3, 0), test.input(3, 1));
    assertThat(t.target()).containsExactly(test.target(3));
    assertThat(t.activation(0).spec()).isEqualTo("tanh");
    assertThat(t.learningRate()).isEqualTo(0.05);
    assertThat(t.weight(1, 1, 2)).isEqualTo(past.weights().weight(1, 1, 2));
    assertThat(t.bias(2, 0)).isEqualTo(past.weights().bias(2, 0));
    SampleTrace later = SampleTraces.of(now, Split.TEST, 3);
    assertThat(later.activation(0).spec()).isEqualTo("relu");
    assertThat(later.weight(1, 1, 2)).isEqualTo(now.weights().weight(1, 1, 2))
        .isNotEqualTo(t.weight(1, 1, 2));
  }

  @Test
  void refusesASampleOutsideTheSplit() {
    TrainingSnapshot s = new Run(batchOfOne()).snapshot();
    assertThatThrownBy(() -> SampleTraces.of(s, Split.TRAIN, 400))
        .hasMessage("sample 400 is outside the train set: valid 0..399");
    assertThatThrownBy(() -> SampleTraces.of(s, Split.TEST, -1))
        .hasMessage("sample -1 is outside the test set: valid 0..99");
    TrainingSnapshot noTest = new Run(batchOfOne().withSetting("testFraction", "0")).snapshot();
    assertThatThrownBy(() -> SampleTraces.of(noTest, Split.TEST, 0))
        .hasMessage("the test set is empty");
    assertThat(Split.parse(" Test ")).isEqualTo(Split.TEST);
    assertThatThrownBy(() -> Split.parse("validation")).hasMessageContaining("train, test");
  }
}
