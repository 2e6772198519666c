package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typical gain E[f′(z)²], z ~ N(0, σ²), and the depth model's backward factors, against
 * closed forms and a Monte-Carlo estimate.
 */
class SignalPropagationTest {

  private static Activation f(String spec) {
    return Catalog.parse(spec);
  }

  @Test
  void tenPointGaussLegendreIsExactForPolynomialsOfDegree19() {
    double[][] nw = SignalPropagation.gaussLegendre(SignalPropagation.NODES);
    for (int k = 0; k <= 19; k++) {
      double s = 0;
      for (int i = 0; i < nw[0].length; i++) {
        s += nw[1][i] * Math.pow(nw[0][i], k);
      }
      double exact = k % 2 == 1 ? 0 : 2.0 / (k + 1);
      assertThat(s).as("x^" + k).isCloseTo(exact, within(1e-15));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.5, 1, 1.4142135623730951, 3, 20})
  void closedForms(double sigma) {
    double s2 = sigma * sigma;
    // ReLU: f′² is the step 1[z > 0] whatever σ, f² = z² on the positive half
    assertThat(SignalPropagation.meanSquareDerivative(f("relu"), sigma))
        .isCloseTo(0.5, within(1e-14));
    assertThat(SignalPropagation.meanSquare(f("relu"), sigma)).isCloseTo(s2 / 2, within(1e-14 * s2));
    // linear: f′ = 1, E f² = σ²
    assertThat(SignalPropagation.meanSquareDerivative(f("identity"), sigma))
        .isCloseTo(1, within(1e-14));
    assertThat(SignalPropagation.meanSquare(f("identity"), sigma))
        .isCloseTo(s2, within(1e-14 * s2));
    // Leaky ReLU: (1 + α²)/2
    assertThat(SignalPropagation.meanSquareDerivative(f("leaky_relu:negative_slope=0.1"), sigma))
        .isCloseTo((1 + 0.01) / 2, within(1e-14));
    // hard tanh: f′ = 1 on (−1, 1), P(|z| < 1) = erf(1/(σ√2)); kinks off the panel grid
    assertThat(SignalPropagation.meanSquareDerivative(f("hard_tanh"), sigma))
        .isCloseTo(SpecialFunctions.erf(1 / (sigma * Math.sqrt(2))), within(1e-14));
    // ReLU6: f′ = 1 on (0, 6): Φ(6/σ) − ½
    assertThat(SignalPropagation.meanSquareDerivative(f("relu6"), sigma))
        .isCloseTo(SpecialFunctions.normalCdf(6 / sigma) - 0.5, within(1e-14));
    // ELU (α = 1): ½ + E[e^{2z}; z ≤ 0] = ½ + e^{2σ²} Φ(−2σ)
    if (sigma <= 3) {
      assertThat(SignalPropagation.meanSquareDerivative(f("elu"), sigma))
          .isCloseTo(0.5 + Math.exp(2 * s2) * SpecialFunctions.normalCdf(-2 * sigma),
              within(1e-13));
    }
  }

  @Test
  void theExponentialsGrowingIntegrandIsFollowedOut() {
    // E[e^{2z}] = e^{2σ²}: the integrand peaks at z = 2σ², far out for larger σ
    for (double sigma : new double[] {0.5, 1, 2, 4}) {
      double exact = Math.exp(2 * sigma * sigma);
      assertThat(SignalPropagation.meanSquareDerivative(f("exponential"), sigma))
          .as("σ = " + sigma).isCloseTo(exact, within(1e-12 * exact));
    }
    assertThat(SignalPropagation.meanSquare(f("exponential"), 30)).isInfinite();
  }

  @Test
  void tanhTendsToOneForSmallSigma() {
    // sech⁴ z = 1 − 2z² + O(z⁴), so E = 1 − 2σ² + O(σ⁴)
    for (double sigma : new double[] {1e-1, 1e-2, 1e-3}) {
      double e = SignalPropagation.meanSquareDerivative(f("tanh"), sigma);
      assertThat(e).isLessThan(1);
      assertThat(e).as("σ = " + sigma).isCloseTo(1 - 2 * sigma * sigma,
          within(10 * Math.pow(sigma, 4)));
    }
  }

  /** Mean and standard error of g(z), z ~ N(0, σ²), over n seeded draws. */
  private static double[] monteCarlo(java.util.function.DoubleUnaryOperator g, double sigma,
      int n) {
    SplittableRandom rng = new SplittableRandom(20240607L);
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      // Box–Muller
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double z = sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      double v = g.applyAsDouble(z);
      sum += v;
      sq += v * v;
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt((sq / n - mean * mean) / n)};
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1, 1.4142135623730951, 4})
  void sigmoidAgreesWithMonteCarlo(double sigma) {
    java.util.function.DoubleUnaryOperator slope2 = z -> {
      double s = 1 / (1 + Math.exp(-z));
      return s * (1 - s) * s * (1 - s);
    };
    double[] mc = monteCarlo(slope2, sigma, 2_000_000);
    double quad = SignalPropagation.meanSquareDerivative(f("sigmoid"), sigma);
    assertThat(quad).isCloseTo(mc[0], within(5 * mc[1]));
    assertThat(quad).isLessThanOrEqualTo(1.0 / 16); // f′ ≤ ¼
    double[] mcSquare = monteCarlo(z -> Math.pow(1 / (1 + Math.exp(-z)), 2), sigma, 2_000_000);
    assertThat(SignalPropagation.meanSquare(f("sigmoid"), sigma))
        .isCloseTo(mcSquare[0], within(5 * mcSquare[1]));
  }

  @Test
  void heKeepsReluAtOneAndGlorotKeepsTheIdentityAtOne() {
    for (double chi : SignalPropagation.backwardFactors(f("relu"), 2, 30)) {
      assertThat(chi).isCloseTo(1, within(1e-13));
    }
    for (double chi : SignalPropagation.backwardFactors(f("relu"), 1, 30)) {
      assertThat(chi).isCloseTo(0.5, within(1e-13)); // Glorot halves a ReLU stack's gradient
    }
    for (double chi : SignalPropagation.backwardFactors(f("identity"), 1, 30)) {
      assertThat(chi).isCloseTo(1, within(1e-13));
    }
  }

  @Test
  void sigmoidWithGlorotDecaysAndTanhApproachesOne() {
    double[] sigmoid = SignalPropagation.backwardFactors(f("sigmoid"), 1, 30);
    // layer 1: z ~ N(0, 1); layer 2: q = E[σ(z)²] with z ~ N(0, 1), about 0.29
    assertThat(sigmoid[0]).isCloseTo(
        SignalPropagation.meanSquareDerivative(f("sigmoid"), 1), within(1e-15));
    double q2 = SignalPropagation.meanSquare(f("sigmoid"), 1);
    assertThat(q2).isBetween(0.28, 0.30);
    assertThat(sigmoid[1]).isCloseTo(
        SignalPropagation.meanSquareDerivative(f("sigmoid"), Math.sqrt(q2)), within(1e-15));
    double product = 1;
    for (double chi : sigmoid) {
      assertThat(chi).isLessThan(1.0 / 16);
      product *= chi;
    }
    assertThat(product).isLessThan(1e-30);

    double[] tanh = SignalPropagation.backwardFactors(f("tanh"), 1, 30);
    for (int l = 1; l < tanh.length; l++) {
      assertThat(tanh[l]).isGreaterThan(tanh[l - 1]).isLessThan(1);
    }
    assertThat(tanh[29]).isGreaterThan(0.9);
  }

  @Test
  void deadAndExplodingStacks() {
    for (double chi : SignalPropagation.backwardFactors(f("binary_step"), 2, 10)) {
      assertThat(chi).isZero();
    }
    double[] exp = SignalPropagation.backwardFactors(f("exponential"), 1, 10);
    assertThat(exp[0]).isCloseTo(Math.exp(2), within(1e-12));
    assertThat(exp[9]).isInfinite();
  }
}
