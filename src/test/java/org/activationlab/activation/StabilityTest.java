package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** No NaN and no infinity for |x| ≤ 1e3, except e^x where the true value exceeds Double.MAX_VALUE. */
class StabilityTest {

  @TestFactory
  Stream<DynamicTest> finiteOnMinusToPlusThousand() {
    return Draws.defaultsAndCorners().stream().map(a -> DynamicTest.dynamicTest(a.spec(), () -> {
      int n = 0;
      for (int i = -40_000; i <= 40_000; i++) {
        check(a, i * 0.025); // includes ±1000 exactly, 0, and every integer
        n++;
      }
      for (double x : new double[] {-1e3, 1e3, -709.8, 709.7, -1e-300, 1e-300, -Double.MIN_VALUE}) {
        check(a, x);
        n++;
      }
      // the array forms agree with the scalar forms
      double[] in = new double[2001];
      for (int i = 0; i < in.length; i++) {
        in[i] = -1000 + i;
      }
      double[] v = new double[in.length];
      double[] d = new double[in.length];
      a.values(in, v, 0, in.length);
      a.derivatives(in, d, 0, in.length);
      for (int i = 0; i < in.length; i++) {
        assertThat(v[i]).isEqualTo(a.value(in[i]));
        assertThat(d[i]).isEqualTo(a.derivative(in[i]));
      }
      assertThat(n).isGreaterThan(80_000);
    }));
  }

  private static void check(Activation a, double x) {
    double v = a.value(x);
    double d = a.derivative(x);
    assertThat(Double.isNaN(v)).as("%s(%s) is NaN", a.spec(), x).isFalse();
    assertThat(Double.isNaN(d)).as("%s'(%s) is NaN", a.spec(), x).isFalse();
    boolean overflowAllowed = a.function().id().equals("exponential")
        && x > Functions.Exponential.OVERFLOW_THRESHOLD;
    if (overflowAllowed) {
      assertThat(v).isEqualTo(Double.POSITIVE_INFINITY);
    } else {
      assertThat(Double.isInfinite(v)).as("%s(%s) = %s", a.spec(), x, v).isFalse();
      assertThat(Double.isInfinite(d)).as("%s'(%s) = %s", a.spec(), x, d).isFalse();
    }
  }

  @Test
  void exponentialOverflowsOnlyBeyondTheLargestDouble() {
    Activation e = Catalog.get("exponential").withDefaults();
    assertThat(e.value(709.78)).isFinite();
    assertThat(e.value(709.79)).isInfinite();
    assertThat(Functions.Exponential.OVERFLOW_THRESHOLD).isCloseTo(709.782712893384, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void tailsKeepRelativeAccuracy() {
    // values that a naive formula would round to 0, 1 or NaN
    assertThat(Catalog.get("softplus").withDefaults().value(-700)).isCloseTo(Math.exp(-700),
        org.assertj.core.data.Percentage.withPercentage(1e-10));
    assertThat(Catalog.get("log_sigmoid").withDefaults().value(-1000)).isEqualTo(-1000.0);
    assertThat(Catalog.get("squareplus").withDefaults().value(-1e3))
        .isCloseTo(1.0 / 1000, org.assertj.core.data.Percentage.withPercentage(1e-4)); // ≈ b/(4|x|)
    assertThat(Catalog.get("sigmoid").withDefaults().derivative(-700)).isGreaterThan(0.0);
    assertThat(Catalog.get("gelu").withDefaults().value(-30)).isLessThan(0.0).isGreaterThan(-1e-190);
    assertThat(Catalog.parse("gelu:approximate=true").value(-1000)).isNotNaN();
    assertThat(Catalog.get("mish").withDefaults().value(-1000)).isNotNaN().isLessThanOrEqualTo(0.0);
  }

  /** x − tanh x to 1e-15 relative against 60-digit arithmetic, near 0 and across the switch. */
  @Test
  void tanhshrinkKeepsItsDigitsNearZero() {
    Activation f = Catalog.get("tanhshrink").withDefaults();
    double worst = 0;
    for (double x : new double[] {1e-300, 1e-100, 1e-8, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5,
        0.7, 0.9, 0.999, 1.0, 1.001, 1.5, 2, 3, 7}) {
      for (double v : new double[] {x, -x}) {
        double exact = exactTanhshrink(v);
        if (exact == 0) { // x³/3 below the smallest double
          assertThat(f.value(v)).as("x = " + v).isZero();
          continue;
        }
        double error = Math.abs(f.value(v) - exact) / Math.abs(exact);
        worst = Math.max(worst, error);
        assertThat(error).as("x = " + v).isLessThanOrEqualTo(1e-15);
      }
    }
    assertThat(worst).as("the check compares something").isGreaterThan(0);
    assertThat(f.value(0)).isZero();
  }

  /** x − (e^{2x} − 1)/(e^{2x} + 1) in 60 digits, e^{2x} by its Taylor series. */
  private static double exactTanhshrink(double x) {
    java.math.MathContext mc = new java.math.MathContext(60);
    java.math.BigDecimal bx = new java.math.BigDecimal(x);
    if (Math.abs(x) < 1e-20) { // x³/3 is all there is below double precision
      return bx.pow(3).divide(java.math.BigDecimal.valueOf(3), mc).doubleValue();
    }
    java.math.BigDecimal y = bx.multiply(java.math.BigDecimal.valueOf(2));
    java.math.BigDecimal term = java.math.BigDecimal.ONE;
    java.math.BigDecimal e = java.math.BigDecimal.ONE;
    for (int k = 1; k < 400; k++) {
      term = term.multiply(y, mc).divide(java.math.BigDecimal.valueOf(k), mc);
      e = e.add(term, mc);
    }
    java.math.BigDecimal tanh = e.subtract(java.math.BigDecimal.ONE)
        .divide(e.add(java.math.BigDecimal.ONE), mc);
    return bx.subtract(tanh, mc).doubleValue();
  }
}
