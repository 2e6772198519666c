package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

/** The Lab's verbs, without a window: which settings keep the network and which rebuild it. */
class LabModelTest {

  private static TrainingSnapshot await(LabModel m, java.util.function.Predicate<TrainingSnapshot> c)
      throws Exception {
    return m.trainer().await(c, Duration.ofSeconds(30));
  }

  @Test
  void liveSettingsKeepTheWeightsRebuildSettingsStartAgainInvalidOnesChangeNothing()
      throws Exception {
    try (LabModel m = new LabModel()) {
      m.loadPreset("dead-relu");
      m.trainer().submit(new Command.Step(20));
      TrainingSnapshot trained = await(m, s -> s.step() == 20
          && s.scenario().equals(Presets.get("dead-relu").scenario()));

      // live: the run goes on from step 20 with the same weights
      assertThat(m.set("activation", "leaky_relu:negative_slope=0.1")).isEmpty();
      assertThat(m.set("learningRate", "0.05")).isEmpty();
      TrainingSnapshot live = await(m, s -> s.scenario().learningRate() == 0.05);
      assertThat(live.step()).isEqualTo(20);
      assertThat(live.weights().parameters()).isEqualTo(trained.weights().parameters());
      assertThat(live.layers().get(0).activation()).isEqualTo("leaky_relu:negative_slope=0.1");
      assertThat(m.presetProperty().get()).isEqualTo("dead-relu");

      // one layer only
      assertThat(m.setLayerActivation(1, "tanh")).isEmpty();
      TrainingSnapshot perLayer = await(m, s -> s.layers().get(1).activation().equals("tanh"));
      assertThat(perLayer.layers().get(0).activation()).startsWith("leaky_relu");
      assertThat(perLayer.layers().get(2).activation()).startsWith("leaky_relu");

      // refused: the reason comes back, nothing changes
      var before = m.scenario();
      assertThat(m.set("batchSize", "0")).get().asString().contains("batchSize");
      assertThat(m.set("hidden", "8x99")).isPresent();
      assertThat(m.scenario()).isEqualTo(before);

      // rebuild: a new network at step 0, no longer the preset
      assertThat(m.set("seed", "7")).isEmpty();
      TrainingSnapshot rebuilt = await(m, s -> s.scenario().seed() == 7);
      assertThat(rebuilt.step()).isZero();
      assertThat(m.presetProperty().get()).isEmpty();
    }
  }

  @Test
  void comparingEditsRunBRefusesOtherDataAndAsDataCarriesOver() throws Exception {
    try (LabModel m = new LabModel()) {
      m.loadPreset("deep-sigmoid");
      m.compareWithCopy();
      assertThat(m.comparison()).isPresent();
      assertThat(m.editingBProperty().get()).isTrue();
      await(m, s -> s.comparing() && s.step() == 0);

      assertThat(m.set("activation", "relu")).isEmpty();
      TrainingSnapshot s = await(m, x -> x.comparing()
          && x.compared().scenario().activation().equals("relu"));
      assertThat(s.scenario().activation()).as("A is untouched").isEqualTo("sigmoid");
      assertThat(m.scenarioA()).isEqualTo(Presets.get("deep-sigmoid").scenario());

      // B must train on A's data: refused with the reason, nothing changes
      assertThat(m.set("dataset", "xor")).get().asString().contains("same data");
      assertThat(m.scenario().dataset().id()).isEqualTo("circle");

      // A's data settings carry over to B
      m.editB(false);
      assertThat(m.scenario()).isEqualTo(m.scenarioA());
      assertThat(m.set("noise", "0.2")).isEmpty();
      s = await(m, x -> x.comparing() && x.scenario().noise() == 0.2
          && x.compared().scenario().noise() == 0.2);
      assertThat(s.compared().scenario().activation()).isEqualTo("relu");

      m.endComparison();
      s = await(m, x -> !x.comparing());
      assertThat(m.comparison()).isEmpty();
      assertThat(m.scenario()).isEqualTo(s.scenario());
      assertThat(s.scenario().noise()).isEqualTo(0.2);
    }
  }

  @Test
  void closingStopsTheTrainerThread() throws Exception {
    LabModel m = new LabModel();
    m.setSpeed(0);
    m.play();
    await(m, s -> s.step() > 0);
    m.close();
    assertThat(m.trainer().isAlive()).isFalse();
  }

  /** How long a class waits for each preset's designed step at the speed it loads with. */
  @Test
  void everyPresetUnfoldsInTenToTwentySecondsAtItsSpeed() {
    for (var p : Presets.all()) {
      double speed = LabModel.watchSpeed(p.scenario().steps());
      double seconds = p.scenario().steps() / speed;
      assertThat(seconds).as(p.name() + " at " + speed + " steps/s").isBetween(10.0, 20.0);
    }
    try (LabModel m = new LabModel()) {
      m.loadPreset("deep-sigmoid");
      assertThat(m.speed()).isEqualTo(20.0); // 300 steps in 15 s
      m.loadPreset("playground");
      assertThat(m.speed()).isEqualTo(100.0); // 1500 steps in 15 s
    }
  }
}
