package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DecadeRangeTest {

  @Test
  void fitsWholeDecadesAroundTheValues() {
    assertThat(DecadeRange.fitting(3e-9, 0.02)).isEqualTo(new DecadeRange(-9, -1));
    assertThat(DecadeRange.fitting(1e-3, 1e-3)).as("a power of ten alone: two decades")
        .isEqualTo(new DecadeRange(-4, -2));
    assertThat(DecadeRange.fitting(0.2, 0.3)).isEqualTo(new DecadeRange(-2, 0));
    assertThat(DecadeRange.fitting(20, 5e4)).as("exploding values are inside, not clipped")
        .isEqualTo(new DecadeRange(1, 5));
  }

  @Test
  void nothingToFitGivesTheDefault() {
    assertThat(DecadeRange.fitting(Double.POSITIVE_INFINITY, 0)).isEqualTo(DecadeRange.EMPTY);
    assertThat(DecadeRange.fitting(Double.NaN, Double.NaN)).isEqualTo(DecadeRange.EMPTY);
    assertThatThrownBy(() -> new DecadeRange(2, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void holdsBothEndsAndIsAtLeastTwoDecades(@ForAll @DoubleRange(min = -300, max = 300) double a,
      @ForAll @DoubleRange(min = 0, max = 8) double decades) {
    double smallest = Math.pow(10, a);
    double largest = Math.pow(10, Math.min(300, a + decades));
    DecadeRange r = DecadeRange.fitting(smallest, largest);
    assertThat(r.contains(smallest)).isTrue();
    assertThat(r.contains(largest)).isTrue();
    assertThat(r.span()).isBetween(DecadeRange.MIN_SPAN, (int) Math.ceil(decades) + 2);
  }
}
