package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The analytic derivative of every catalog function agrees with a central finite difference.
 *
 * <p>Points within 1e-3 of a declared break are skipped, and so are points near 0 when f'' jumps
 * there (ELU, CELU, softsign: f' is continuous but has a kink, so the central difference is off
 * by O(h) there). That kink is detected numerically, not by function name, so new functions are
 * covered without changing this test.
 */
class DerivativeProperties {

  static final double H = 1e-5;
  static final double EXCLUSION = 1e-3;

  @Provide
  Arbitrary<Activation> boundFunctions() {
    return Draws.boundFunctions();
  }

  @Property(tries = 5000)
  void analyticDerivativeMatchesCentralDifference(
      @ForAll("boundFunctions") Activation a, @ForAll @DoubleRange(min = -20, max = 20) double x) {
    Assume.that(!nearBreak(a, x));
    assertDerivativeMatches(a, x);
  }

  /** A deterministic grid for every function (defaults and slider corners), so none is missed. */
  @TestFactory
  Stream<DynamicTest> everyFunctionOnAGrid() {
    return Draws.defaultsAndCorners().stream().map(a -> DynamicTest.dynamicTest(a.spec(), () -> {
      int checked = 0;
      for (double x = -20; x <= 20; x += 0.0137) {
        if (!nearBreak(a, x)) {
          assertDerivativeMatches(a, x);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(2500);
    }));
  }

  static void assertDerivativeMatches(Activation a, double x) {
    double fd = (a.value(x + H) - a.value(x - H)) / (2 * H);
    double analytic = a.derivative(x);
    assertThat(analytic)
        .as("%s: f'(%s) analytic vs central difference", a.spec(), x)
        .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(fd))));
  }

  static boolean nearBreak(Activation a, double x) {
    for (double b : Draws.breaks(a)) {
      if (Math.abs(x - b) < EXCLUSION) {
        return true;
      }
    }
    return Math.abs(x) < EXCLUSION && secondDerivativeJumpsAtZero(a);
  }

  /** Whether the one-sided slopes of f' at 0 differ, i.e. f' has a kink there. */
  static boolean secondDerivativeJumpsAtZero(Activation a) {
    double d = 1e-4;
    double right = (a.derivative(d) - a.derivative(0)) / d;
    double left = (a.derivative(0) - a.derivative(-d)) / d;
    return Math.abs(right - left) > 1e-2 * Math.max(1, Math.abs(right) + Math.abs(left));
  }
}
