package org.activationlab.activation.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, printing, derivatives, evaluation and refusals of user formulas. */
class FormulaTest {

  private static Formula parse(String text, String... parameters) {
    return Formula.parse(text, List.of(parameters));
  }

  @ParameterizedTest(name = "{0} reproduces {1}")
  @CsvSource(delimiter = '|', value = {
      "1/(1+exp(-x))                         | sigmoid  | -20 | 20",
      "sigmoid(x)                            | sigmoid  | -20 | 20",
      "tanh(x)                               | tanh     | -20 | 20",
      "x*sigmoid(x)                          | silu     | -20 | 20",
      "x/(1+exp(-x))                         | silu     | -20 | 20",
      "0.5*x*(1+erf(x/sqrt(2)))              | gelu     | -20 | 20",
      "softplus(x)                           | softplus | -20 | 20",
      "log1p(exp(x))                         | softplus | -20 | 20",
      "log(1+exp(x))                         | softplus | -20 | 20",
      // f' of the exp form of tanh is (A²−B²)/A² with A = e^x + e^-x, B = e^x − e^-x: the
      // difference of two nearly equal large numbers, exact to 1e-12 only while A² is small
      "(exp(x)-exp(-x))/(exp(x)+exp(-x))     | tanh     | -2  | 2",
  })
  void typedFormulasReproduceTheCatalog(String text, String catalogName, double from, double to) {
    Activation a = Catalog.parse(catalogName);
    Formula f = parse(text);
    DoubleUnaryOperator v = f.compile(Map.of());
    DoubleUnaryOperator d = f.compileDerivative(Map.of());
    for (double x = from; x <= to; x += 1.0 / 64) {
      assertClose(v.applyAsDouble(x), a.value(x), text + " at " + x);
      assertClose(d.applyAsDouble(x), a.derivative(x), text + "' at " + x);
    }
  }

  @Test
  void expFormOfTanhHasTheRightValueOnTheWholeRange() {
    DoubleUnaryOperator v = parse("(exp(x)-exp(-x))/(exp(x)+exp(-x))").compile(Map.of());
    for (double x = -20; x <= 20; x += 1.0 / 64) {
      assertClose(v.applyAsDouble(x), Math.tanh(x), "at " + x);
    }
  }

  @Test
  void parameterisedSwishMatchesSiluWithBeta() {
    Activation formula = Catalog.parse("formula:x*sigmoid(beta*x);beta=1.7 in [0,10]");
    Activation silu = Catalog.parse("silu:beta=1.7");
    for (double x = -20; x <= 20; x += 1.0 / 16) {
      assertClose(formula.value(x), silu.value(x), "f at " + x);
      assertClose(formula.derivative(x), silu.derivative(x), "f' at " + x);
    }
  }

  static void assertClose(double actual, double expected, String what) {
    double tol = 1e-12 * Math.max(Math.abs(actual), Math.abs(expected));
    assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
        .isLessThanOrEqualTo(tol + Double.MIN_NORMAL);
  }

  @Test
  void derivativeOfSwishPrintsReadably() {
    Formula f = parse("x*sigmoid(beta*x)", "beta");
    assertThat(f.derivativeText())
        .isEqualTo("sigmoid(beta*x)+x*beta*sigmoid(beta*x)*(1-sigmoid(beta*x))");
    assertThat(f.latex()).isEqualTo("f(x) = x \\cdot \\sigma\\left(\\beta \\cdot x\\right)");
    assertThat(f.latexDerivative()).startsWith("f'(x) = \\sigma\\left(\\beta \\cdot x\\right) + ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-x^2          | -x^2          | -2*x",
      "(-x)^2        | (-x)^2        | 2*x",
      "2^3^x         | 2^3^x         | 2^3^x*log(2)*3^x*log(3)",
      "x^x           | x^x           | x^x*(log(x)+1)",
      "max(x, 0)     | max(x,0)      | where(x>=0,1,0)",
      "min(x,0.1*x)  | min(x,0.1*x)  | where(x<=0.1*x,1,0.1)",
      "ifelse(x < 0, 0.1*x, x) | where(x<0,0.1*x,x) | where(x<0,0.1,1)",
      "abs(x)        | abs(x)        | sign(x)",
      "log(1+exp(x)) | log(1+exp(x)) | exp(x)/(1+exp(x))",
      "tanh(x)       | tanh(x)       | sech(x)^2",
      "x ** 2 - 1e-3 | x^2-0.001     | 2*x",
      "((x))+(pi)*e  | x+pi*e        | 1",
  })
  void printsAndDifferentiates(String typed, String canonical, String derivative) {
    Formula f = parse(typed);
    assertThat(f.text()).isEqualTo(canonical);
    assertThat(f.derivativeText()).isEqualTo(derivative);
    assertThat(parse(f.text()).tree()).isEqualTo(f.tree());
  }

  @Test
  void precedenceAndAssociativity() {
    DoubleUnaryOperator f = parse("-x^2 + 2^3^2 - 8/4/2 - 2*-x").compile(Map.of());
    assertThat(f.applyAsDouble(3)).isEqualTo(-9 + 512 - 1 + 6);
  }

  @Test
  void undefinedPointsAreNaN() {
    DoubleUnaryOperator f = parse("log(x)+sqrt(x)").compile(Map.of());
    assertThat(f.applyAsDouble(-1)).isNaN();
    assertThat(parse("x/x").compile(Map.of()).applyAsDouble(0)).isNaN();
    assertThat(f.applyAsDouble(4)).isEqualTo(Math.log(4) + 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x*sigmod(x)   | unknown name 'sigmod' at column 3; valid: x, pi, e, beta, exp, log, log1p",
      "(x+1))        | unexpected ')' at column 6",
      "x^            | unexpected end of formula at column 3",
      "((x)          | missing ')' at column 5 (to close the '(' at column 1)",
      "1e999         | number out of range at column 1",
      "NaN           | unknown name 'NaN' at column 1",
      "Infinity      | unknown name 'Infinity' at column 1",
      "x 2           | unexpected '2' at column 3",
      "exp x         | expected '(' after exp at column 5",
      "min(x)        | too few arguments for min at column 6",
      "x<1           | unexpected '<' at column 2; comparisons are allowed only",
      "where(x,1,2)  | expected a comparison (<, <=, >, >=) at column 8",
      "x $ 2         | unexpected character '$' at column 3",
      "x()           | unexpected '(' at column 2",
      "System.exit(1)| unexpected character '.' at column 7",
  })
  void refusesWithTheColumn(String text, String message) {
    assertThatThrownBy(() -> parse(text, "beta"))
        .isInstanceOf(FormulaException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void refusesEmptyHugeAndDeepInputs() {
    assertThatThrownBy(() -> parse("  ")).hasMessageStartingWith("empty formula");
    String big = "x+".repeat(50_000) + "x";
    assertThatThrownBy(() -> parse(big))
        .hasMessage("formula too long: 100001 characters; at most 500");
    String deep = "(".repeat(10_000) + "x" + ")".repeat(10_000);
    assertThatThrownBy(() -> parse(deep)).hasMessageStartingWith("formula too long");
    // deep but short: checked while parsing, never a StackOverflowError
    String deep100 = "(".repeat(100) + "x" + ")".repeat(100);
    assertThatThrownBy(() -> parse(deep100))
        .hasMessage("nesting too deep at column 65: at most 64 levels");
    assertThatThrownBy(() -> parse("-".repeat(200) + "x")).hasMessageStartingWith("nesting too deep");
    assertThat(parse("(".repeat(60) + "x" + ")".repeat(60)).text()).isEqualTo("x");
  }

  @Test
  void aTowerOfFortyPowersDifferentiates() {
    Formula f = parse("x" + "^x".repeat(40));
    double x = 1.1;
    double h = 1e-6;
    DoubleUnaryOperator v = f.compile(Map.of());
    double fd = (v.applyAsDouble(x + h) - v.applyAsDouble(x - h)) / (2 * h);
    assertThat(f.compileDerivative(Map.of()).applyAsDouble(x)).isCloseTo(fd, org.assertj.core.data.Percentage.withPercentage(1e-4));
  }

  @Test
  void deepNestingThroughTheDeclarationsSpecIsRefusedToo() {
    String spec = "formula:" + "sin(".repeat(5000) + "x" + ")".repeat(5000);
    assertThatThrownBy(() -> Catalog.parse(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }

  @org.junit.jupiter.api.Test
  void aFormulaDividingByZeroEverywhereIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Formula.parse("x*exp(1/(0*x))", java.util.List.of()))
        .isInstanceOf(FormulaException.class).hasMessageContaining("0*x")
        .hasMessageContaining("0 for every x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Formula.parse("(x-x)^-1", java.util.List.of()))
        .isInstanceOf(FormulaException.class);
    // a divisor that is 0 only somewhere is fine
    org.assertj.core.api.Assertions.assertThat(Formula.parse("1/x", java.util.List.of()).tree())
        .isNotNull();
  }
}
