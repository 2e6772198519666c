package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

  @Test
  void stepCountsAreTickedAtWholeNumbersOnly() {
    assertThat(NiceTicks.whole(0, 1, 6)).containsExactly(0.0, 1.0);
    assertThat(NiceTicks.whole(0, 3, 10)).containsExactly(0.0, 1.0, 2.0, 3.0);
    assertThat(NiceTicks.whole(0, 1000, 5)).isEqualTo(NiceTicks.linear(0, 1000, 5));
  }

  @Test
  void symmetricRangeGetsEvenSteps() {
    assertThat(NiceTicks.linear(-6, 6, 6)).containsExactly(-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0);
  }

  @Test
  void unitRangeLabelsHaveNoFloatingPointJunk() {
    List<Double> ticks = NiceTicks.linear(0, 1, 5);
    assertThat(ticks).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    double step = NiceTicks.step(0, 1, 5);
    assertThat(ticks.stream().map(t -> NiceTicks.label(t, step)).toList())
        .containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1.0");
    assertThat(NiceTicks.label(0.30000000000000004, 0.1)).isEqualTo("0.3");
  }

  @Test
  void negativeLabelsUseTheMinusSign() {
    assertThat(NiceTicks.label(-2, 1)).isEqualTo("−2");
  }

  @Test
  void decadesOverTheGradientRange() {
    List<Double> d = NiceTicks.decades(1e-12, 1e2, 20);
    assertThat(d).hasSize(15);
    assertThat(d.get(0)).isEqualTo(1e-12);
    assertThat(d.get(14)).isEqualTo(100.0);
    assertThat(NiceTicks.decadeLabel(1e-12)).isEqualTo("1e−12");
    assertThat(NiceTicks.decadeLabel(0.01)).isEqualTo("0.01");
    assertThat(NiceTicks.decadeLabel(100)).isEqualTo("100");
    // with few ticks wanted, every k-th decade
    assertThat(NiceTicks.decades(1e-30, 1, 5)).hasSizeLessThanOrEqualTo(6).contains(1.0);
  }

  @Test
  void significantDigitsForReadouts() {
    assertThat(NiceTicks.significant(0.7310585786300049, 4)).isEqualTo("0.7311");
    assertThat(NiceTicks.significant(-0.25, 4)).isEqualTo("−0.25");
    assertThat(NiceTicks.significant(1234567, 3)).isEqualTo("1.23e+06");
    assertThat(NiceTicks.significant(0, 4)).isEqualTo("0");
  }
}
