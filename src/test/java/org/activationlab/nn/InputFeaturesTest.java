package org.activationlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputFeaturesTest {

  @Test
  void computesPlaygroundsFeaturesInTheirOrder() {
    InputFeatures all = InputFeatures.parse("sin2, x1x2,x2sq ,x1sq,sin1,x2,x1");
    assertThat(all).isEqualTo(InputFeatures.ALL);
    assertThat(all.spec()).isEqualTo("x1,x2,x1sq,x2sq,x1x2,sin1,sin2");
    double[] out = new double[14];
    all.apply(new double[] {0.5, -2, -1, 3}, 2, out);
    assertThat(out).containsExactly(0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2),
        -1, 3, 1, 9, -3, Math.sin(-1), Math.sin(3));
  }

  @Test
  void readsAliasesAndRefusesNonsense() {
    assertThat(InputFeatures.parse("x1^2, x2^2").spec()).isEqualTo("x1sq,x2sq");
    assertThat(InputFeatures.parse("sin(x1),x1*x2").spec()).isEqualTo("x1x2,sin1");
    assertThat(InputFeatures.parse("x1,x2").isDefault()).isTrue();
    assertThat(InputFeatures.parse("x2,x1")).isEqualTo(InputFeatures.DEFAULT);
    assertThatThrownBy(() -> InputFeatures.parse("x3")).hasMessage(
        "unknown input feature 'x3'; valid: x1, x2, x1sq, x2sq, x1x2, sin1, sin2");
    assertThatThrownBy(() -> InputFeatures.parse("x1,x1")).hasMessage(
        "input feature 'x1' is named twice");
    assertThatThrownBy(() -> InputFeatures.parse(" , ")).hasMessageStartingWith(
        "name at least one input feature");
  }

  @Test
  void theNetworkReadsTheFeaturesOfEverySplitAndDefaultSharesThePoints() {
    DataSplit plain = Datasets.generate(DatasetSpec.of(DatasetKind.CIRCLE, 4));
    assertThat(plain.withFeatures(InputFeatures.DEFAULT)).isSameAs(plain);
    DataSplit f = plain.withFeatures(InputFeatures.parse("x1sq,x2sq,sin1"));
    assertThat(f.networkInputSize()).isEqualTo(3);
    assertThat(f.train().inputs()).isEqualTo(plain.train().inputs());
    for (Dataset d : new Dataset[] {f.train(), f.test()}) {
      double[] x = new double[3];
      for (int i = 0; i < d.size(); i++) {
        d.copyNetworkInput(i, x, 0);
        assertThat(x).containsExactly(d.input(i, 0) * d.input(i, 0),
            d.input(i, 1) * d.input(i, 1), Math.sin(d.input(i, 0)));
      }
    }
    DataSplit sine = Datasets.generate(DatasetSpec.of(DatasetKind.SINE, 4));
    assertThatThrownBy(() -> sine.withFeatures(InputFeatures.parse("x1,x1sq")))
        .hasMessageStartingWith("input features are for 2-D data");
  }
}
