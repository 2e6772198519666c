package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** erf/erfc against reference values (computed with 40-digit arithmetic, mpmath). */
class SpecialFunctionsTest {

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5204998778130465",
    "1, 0.8427007929497149",
    "2, 0.9953222650189527",
    "0.1, 0.1124629160182849",
    "0.84375, 0.7672256612323416",
    "1.5, 0.9661051464753108",
    "3, 0.9999779095030014",
    "1e-10, 1.1283791670955126e-10",
  })
  void erfMatchesReferenceToOneUlpOrSo(double x, double expected) {
    assertRelative(SpecialFunctions.erf(x), expected, 1e-15);
    assertRelative(SpecialFunctions.erf(-x), -expected, 1e-15);
  }

  @ParameterizedTest
  @CsvSource({
    "5, 1.5374597944280349e-12",
    "0.5, 0.4795001221869535",
    "1, 0.15729920705028513",
    "2, 0.004677734981047266",
    "3, 2.209049699858544e-05",
    "10, 2.088487583762545e-45",
    "26, 5.663192408856143e-296",
    "-1, 1.8427007929497148",
  })
  void erfcMatchesReferenceInTheTail(double x, double expected) {
    assertRelative(SpecialFunctions.erfc(x), expected, 2e-15);
  }

  @Test
  void limitsAndSymmetry() {
    assertThat(SpecialFunctions.erf(0)).isEqualTo(0.0);
    assertThat(SpecialFunctions.erf(7)).isEqualTo(1.0);
    assertThat(SpecialFunctions.erf(-40)).isEqualTo(-1.0);
    assertThat(SpecialFunctions.erfc(30)).isEqualTo(0.0);
    assertThat(SpecialFunctions.erfc(-30)).isEqualTo(2.0);
    assertThat(SpecialFunctions.erf(Double.NaN)).isNaN();
    for (double x = -6; x <= 6; x += 0.01) {
      assertThat(SpecialFunctions.erf(x) + SpecialFunctions.erfc(x)).isCloseTo(1.0, Offset.offset(1e-15));
    }
  }

  @Test
  void erfIsMonotonicAcrossTheMethodSwitches() {
    double prev = SpecialFunctions.erf(0.9);
    for (double x = 0.9; x < 6.5; x += 1e-4) {
      double v = SpecialFunctions.erf(x);
      assertThat(v).isGreaterThanOrEqualTo(prev);
      prev = v;
    }
  }

  static void assertRelative(double actual, double expected, double tol) {
    assertThat(Math.abs(actual - expected))
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(tol * Math.abs(expected));
  }
}
