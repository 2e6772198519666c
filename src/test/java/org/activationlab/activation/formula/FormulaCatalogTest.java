package org.activationlab.activation.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.Parameter;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User formulas as catalog entries: specs, parameters, training, properties. */
class FormulaCatalogTest {

  static final String SWISH = "formula:x*sigmoid(beta*x);beta=1 in [0,10]";

  @ParameterizedTest
  @ValueSource(strings = {
      SWISH,
      "formula:x*sigmoid(x)",
      "formula:where(x<0,alpha*(exp(x)-1),x);alpha=1.5 in [0.1,5]",
      "formula:max(x,0)+c*min(x,0);c=0.01",
      "formula:x^2-1.0E-4*x;k=-2.5 in [-3,3];m=7",
  })
  void specRoundTripsExactly(String spec) {
    assertThat(Catalog.parse(spec).spec()).isEqualTo(spec);
    assertThat(Catalog.get(spec).id()).isEqualTo(spec);
  }

  @Test
  void anySpecBecomesCanonicalInOnePass() {
    Activation a = Catalog.parse("  FORMULA: x * sigmoid( beta * x ) ; beta = 1.0 in [ 0 , 10 ] ");
    assertThat(a.spec()).isEqualTo(SWISH);
    assertThat(Catalog.parse(a.spec()).spec()).isEqualTo(SWISH);
  }

  @Test
  void parametersKeepDefaultRangeAndBoundValues() {
    ActivationFunction f = Catalog.get(SWISH);
    Parameter beta = f.parameters().get(0);
    assertThat(beta.name()).isEqualTo("beta");
    assertThat(beta.symbol()).isEqualTo("\\beta");
    assertThat(beta.defaultValue()).isEqualTo(1);
    assertThat(beta.validMin()).isZero();
    assertThat(beta.validMax()).isEqualTo(10);
    assertThat(beta.sliderMax()).isEqualTo(10);
    Activation bound = f.bind(2.5);
    assertThat(bound.spec()).isEqualTo("formula:x*sigmoid(beta*x);beta=2.5 in [0,10]");
    assertThat(Catalog.parse(bound.spec()).value(1)).isEqualTo(bound.value(1));
    assertThatThrownBy(() -> f.bind(11)).hasMessageContaining("[0, 10]");
    // the same spec gives the same entry (the Explorer compares entries)
    assertThat(Catalog.get(SWISH)).isSameAs(f);
    assertThat(f.latexValue()).isEqualTo("f(x) = x \\cdot \\sigma\\left(\\beta \\cdot x\\right)");
    assertThat(FormulaFunction.formula(f).text()).isEqualTo("x*sigmoid(beta*x)");
    assertThat(FormulaFunction.declarations(f, new double[] {3}))
        .containsExactly(FormulaFunction.Declaration.of("beta", 3, 0, 10));
  }

  @Test
  void aParameterWithoutRangeAcceptsAnyRealValue() {
    ActivationFunction f = Catalog.get("formula:x*sigmoid(beta*x);beta=1");
    assertThat(f.parameters().get(0).validMin()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(f.parameters().get(0).sliderMin()).isEqualTo(-10);
    assertThat(f.bind(-1e6).spec()).isEqualTo("formula:x*sigmoid(beta*x);beta=-1000000");
  }

  @Test
  void badSpecsAreRefusedWithOneLine() {
    assertThatThrownBy(() -> Catalog.parse("formula:x*sigmod(x)"))
        .hasMessageStartingWith("formula 'x*sigmod(x)': unknown name 'sigmod' at column 3; valid: x,");
    assertThatThrownBy(() -> Catalog.parse("formula:x*beta"))
        .hasMessageContaining("unknown name 'beta' at column 3");
    assertThatThrownBy(() -> Catalog.parse("formula:x*beta;beta=20 in [0,10]"))
        .hasMessageContaining("beta=20 is outside its range [0,10]");
    assertThatThrownBy(() -> Catalog.parse("formula:x;exp=1"))
        .hasMessageContaining("parameter name 'exp' is taken");
    assertThatThrownBy(() -> Catalog.parse("formula:x;b=1;b=2"))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> Catalog.parse("formula:x;b"))
        .hasMessageContaining("expected name=value");
    assertThatThrownBy(() -> Catalog.parse("formula:x;b=NaN")).hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> Catalog.parse("formula:")).hasMessageContaining("empty formula");
    assertThat(Catalog.find("formula:(")).isEmpty();
    assertThat(Catalog.find(SWISH)).isPresent();
  }

  @Test
  void aFormulaTrainsInARun() {
    Scenario s = Scenario.defaults().withSetting("activation", SWISH);
    assertThat(s.activation()).isEqualTo(SWISH);
    Run run = new Run(s);
    for (int i = 0; i < 50; i++) {
      run.step();
    }
    assertThat(run.diverged()).isFalse();
    double loss = run.snapshot().scores().trainLoss();
    assertThat(loss).isFinite();
  }

  @Test
  void propertiesOfAFormulaMatchTheCatalogsAndSurviveUndefinedPoints() {
    var formula = PropertyAnalysis.analyse(Catalog.parse("formula:x*sigmoid(x)"));
    var silu = PropertyAnalysis.analyse(Catalog.parse("silu"));
    assertThat(formula.interiorMinimum()).isCloseTo(silu.interiorMinimum(),
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(formula.monotonic()).isEqualTo(silu.monotonic());
    for (String spec : List.of("formula:log(x)", "formula:sqrt(x)", "formula:x/x", "formula:1/x",
        "formula:log(-x^2)")) {
      assertThat(PropertyAnalysis.analyse(Catalog.parse(spec))).as(spec).isNotNull();
    }
  }

  @Test
  void whereTheFormulaIsUndefinedSoIsItsDerivative() {
    org.activationlab.activation.Activation log = Catalog.parse("formula:log(x)");
    assertThat(log.value(-1)).isNaN();
    assertThat(log.derivative(-1)).as("1/x would be finite: no curve where f has none").isNaN();
    assertThat(log.derivative(2)).isEqualTo(0.5);
    org.activationlab.activation.Activation sqrt = Catalog.parse("formula:sqrt(x)");
    assertThat(sqrt.derivative(-4)).isNaN();
    assertThat(sqrt.derivative(4)).isEqualTo(0.25);
  }

  @Test
  void theStretchesWithoutAValueAreFound() {
    var log = org.activationlab.activation.Undefined.stretches(Catalog.parse("formula:log(x)"));
    assertThat(log).hasSize(1);
    assertThat(log.get(0)[0]).isEqualTo(-20.0);
    assertThat(log.get(0)[1]).isCloseTo(-0.01, org.assertj.core.data.Offset.offset(1e-9));
    var two = org.activationlab.activation.Undefined.stretches(
        Catalog.parse("formula:sqrt(1-x^2)*log(x+5)"));
    assertThat(two).hasSize(2); // sqrt(1 - x²) has no value for |x| > 1: both sides
    assertThat(org.activationlab.activation.Undefined.stretches(Catalog.parse("sigmoid")))
        .isEmpty();
  }
}
