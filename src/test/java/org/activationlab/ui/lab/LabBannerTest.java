package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.I18n;
import org.junit.jupiter.api.Test;

/** The banner over the pictures names which of two compared runs diverged. */
class LabBannerTest {

  static TrainingSnapshot train(Scenario s, int steps) {
    Run r = new Run(s);
    for (int k = 0; k < steps && !r.diverged(); k++) {
      r.step();
    }
    return r.snapshot();
  }

  @Test
  void eachDivergedRunIsNamed() {
    I18n.setLocale(java.util.Locale.ENGLISH);
    Scenario exploding = Presets.get("exploding").scenario();
    Scenario calm = exploding.withSettings(Map.of("init", "he_normal", "learningRate", "0.001"));
    TrainingSnapshot diverged = train(exploding, 20);
    TrainingSnapshot fine = train(calm, 20);
    assertThat(diverged.diverged()).isTrue();
    assertThat(fine.diverged()).isFalse();

    assertThat(LabView.bannerFor(fine)).isNull();
    assertThat(LabView.bannerFor(diverged)).startsWith("Stopped at step "
        + diverged.divergedAtStep());
    assertThat(LabView.bannerFor(diverged.comparedWith(fine)))
        .startsWith("A · Stopped at step " + diverged.divergedAtStep()).doesNotContain("B · ");
    assertThat(LabView.bannerFor(fine.comparedWith(diverged)))
        .startsWith("B · Stopped at step " + diverged.divergedAtStep()).doesNotContain("A · ");
    assertThat(LabView.bannerFor(fine.comparedWith(fine))).isNull();
  }
}
