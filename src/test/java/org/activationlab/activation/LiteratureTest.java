package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Known values from the literature, and the numerically analysed properties. */
class LiteratureTest {

  static Activation f(String spec) {
    return Catalog.parse(spec);
  }

  static ActivationProperties props(String spec) {
    return PropertyAnalysis.analyse(f(spec));
  }

  @Test
  void slopesAtTheOrigin() {
    assertThat(f("sigmoid").derivative(0)).isEqualTo(0.25);
    assertThat(f("tanh").derivative(0)).isEqualTo(1.0);
    assertThat(f("softplus").derivative(0)).isEqualTo(0.5);
    assertThat(f("silu").derivative(0)).isEqualTo(0.5);
    assertThat(f("gelu").derivative(0)).isEqualTo(0.5);
    assertThat(f("gelu:approximate=true").derivative(0)).isEqualTo(0.5);
    assertThat(f("mish").derivative(0)).isCloseTo(Math.tanh(Math.log(2)), Offset.offset(1e-15))
        .isCloseTo(0.6, Offset.offset(1e-15));
  }

  @Test
  void sigmoidSlopeIsLargestAtZero() {
    ActivationProperties p = props("sigmoid");
    assertThat(p.maxAbsDerivative()).isEqualTo(0.25);
    assertThat(p.argMaxAbsDerivative()).isCloseTo(0.0, Offset.offset(1e-6));
  }

  @Test
  void siluMinimum() {
    ActivationProperties p = props("silu");
    assertThat(p.hasInteriorMinimum()).isTrue();
    assertThat(p.interiorMinimum()).isCloseTo(-0.2785, Offset.offset(1e-4));
    assertThat(p.interiorMinimumAt()).isCloseTo(-1.2785, Offset.offset(1e-4));
    // x* solves 1 + x(1 − σ(x)) = 0, i.e. x* = −1 − e^{x*}: W(1/e) − 1 ≈ −1.278464542761074
    assertThat(p.interiorMinimumAt()).isCloseTo(-1.278464542761074, Offset.offset(1e-6));
    assertThat(p.rangeMin()).isEqualTo(p.interiorMinimum());
    assertThat(p.rangeMinAttained()).isTrue();
  }

  @Test
  void seluLowerBound() {
    double bound = -ReluLike.Selu.LAMBDA * ReluLike.Selu.ALPHA;
    assertThat(bound).isCloseTo(-1.7580993408473766, Offset.offset(1e-15));
    assertThat(f("selu").value(-1e3)).isEqualTo(bound);
    ActivationProperties p = props("selu");
    assertThat(p.rangeMin()).isCloseTo(bound, Offset.offset(1e-12));
    assertThat(p.rangeMinAttained()).isFalse();
    assertThat(p.rangeText()).isEqualTo("(-1.7581, ∞)");
  }

  @Test
  void geluApproximationIsClose() {
    Activation exact = f("gelu");
    Activation approx = f("gelu:approximate=true");
    double worst = 0;
    for (double x = -10; x <= 10; x += 0.001) {
      worst = Math.max(worst, Math.abs(exact.value(x) - approx.value(x)));
    }
    assertThat(worst).isLessThan(1e-3).isGreaterThan(1e-5); // they are different functions
    assertThat(exact.value(1)).isCloseTo(0.8413447460685429, Offset.offset(1e-15)); // Φ(1)
    assertThat(exact.value(-40)).isLessThanOrEqualTo(0.0).isNotNaN();
  }

  @Test
  void sigmoidProperties() {
    ActivationProperties p = props("sigmoid");
    assertThat(p.rangeMin()).isEqualTo(0.0);
    assertThat(p.rangeMax()).isEqualTo(1.0);
    assertThat(p.rangeMinAttained()).isFalse();
    assertThat(p.rangeMaxAttained()).isFalse();
    assertThat(p.rangeText()).isEqualTo("(0, 1)");
    assertThat(p.boundedBelow()).isTrue();
    assertThat(p.boundedAbove()).isTrue();
    assertThat(p.zeroCentred()).isFalse();
    assertThat(p.monotonic()).isTrue();
    assertThat(p.smooth()).isTrue();
    assertThat(p.hasInteriorMinimum()).isFalse();
  }

  @Test
  void sigmoidSaturatesWhereItsSlopeFallsTo5Percent() {
    // σ'(x) = 0.0125 ⇔ σ(x) = (1 − √0.95)/2 ⇔ x = ±ln((1 + √0.95)/(1 − √0.95))
    double edge = Math.log((1 + Math.sqrt(0.95)) / (1 - Math.sqrt(0.95)));
    assertThat(edge).isCloseTo(4.3565, Offset.offset(1e-4));
    List<Interval> s = props("sigmoid").saturationRegions();
    assertThat(s).hasSize(2);
    assertThat(s.get(0).from()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(s.get(0).to()).isCloseTo(-edge, Offset.offset(1e-9));
    assertThat(s.get(1).from()).isCloseTo(edge, Offset.offset(1e-9));
    assertThat(s.get(1).to()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void tanhIsZeroCentred() {
    ActivationProperties p = props("tanh");
    assertThat(p.zeroCentred()).isTrue();
    assertThat(p.rangeText()).isEqualTo("(-1, 1)");
    assertThat(p.maxAbsDerivative()).isEqualTo(1.0);
  }

  @Test
  void reluProperties() {
    ActivationProperties p = props("relu");
    assertThat(p.smooth()).isFalse();
    assertThat(p.rangeMin()).isEqualTo(0.0);
    assertThat(p.rangeMax()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p.rangeMinAttained()).isTrue();
    assertThat(p.rangeText()).isEqualTo("[0, ∞)");
    assertThat(p.boundedAbove()).isFalse();
    assertThat(p.zeroCentred()).isFalse();
    assertThat(p.monotonic()).isTrue();
    assertThat(p.maxAbsDerivative()).isEqualTo(1.0);
    assertThat(p.argMaxAbsDerivative()).isEqualTo(0.0);
    assertThat(p.saturationRegions()).containsExactly(new Interval(Double.NEGATIVE_INFINITY, 0));
  }

  @Test
  void moreRanges() {
    assertThat(props("binary_step").rangeText()).isEqualTo("[0, 1]");
    assertThat(props("hard_sigmoid").rangeText()).isEqualTo("[0, 1]");
    assertThat(props("relu6").rangeText()).isEqualTo("[0, 6]");
    assertThat(props("elu").rangeText()).isEqualTo("(-1, ∞)");
    assertThat(props("softplus").rangeText()).isEqualTo("(0, ∞)");
    assertThat(props("log_sigmoid").rangeText()).isEqualTo("(-∞, 0)");
    assertThat(props("softsign").rangeText()).isEqualTo("(-1, 1)");
    assertThat(props("hard_swish").rangeText()).isEqualTo("[-0.375, ∞)");
    assertThat(props("identity").rangeText()).isEqualTo("(-∞, ∞)");
    assertThat(props("exponential").rangeText()).isEqualTo("(0, ∞)");
    assertThat(props("squareplus").rangeText()).isEqualTo("(0, ∞)");
    assertThat(props("mish").interiorMinimum()).isCloseTo(-0.30884, Offset.offset(1e-5));
    assertThat(props("gelu").interiorMinimum()).isCloseTo(-0.16997, Offset.offset(1e-5));
  }

  @Test
  void smoothnessMonotonicityAndSteepness() {
    assertThat(props("softplus").smooth()).as("threshold switch is negligible").isTrue();
    assertThat(props("softplus:threshold=1").smooth()).as("but not when it is visible").isFalse();
    assertThat(props("elu").smooth()).isTrue();
    assertThat(props("elu:alpha=2").smooth()).isFalse();
    assertThat(props("celu:alpha=2").smooth()).isTrue();
    assertThat(props("hardshrink").smooth()).isFalse();
    assertThat(props("gelu").monotonic()).isFalse();
    assertThat(props("prelu:alpha=-0.5").monotonic()).isFalse();
    assertThat(props("softplus").argMaxAbsDerivative()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(props("exponential").maxAbsDerivative()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(props("exponential").saturationRegions()).isEmpty();
    assertThat(props("hard_sigmoid").argMaxAbsDerivative()).isEqualTo(-3.0);
    assertThat(props("silu").argMaxAbsDerivative()).isCloseTo(2.399357280515467, Offset.offset(1e-6));
    assertThat(props("identity").argMaxAbsDerivative()).isNaN();
    assertThat(props("binary_step").saturationRegions())
        .containsExactly(new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
  }

  /**
   * Where the maximum slope is, honestly: an end belongs to it only if f′ takes the maximum there
   * under the catalog's (PyTorch's) convention at kinks.
   */
  @Test
  void theSteepestSlopeIsReportedWhereItIsTaken() {
    double inf = Double.POSITIVE_INFINITY;
    assertThat(props("relu").steepest()).as("f'(0) = 0: 1 only for x > 0")
        .containsExactly(new ActivationProperties.Span(0, inf, false, false));
    assertThat(props("leaky_relu").steepest())
        .containsExactly(new ActivationProperties.Span(0, inf, false, false));
    assertThat(props("elu").steepest()).as("f'(0) = 1")
        .containsExactly(new ActivationProperties.Span(0, inf, true, false));
    assertThat(props("hard_sigmoid").steepest())
        .containsExactly(new ActivationProperties.Span(-3, 3, false, false));
    assertThat(props("softshrink").steepest()).containsExactly(
        new ActivationProperties.Span(-inf, -0.5, false, false),
        new ActivationProperties.Span(0.5, inf, false, false));
    assertThat(props("hard_swish").steepest()).as("1.5 only approached: f'(3) = 1")
        .containsExactly(new ActivationProperties.Span(3, 3, false, false));
    assertThat(props("sigmoid").steepest())
        .containsExactly(new ActivationProperties.Span(0, 0, true, true));
    assertThat(props("softplus").steepest()).as("a tail: nowhere finite").isEmpty();
    assertThat(props("identity").steepest()).as("constant").isEmpty();
    // each reported end agrees with the catalog's f' there
    for (String id : new String[] {"relu", "elu", "hard_sigmoid", "softshrink", "relu6"}) {
      Activation f = Catalog.parse(id);
      double max = props(id).maxAbsDerivative();
      for (ActivationProperties.Span span : props(id).steepest()) {
        if (Double.isFinite(span.from())) {
          assertThat(Math.abs(f.derivative(span.from())) == max).as(id + " at " + span.from())
              .isEqualTo(span.fromIncluded());
        }
        if (Double.isFinite(span.to())) {
          assertThat(Math.abs(f.derivative(span.to())) == max).as(id + " at " + span.to())
              .isEqualTo(span.toIncluded());
        }
      }
    }
  }

  /**
   * Zero-centred means a mean output near 0 for x ~ N(0, 1): |E f| ≤ 0.1 √E f². Closed forms:
   * E relu = 1/√(2π) ≈ 0.399 (RMS 1/√2), E leaky_relu = 0.99/√(2π); SELU's λ and α are chosen so
   * that its mean is 0; odd functions have mean 0.
   */
  @Test
  void zeroCentredMeansAMeanOutputNearZeroForAStandardNormalInput() {
    for (String yes : new String[] {"identity", "tanh", "softsign", "selu", "hard_tanh",
        "tanhshrink", "softshrink", "hardshrink"}) {
      assertThat(props(yes).zeroCentred()).as(yes).isTrue();
    }
    for (String no : new String[] {"sigmoid", "relu", "leaky_relu", "elu", "gelu", "silu",
        "softplus", "binary_step", "exponential"}) {
      assertThat(props(no).zeroCentred()).as(no).isFalse();
    }
    // the margins, from the closed forms: ReLU's mean is 0.56 of its RMS, Leaky ReLU's 0.56 too
    double relu = 1 / Math.sqrt(2 * Math.PI) / Math.sqrt(0.5);
    assertThat(relu).isGreaterThan(5 * PropertyAnalysis.ZERO_CENTRED_TOLERANCE);
    // a threshold moves it: leaky with slope 1 is the identity
    assertThat(props("leaky_relu:negative_slope=1").zeroCentred()).isTrue();
  }

  @Test
  void numericCheckFindsUndeclaredKinks() {
    ActivationFunction abs = ActivationFunction.builder("abs", "|x|")
        .latex("|x|", "\\mathrm{sign}(x)")
        .factory((fn, p) -> new AbstractActivation(fn, p) {
          @Override
          public double value(double x) {
            return Math.abs(x - 0.123);
          }

          @Override
          public double derivative(double x) {
            return x > 0.123 ? 1 : -1;
          }
        })
        .build(); // the kink at 0.123 is deliberately not declared
    ActivationProperties p = PropertyAnalysis.analyse(abs.withDefaults());
    assertThat(p.smooth()).isFalse();
    assertThat(p.monotonic()).isFalse();
    assertThat(p.interiorMinimumAt()).isCloseTo(0.123, Offset.offset(1e-9));
    assertThat(p.rangeText()).isEqualTo("[0, ∞)");
  }

  @TestFactory
  Stream<DynamicTest> analysisIsConsistentForEveryFunction() {
    // speed is a benchmark's business (PropertyAnalysisBenchmark), never a timed assertion
    return Draws.defaultsAndCorners().stream().map(a -> DynamicTest.dynamicTest(a.spec(), () -> {
      ActivationProperties p = PropertyAnalysis.analyse(a);
      assertThat(p.rangeMin()).isLessThanOrEqualTo(p.rangeMax());
      assertThat(p.boundedBelow()).isEqualTo(Double.isFinite(p.rangeMin()));
      assertThat(p.boundedAbove()).isEqualTo(Double.isFinite(p.rangeMax()));
      for (double x = -30; x <= 30; x += 0.25) {
        double v = a.value(x);
        assertThat(v).isBetween(p.rangeMin() - 1e-12, p.rangeMax() + 1e-12);
        assertThat(Math.abs(a.derivative(x))).isLessThanOrEqualTo(p.maxAbsDerivative() * (1 + 1e-9));
      }
      for (Interval s : p.saturationRegions()) {
        double mid = Double.isInfinite(s.from()) ? (Double.isInfinite(s.to()) ? 0 : s.to() - 1)
            : Double.isInfinite(s.to()) ? s.from() + 1 : (s.from() + s.to()) / 2;
        assertThat(Math.abs(a.derivative(mid)))
            .isLessThanOrEqualTo(ActivationProperties.SATURATION_FRACTION * p.maxAbsDerivative() + 1e-15);
      }
    }));
  }

  @Test
  void intervalText() {
    assertThat(new Interval(Double.NEGATIVE_INFINITY, 0)).hasToString("(-∞, 0]");
    assertThat(new Interval(4.3565, Double.POSITIVE_INFINITY).contains(5)).isTrue();
    assertThat(new Interval(-1, 1).length()).isEqualTo(2.0);
  }
}
