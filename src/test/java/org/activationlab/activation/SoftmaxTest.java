package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXFormula;

class SoftmaxTest {

  @Property(tries = 300)
  void sumsToOneAndIsPositive(
      @ForAll @Size(min = 1, max = 12) java.util.List<@DoubleRange(min = -500, max = 500) Double> logits,
      @ForAll @DoubleRange(min = 0.05, max = 20) double temperature) {
    double[] z = logits.stream().mapToDouble(Double::doubleValue).toArray();
    double[] a = Softmax.probabilities(z, temperature);
    assertThat(Arrays.stream(a).sum()).isCloseTo(1.0, Offset.offset(1e-12));
    for (double p : a) {
      assertThat(p).isBetween(0.0, 1.0);
    }
    // shifting all logits does not change the result
    double[] shifted = Arrays.stream(z).map(v -> v + 123.0).toArray();
    double[] b = Softmax.probabilities(shifted, temperature);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], Offset.offset(1e-9));
    }
  }

  @Test
  void maxShiftKeepsHugeLogitsFinite() {
    double[] a = Softmax.probabilities(new double[] {1000, 999, -1000}, 1);
    double e = Math.exp(-1);
    assertThat(a[0]).isCloseTo(1 / (1 + e), Offset.offset(1e-15));
    assertThat(a[1]).isCloseTo(e / (1 + e), Offset.offset(1e-15));
    assertThat(a[2]).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
  }

  @Test
  void temperatureFlattensOrSharpens() {
    double[] z = {2, 1, 0};
    double[] cold = Softmax.probabilities(z, 0.1);
    double[] one = Softmax.probabilities(z, 1);
    double[] hot = Softmax.probabilities(z, 100);
    assertThat(cold[0]).isGreaterThan(one[0]).isGreaterThan(0.9999);
    assertThat(hot[0]).isLessThan(one[0]).isCloseTo(1.0 / 3, Offset.offset(0.01));
    assertThat(Softmax.probabilities(z, 2)).containsExactly(Softmax.probabilities(new double[] {1, 0.5, 0}, 1));
    assertThatThrownBy(() -> Softmax.probabilities(z, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> Softmax.probabilities(z, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Softmax.probabilities(z, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Softmax.probabilities(new double[0], 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 100)
  void jacobianMatchesFiniteDifferences(
      @ForAll @Size(min = 2, max = 6) java.util.List<@DoubleRange(min = -5, max = 5) Double> logits,
      @ForAll @DoubleRange(min = 0.2, max = 5) double temperature) {
    double[] z = logits.stream().mapToDouble(Double::doubleValue).toArray();
    double[][] jac = Softmax.jacobian(Softmax.probabilities(z, temperature), temperature);
    double h = 1e-6;
    for (int j = 0; j < z.length; j++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[j] += h;
      minus[j] -= h;
      double[] ap = Softmax.probabilities(plus, temperature);
      double[] am = Softmax.probabilities(minus, temperature);
      for (int i = 0; i < z.length; i++) {
        assertThat(jac[i][j]).as("d a_%d / d z_%d", i, j).isCloseTo((ap[i] - am[i]) / (2 * h), Offset.offset(1e-7));
      }
    }
    for (double[] row : jac) {
      assertThat(Arrays.stream(row).sum()).isCloseTo(0.0, Offset.offset(1e-15 / temperature * z.length));
    }
  }

  @Test
  void twoClassSoftmaxIsTheSigmoid() {
    for (double x = -40; x <= 40; x += 0.37) {
      assertThat(Softmax.probabilities(new double[] {x, 0}, 1)[0])
          .isCloseTo(SpecialFunctions.sigmoid(x), Offset.offset(1e-15));
    }
  }

  @Test
  void latexParses() {
    assertThat(new TeXFormula(Softmax.LATEX).createTeXIcon(0, 20).getIconWidth()).isPositive();
    assertThat(new TeXFormula(Softmax.LATEX_JACOBIAN).createTeXIcon(0, 20).getIconWidth()).isPositive();
  }
}
