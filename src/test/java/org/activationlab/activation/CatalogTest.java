package org.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scilab.forge.jlatexmath.TeXFormula;

class CatalogTest {

  static final List<String> IDS = List.of(
      "identity", "binary_step", "sigmoid", "tanh", "hard_sigmoid", "hard_sigmoid_tf2", "hard_tanh",
      "relu", "relu6", "leaky_relu", "prelu", "rrelu", "elu", "celu", "selu", "gelu", "silu",
      "hard_swish", "mish", "softplus", "softsign", "log_sigmoid", "tanhshrink", "softshrink",
      "hardshrink", "exponential", "squareplus");

  @Test
  void presentsEveryFunctionInOrder() {
    assertThat(Catalog.ids()).containsExactlyElementsOf(IDS);
  }

  @Test
  void aliasesResolve() {
    assertThat(Catalog.get("swish").id()).isEqualTo("silu");
    assertThat(Catalog.get("linear").id()).isEqualTo("identity");
    assertThat(Catalog.get("hardswish").id()).isEqualTo("hard_swish");
    assertThat(Catalog.get("Leaky-ReLU").id()).isEqualTo("leaky_relu");
    assertThat(Catalog.parse("swish:beta=2").function().id()).isEqualTo("silu");
    assertThat(Catalog.parse("swish:beta=2").parameter("beta")).isEqualTo(2.0);
  }

  @Test
  void parsesParameters() {
    Activation a = Catalog.parse("leaky_relu:negative_slope=0.1");
    assertThat(a.value(-2)).isEqualTo(-0.2);
    assertThat(a.spec()).isEqualTo("leaky_relu:negative_slope=0.1");
    Activation t = Catalog.parse("hard_tanh:min_val=-2,max_val=0.5");
    assertThat(t.value(-5)).isEqualTo(-2.0);
    assertThat(t.value(5)).isEqualTo(0.5);
    assertThat(Catalog.parse("gelu:approximate=tanh").parameter("approximate")).isEqualTo(1.0);
    assertThat(Catalog.parse("softplus:beta=2,threshold=10").value(6)).isEqualTo(6.0);
    assertThat(Catalog.parse(" relu ").spec()).isEqualTo("relu");
  }

  @Test
  void defaultsFollowPyTorch() {
    assertThat(Catalog.get("leaky_relu").defaults()).containsExactly(0.01);
    assertThat(Catalog.get("prelu").defaults()).containsExactly(0.25);
    assertThat(Catalog.get("rrelu").defaults()).containsExactly(1.0 / 8, 1.0 / 3);
    assertThat(Catalog.get("softplus").defaults()).containsExactly(1, 20);
    assertThat(Catalog.get("hard_tanh").defaults()).containsExactly(-1, 1);
    assertThat(Catalog.get("softshrink").defaults()).containsExactly(0.5);
    assertThat(Catalog.get("squareplus").defaults()).containsExactly(4);
    assertThat(Catalog.parse("rrelu").value(-1)).isCloseTo(-(1.0 / 8 + 1.0 / 3) / 2,
        org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void unknownFunctionListsValidNames() {
    assertThatThrownBy(() -> Catalog.parse("relu7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relu7")
        .hasMessageContaining("sigmoid")
        .hasMessageContaining("squareplus");
  }

  @Test
  void unknownParameterListsValidParameters() {
    assertThatThrownBy(() -> Catalog.parse("softplus:alpha=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("beta, threshold");
    assertThatThrownBy(() -> Catalog.parse("relu:alpha=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(none)");
    assertThatThrownBy(() -> Catalog.parse("elu:alpha"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha");
  }

  @Test
  void outOfRangeOrMalformedValuesAreRefusedWithTheRange() {
    assertThatThrownBy(() -> Catalog.parse("celu:alpha=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, ∞)");
    assertThatThrownBy(() -> Catalog.parse("leaky_relu:negative_slope=-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, ∞)");
    assertThatThrownBy(() -> Catalog.parse("softplus:beta=abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, ∞)");
    assertThatThrownBy(() -> Catalog.parse("gelu:approximate=maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> Catalog.parse("hard_tanh:min_val=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("less than max_val");
    assertThatThrownBy(() -> Catalog.parse("rrelu:lower=0.5,upper=0.4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not exceed upper");
    assertThatThrownBy(() -> Catalog.get("squareplus").bind(Map.of("b", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, ∞)");
  }

  @Test
  void parametersAreWellFormed() {
    for (ActivationFunction f : Catalog.all()) {
      for (Parameter p : f.parameters()) {
        assertThat(p.name()).matches("[a-z][a-z_]*");
        assertThat(p.accepts(p.defaultValue())).as(f + "." + p.name()).isTrue();
        assertThat(p.accepts(p.sliderMin())).as(f + "." + p.name()).isTrue();
        assertThat(p.accepts(p.sliderMax())).as(f + "." + p.name()).isTrue();
        assertThat(p.sliderMin()).isLessThanOrEqualTo(p.defaultValue());
        assertThat(p.sliderMax()).isGreaterThanOrEqualTo(p.defaultValue());
      }
      assertThat(f.id()).matches("[a-z][a-z0-9_]*");
      assertThat(f.displayName()).isNotBlank();
    }
    assertThat(Catalog.get("hard_sigmoid").displayName()).contains("PyTorch");
    assertThat(Catalog.get("hard_sigmoid_tf2").displayName()).contains("tf.keras 2");
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionIsDescribedInEnglishAndChinese() {
    return Catalog.all().stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      String en = f.description(Locale.ENGLISH);
      String zh = f.description(Locale.SIMPLIFIED_CHINESE);
      assertThat(en).hasSizeGreaterThan(80);
      assertThat(en.split("(?<=\\.)\\s+(?=[A-Z])").length).as("sentences").isBetween(2, 4);
      assertThat(zh).hasSizeGreaterThan(40).isNotEqualTo(en);
      assertThat(zh.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count())
          .as("Chinese characters in %s", f.id()).isGreaterThan(20);
    }));
  }

  @Test
  void englishDescriptionsStayEnglishOnAChineseSystem() {
    Locale system = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      for (var f : Catalog.all()) {
        String en = f.description(Locale.ENGLISH);
        assertThat(en.codePoints().filter(c -> Character.UnicodeScript.of(c)
            == Character.UnicodeScript.HAN).count()).as(f.id()).isZero();
        assertThat(f.description(Locale.FRENCH)).as("no bundle of its own: English")
            .isEqualTo(en);
      }
    } finally {
      Locale.setDefault(system);
    }
  }

  @Test
  void leakyReluDescriptionNamesTheDifferentDefaults() {
    String en = Catalog.get("leaky_relu").description(Locale.ENGLISH);
    assertThat(en).contains("0.01").contains("0.2").contains("0.3").contains("PyTorch").contains("Keras");
  }

  @TestFactory
  Stream<DynamicTest> latexParsesWithJLaTeXMath() {
    return Catalog.all().stream().map(f -> DynamicTest.dynamicTest(f.id(), () -> {
      for (String latex : List.of(f.latexValue(), f.latexDerivative())) {
        TeXFormula formula = new TeXFormula(latex); // throws ParseException on bad LaTeX
        assertThat(formula.root).as(latex).isNotNull();
        assertThat(formula.createTeXIcon(0, 20).getIconWidth()).isPositive();
      }
    }));
  }

  @Test
  void breaksAreSortedAndWhereTheFormulasSayTheyAre() {
    assertThat(Catalog.get("relu6").derivativeDiscontinuities(new double[0])).containsExactly(0, 6);
    assertThat(Catalog.get("hardshrink").valueDiscontinuities(new double[] {0.5})).containsExactly(-0.5, 0.5);
    assertThat(Catalog.get("binary_step").valueDiscontinuities(new double[0])).containsExactly(0);
    assertThat(Catalog.get("softshrink").derivativeDiscontinuities(new double[] {0})).containsExactly(0);
    assertThat(Catalog.get("elu").derivativeDiscontinuities(new double[] {1})).isEmpty();
    assertThat(Catalog.get("elu").derivativeDiscontinuities(new double[] {2})).containsExactly(0);
    for (Activation a : Draws.defaultsAndCorners()) {
      double[] v = a.function().valueDiscontinuities(a.parameterValues());
      double[] d = a.function().derivativeDiscontinuities(a.parameterValues());
      for (double[] breaks : List.of(v, d)) {
        for (int i = 1; i < breaks.length; i++) {
          assertThat(breaks[i]).isGreaterThan(breaks[i - 1]);
        }
      }
      for (double b : v) { // a declared value break really jumps
        assertThat(Math.abs(a.value(b + 1e-9) - a.value(b - 1e-9))).as(a.spec()).isGreaterThan(1e-12);
      }
    }
  }

  @Test
  void kinkConventionsFollowPyTorch() {
    assertThat(Catalog.get("relu").withDefaults().derivative(0)).isEqualTo(0.0);
    assertThat(Catalog.get("relu6").withDefaults().derivative(6)).isEqualTo(0.0);
    assertThat(Catalog.get("leaky_relu").withDefaults().derivative(0)).isEqualTo(0.01);
    assertThat(Catalog.get("hard_tanh").withDefaults().derivative(1)).isEqualTo(0.0);
    assertThat(Catalog.get("hard_tanh").withDefaults().derivative(-1)).isEqualTo(0.0);
    assertThat(Catalog.get("hard_sigmoid").withDefaults().derivative(3)).isEqualTo(0.0);
    assertThat(Catalog.get("hard_sigmoid").withDefaults().derivative(2.999)).isEqualTo(1.0 / 6);
    // PyTorch's hardswish_backward: 0 for x <= -3, x/3 + 1/2 strictly between, 1 for x >= 3
    assertThat(Catalog.get("hard_swish").withDefaults().derivative(-3)).isEqualTo(0.0);
    assertThat(Catalog.get("hard_swish").withDefaults().derivative(3)).isEqualTo(1.0);
    assertThat(Catalog.get("hard_swish").withDefaults().derivative(-2.5)).isEqualTo(-2.5 / 3 + 0.5);
    assertThat(Catalog.get("hard_swish").withDefaults().derivative(2.5)).isEqualTo(2.5 / 3 + 0.5);
    assertThat(Catalog.get("softshrink").withDefaults().derivative(0.5)).isEqualTo(0.0);
    assertThat(Catalog.get("hardshrink").withDefaults().derivative(-0.5)).isEqualTo(0.0);
    assertThat(Catalog.get("hardshrink").withDefaults().value(0.5)).isEqualTo(0.0);
    assertThat(Catalog.get("binary_step").withDefaults().value(0)).isEqualTo(1.0);
    assertThat(Catalog.get("elu").withDefaults().derivative(0)).isEqualTo(1.0);
    assertThat(Catalog.get("selu").withDefaults().derivative(0))
        .isEqualTo(ReluLike.Selu.LAMBDA * ReluLike.Selu.ALPHA);
  }
}
