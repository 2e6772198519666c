package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What counts as diverged ({@link Divergence}): blow-ups are caught, healthy runs are not. */
class DivergenceTest {

  static Divergence train(Scenario s, int steps) {
    Run run = new Run(s);
    for (int k = 0; k < steps && run.step(); k++) {
      // train
    }
    return run.divergence();
  }

  static java.util.List<String> healthyPresets() {
    return Presets.names().stream().filter(n -> !n.equals("exploding")).toList();
  }

  @ParameterizedTest
  @MethodSource("healthyPresets")
  void noPresetButExplodingDivergesOverSeedsOneToTen(String preset) {
    for (long seed = 1; seed <= 10; seed++) {
      Scenario s = Presets.get(preset).scenario().toBuilder().seed(seed).build();
      assertThat(train(s, s.steps())).as(preset + " seed " + seed).isNull();
    }
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"})
  void explodingDivergesForEverySeed(long seed) {
    Scenario s = Presets.get("exploding").scenario().toBuilder().seed(seed).build();
    Divergence d = train(s, s.steps());
    assertThat(d).isNotNull();
    assertThat(d.step()).isBetween(1L, (long) s.steps());
  }

  @ParameterizedTest
  @CsvSource({
      "learningRate=1e6, LOSS_BLOW_UP",
      "learningRate=1e9, WEIGHTS", // the first update already moves weights by ~1e8
      "learningRate=1e6;optimizer=adam, WEIGHTS", // Adam's steps are about the rate itself
      "learningRate=1e6;activation=relu, LOSS_BLOW_UP",
      "init=normal:stddev=1e300, WEIGHTS"})
  void finiteBlowUpsAreCaught(String settings, Divergence.Reason reason) {
    Scenario s = Presets.get("playground").scenario();
    for (String kv : settings.split(";")) {
      String[] p = kv.split("=", 2);
      s = s.withSetting(p[0], p[1]);
    }
    Divergence d = train(s, s.steps());
    assertThat(d).as(settings).isNotNull();
    assertThat(d.reason()).as(settings).isEqualTo(reason);
  }

  @ParameterizedTest
  @CsvSource({"1", "5", "10"})
  void theStepFoundDoesNotDependOnSnapshots(long seed) {
    Scenario s = Presets.get("exploding").scenario().toBuilder().seed(seed).build();
    Divergence quiet = train(s, s.steps());
    Run watched = new Run(s);
    while (watched.step()) {
      watched.snapshot(false); // a record after every step
    }
    assertThat(watched.divergence()).isEqualTo(quiet);
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void aLargeButHealthyLearningRateIsNotFlagged(long seed) {
    Scenario s = Presets.get("playground").scenario()
        .withSettings(Map.of("learningRate", "3", "seed", String.valueOf(seed)));
    assertThat(train(s, 500)).isNull();
  }
}
