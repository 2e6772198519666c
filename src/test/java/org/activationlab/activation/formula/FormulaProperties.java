package org.activationlab.activation.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.activationlab.activation.formula.Expr.Bin;
import org.activationlab.activation.formula.Expr.BinOp;
import org.activationlab.activation.formula.Expr.Call;
import org.activationlab.activation.formula.Expr.Cmp;
import org.activationlab.activation.formula.Expr.CmpOp;
import org.activationlab.activation.formula.Expr.Const;
import org.activationlab.activation.formula.Expr.Constant;
import org.activationlab.activation.formula.Expr.Neg;
import org.activationlab.activation.formula.Expr.Num;
import org.activationlab.activation.formula.Expr.Param;
import org.activationlab.activation.formula.Expr.X;

/**
 * Random formulas (depth ≤ 5): the symbolic derivative against finite differences, the printer
 * against the parser, the simplifier against the unsimplified derivative.
 */
class FormulaProperties {

  private static final List<String> PARAMS = List.of("beta");
  private static final Map<String, Double> BETA = Map.of("beta", 0.75);

  // ------------------------------------------------------------------ generators

  /** Any tree the parser can produce (including pieces, comparisons, odd numbers). */
  @Provide
  Arbitrary<Expr> anyTree() {
    return tree(5, true);
  }

  /** Smooth trees defined for every x: the derivative can be checked by finite differences. */
  @Provide
  Arbitrary<Expr> smoothTree() {
    return tree(5, false);
  }

  private static Arbitrary<Expr> leaf(boolean any) {
    Arbitrary<Expr> numbers = any
        ? Arbitraries.of(0.0, 1.0, 2.0, 0.5, 1e-3, 2.5e20, 3.0, 0.1, 7.25, 1e-300)
            .map(v -> (Expr) new Num(v))
        : Arbitraries.of(0.5, 1.0, 2.0, 0.3, 1.5).map(v -> (Expr) new Num(v));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.just(new X())),
        net.jqwik.api.Tuple.of(3, numbers),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(new Const(Constant.PI), new Const(Constant.E),
            new Param("beta"))));
  }

  private static Arbitrary<Expr> tree(int depth, boolean any) {
    if (depth == 0) {
      return leaf(any);
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> tree(depth - 1, any));
    Arbitrary<Expr> unary = any
        ? Arbitraries.of(Fn.values()).filter(f -> f.arity() == 1).flatMap(
            f -> sub.map(a -> (Expr) new Call(f, List.of(a))))
        : Arbitraries.of(Fn.SIN, Fn.COS, Fn.TANH, Fn.SIGMOID, Fn.SOFTPLUS, Fn.ERF, Fn.ERFC, Fn.EXP,
            Fn.LOG, Fn.SQRT, Fn.LOG1P, Fn.SECH, Fn.SINH, Fn.COSH).flatMap(f -> sub.map(a -> safe(f, a)));
    Arbitrary<Expr> binary = Arbitraries.of(BinOp.values()).flatMap(op -> sub.flatMap(
        l -> sub.map(r -> any ? new Bin(op, l, r) : safe(op, l, r))));
    Arbitrary<Expr> neg = sub.map(Neg::new);
    if (!any) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(2, leaf(false)),
          net.jqwik.api.Tuple.of(3, unary),
          net.jqwik.api.Tuple.of(4, binary),
          net.jqwik.api.Tuple.of(1, neg));
    }
    Arbitrary<Expr> pieces = Arbitraries.of(Fn.MIN, Fn.MAX, Fn.WHERE).flatMap(f -> f == Fn.WHERE
        ? Arbitraries.of(CmpOp.values()).flatMap(op -> sub.flatMap(a -> sub.flatMap(b -> sub.flatMap(
            c -> sub.map(d -> (Expr) new Call(f, List.of(new Cmp(op, a, b), c, d)))))))
        : sub.flatMap(a -> sub.map(b -> (Expr) new Call(f, List.of(a, b)))));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf(true)),
        net.jqwik.api.Tuple.of(3, unary),
        net.jqwik.api.Tuple.of(4, binary),
        net.jqwik.api.Tuple.of(1, neg),
        net.jqwik.api.Tuple.of(1, pieces));
  }

  /** Keeps arguments in the domain and away from overflow: exp(tanh u), log(1+u²), … */
  private static Expr safe(Fn f, Expr a) {
    Expr bounded = new Call(Fn.TANH, List.of(a));
    Expr positive = new Bin(BinOp.ADD, new Num(1), new Bin(BinOp.POW, a, new Num(2)));
    return switch (f) {
      case EXP, SINH, COSH -> new Call(f, List.of(bounded));
      case LOG, SQRT -> new Call(f, List.of(positive));
      case LOG1P -> new Call(f, List.of(new Bin(BinOp.POW, a, new Num(2))));
      default -> new Call(f, List.of(a));
    };
  }

  private static Expr safe(BinOp op, Expr l, Expr r) {
    return switch (op) {
      case DIV -> new Bin(op, l, new Bin(BinOp.ADD, new Num(1.5), new Call(Fn.SIN, List.of(r))));
      case POW -> new Bin(op, new Bin(BinOp.ADD, new Num(1.5), new Call(Fn.SIGMOID, List.of(l))),
          new Call(Fn.TANH, List.of(r)));
      default -> new Bin(op, l, r);
    };
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 1000)
  void printedTextParsesBackToTheSameTree(@ForAll("anyTree") Expr tree) {
    String text = Printer.print(tree);
    Assume.that(text.length() <= Formula.MAX_LENGTH);
    Assume.that(Simplifier.zeroDivisor(tree) == null); // refused: no value anywhere
    assertThat(Formula.parse(text, PARAMS).tree()).as(text).isEqualTo(tree);
  }

  @Property(tries = 1000)
  void printedDerivativeParsesToAnEqualTree(@ForAll("smoothTree") Expr tree) {
    Expr d = accepted(tree).derivative();
    String text = Printer.print(d);
    Assume.that(text.length() <= Formula.MAX_LENGTH);
    // simplified trees may hold negative numbers, which read back as −(number): compare values
    Expr back = Formula.parse(text, PARAMS).tree();
    for (double x : new double[] {-1.3, 0.2, 0.9}) {
      double a = Compiler.compile(d, BETA).applyAsDouble(x);
      double b = Compiler.compile(back, BETA).applyAsDouble(x);
      assertThat(b).as(text).isEqualTo(a);
    }
  }

  @Property(tries = 1500)
  void symbolicDerivativeMatchesCentralDifferences(
      @ForAll("smoothTree") Expr tree, @ForAll @DoubleRange(min = -3, max = 3) double x) {
    Formula f = accepted(tree);
    DoubleUnaryOperator v = f.compile(BETA);
    double d = f.compileDerivative(BETA).applyAsDouble(x);
    double h = 1e-3 * Math.max(1, Math.abs(x));
    double coarse = fivePoint(v, x, h);
    double fine = fivePoint(v, x, h / 2);
    Assume.that(Double.isFinite(coarse) && Double.isFinite(fine) && Double.isFinite(d));
    double scale = 1e-6 * (Math.abs(fine) + Math.abs(v.applyAsDouble(x)) + 1e-3);
    // ill-conditioned where the two step sizes disagree (steep or rounding-dominated): skip
    Assume.that(Math.abs(coarse - fine) <= scale);
    assertThat(Math.abs(d - fine)).as(Printer.print(tree) + " at " + x + ": " + d + " vs " + fine)
        .isLessThanOrEqualTo(scale);
  }

  private static double fivePoint(DoubleUnaryOperator f, double x, double h) {
    return (-f.applyAsDouble(x + 2 * h) + 8 * f.applyAsDouble(x + h) - 8 * f.applyAsDouble(x - h)
        + f.applyAsDouble(x - 2 * h)) / (12 * h);
  }

  /** The formula of a generated tree; trees the formula refuses (1/(0*x)) are skipped. */
  static Formula accepted(Expr tree) {
    try {
      return Formula.of(tree, PARAMS);
    } catch (FormulaException e) {
      Assume.that(false);
      throw e;
    }
  }

  @Property(tries = 1500)
  void simplifiedDerivativeEqualsTheUnsimplifiedOne(
      @ForAll("anyTree") Expr tree, @ForAll @DoubleRange(min = -5, max = 5) double x) {
    Formula f = accepted(tree);
    double raw = Compiler.compile(f.rawDerivative(), BETA).applyAsDouble(x);
    double simple = Compiler.compile(f.derivative(), BETA).applyAsDouble(x);
    Assume.that(Double.isFinite(raw) && Math.abs(raw) < 1e12);
    assertThat(Math.abs(simple - raw)).as(Printer.print(tree) + " at " + x + ": " + simple
        + " vs " + raw).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(raw)));
  }
}
