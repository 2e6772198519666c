package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.activationlab.nn.Initializer;
import org.junit.jupiter.api.Test;

/** The Lab's fields show an initialiser's one parameter bare, and that text parses back. */
class CompactInitTest {

  @Test
  void theValueIsShownBareAndParsesToTheSameInitialiser() {
    for (String spec : new String[] {"constant:value=-0.5", "normal:stddev=0.15",
        "uniform:limit=0.5", "he_normal", "zeros"}) {
      String shown = LabControls.compact(Initializer.parse(spec).spec());
      assertThat(shown.length()).isLessThanOrEqualTo(13); // "constant:-0.5" fits the field
      assertThat(Initializer.parse(shown)).as(shown).isEqualTo(Initializer.parse(spec));
    }
    assertThat(LabControls.compact("constant:value=-0.5")).isEqualTo("constant:-0.5");
  }
}
