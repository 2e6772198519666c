package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which share the statistics report for each function: the rule of {@link Flatness}. */
class FlatnessTest {

  /** Every catalog function at its defaults, as docs/formats.md lists them. */
  static Map<String, Flatness> catalogAtDefaults() {
    Map<String, Flatness> m = new LinkedHashMap<>();
    for (String id : new String[] {"relu", "relu6", "hard_swish", "softshrink", "hardshrink",
        "binary_step"}) {
      m.put(id, Flatness.SWITCHES_OFF);
    }
    for (String id : new String[] {"sigmoid", "tanh", "softsign", "hard_sigmoid",
        "hard_sigmoid_tf2", "hard_tanh"}) {
      m.put(id, Flatness.SATURATES);
    }
    for (String id : new String[] {"identity", "leaky_relu", "prelu", "rrelu", "elu", "celu",
        "selu", "gelu", "silu", "mish", "softplus", "log_sigmoid", "tanhshrink", "exponential",
        "squareplus"}) {
      m.put(id, Flatness.NEITHER);
    }
    return m;
  }

  @Test
  void everyCatalogFunctionHasItsFamily() {
    Map<String, Flatness> expected = catalogAtDefaults();
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Catalog.ids());
    Map<String, Flatness> actual = new LinkedHashMap<>();
    for (String id : expected.keySet()) {
      actual.put(id, Flatness.of(Catalog.get(id).withDefaults()));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      // a zero slope makes the leaky family and ELU into ReLU
      "leaky_relu:negative_slope=0 | SWITCHES_OFF",
      "prelu:alpha=0 | SWITCHES_OFF",
      "rrelu:lower=0,upper=0 | SWITCHES_OFF",
      "elu:alpha=0 | SWITCHES_OFF",
      "prelu:alpha=-0.5 | NEITHER",
      // hard tanh with a bound at 0 is ReLU6's shape (PyTorch's ReLU6 is Hardtanh(0, 6))
      "hard_tanh:min_val=0,max_val=6 | SWITCHES_OFF",
      "hard_tanh:min_val=-3,max_val=0 | SWITCHES_OFF",
      "hard_tanh:min_val=0.5,max_val=2 | SATURATES",
      // the tanh form of GELU rounds to exactly 0 below about −7, which is no off region
      "gelu:approximate=true | NEITHER",
      "softshrink:lambd=2 | SWITCHES_OFF",
      "hardshrink:lambd=0.1 | SWITCHES_OFF",
      "softplus:beta=5 | NEITHER"})
  void parametersCount(String spec, Flatness expected) {
    assertThat(Flatness.of(Catalog.parse(spec))).isEqualTo(expected);
  }

  @Test
  void theSameShapeGetsTheSameFamily() {
    assertThat(Flatness.of(Catalog.parse("hard_tanh:min_val=0,max_val=6")))
        .isEqualTo(Flatness.of(Catalog.parse("relu6")));
    assertThat(Flatness.of(Catalog.parse("leaky_relu:negative_slope=0")))
        .isEqualTo(Flatness.of(Catalog.parse("relu")));
  }

  @Test
  void onlyReluLikeFunctionsReportInactiveAndOnlySaturatingOnesSaturated() {
    assertThat(Flatness.SWITCHES_OFF.reportsInactive()).isTrue();
    assertThat(Flatness.SWITCHES_OFF.reportsSaturated()).isFalse();
    assertThat(Flatness.SATURATES.reportsInactive()).isFalse();
    assertThat(Flatness.SATURATES.reportsSaturated()).isTrue();
    assertThat(Flatness.NEITHER.reportsInactive()).isFalse();
    assertThat(Flatness.NEITHER.reportsSaturated()).isFalse();
  }

  @Test
  void theFamiliesAgreeWithWhatTheFunctionsDo() {
    for (ActivationFunction fn : Catalog.all()) {
      Activation f = fn.withDefaults();
      Flatness family = Flatness.of(f);
      ActivationProperties p = PropertyAnalysis.analyse(f);
      boolean bounded = p.boundedBelow() && p.boundedAbove();
      // an exact off region: f = f′ = 0 on a stretch of [−6, 6]
      int offRun = 0;
      int longest = 0;
      for (double x = -6; x <= 6; x += 1.0 / 64) {
        offRun = f.value(x) == 0 && f.derivative(x) == 0 ? offRun + 1 : 0;
        longest = Math.max(longest, offRun);
      }
      switch (family) {
        case SWITCHES_OFF -> assertThat(longest).as(fn.id()).isGreaterThan(1);
        case SATURATES -> assertThat(bounded).as(fn.id()).isTrue();
        case NEITHER -> {
          assertThat(longest).as(fn.id()).isLessThanOrEqualTo(1);
          assertThat(bounded).as(fn.id()).isFalse();
        }
      }
    }
  }
}
