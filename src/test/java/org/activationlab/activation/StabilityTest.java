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
}
