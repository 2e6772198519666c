package org.activationlab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The info card's "max |f′|" line says where the maximum is taken, in both languages. */
class InfoCardTextTest {

  @AfterEach
  void english() {
    I18n.setLocale(Locale.ENGLISH);
  }

  static String maxSlope(String spec) {
    return InfoCard.maxSlopeText(PropertyAnalysis.analyse(Catalog.parse(spec)));
  }

  @Test
  void maxSlopeSaysWhereItIsTaken() {
    I18n.setLocale(Locale.ENGLISH);
    assertThat(maxSlope("relu")).isEqualTo("1, for x > 0");
    assertThat(maxSlope("leaky_relu")).isEqualTo("1, for x > 0");
    assertThat(maxSlope("elu")).isEqualTo("1, for x ≥ 0");
    assertThat(maxSlope("relu6")).isEqualTo("1, for 0 < x < 6");
    assertThat(maxSlope("softshrink")).isEqualTo("1, for x < −0.5 or x > 0.5");
    assertThat(maxSlope("sigmoid")).isEqualTo("0.25 at x = 0");
    assertThat(maxSlope("hard_swish")).isEqualTo("1.5, approached as x → 3");
    assertThat(maxSlope("softplus")).isEqualTo("1, approached as x → +∞");
    I18n.setLocale(Locale.CHINESE);
    assertThat(maxSlope("relu")).isEqualTo("1，当 x > 0 时");
    assertThat(maxSlope("softshrink")).isEqualTo("1，当 x < −0.5 或 x > 0.5 时");
  }
}
