package org.activationlab.activation.formula;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.activationlab.activation.formula.Expr.Constant;

/**
 * A parsed formula in x with named parameters, and its exact derivative: the tree, the canonical
 * text, LaTeX of f and f', and compiled evaluators for bound parameter values. Immutable.
 *
 * <pre>
 * Formula f = Formula.parse("x*sigmoid(beta*x)", List.of("beta"));
 * f.derivativeText();   // sigmoid(beta*x)+x*beta*sigmoid(beta*x)*(1-sigmoid(beta*x))
 * DoubleUnaryOperator df = f.compileDerivative(Map.of("beta", 1.0));
 * </pre>
 */
public final class Formula {

  /** Longest formula text accepted. */
  public static final int MAX_LENGTH = 500;
  /** Deepest nesting accepted (parentheses, calls, unary minus, powers). */
  public static final int MAX_DEPTH = 64;
  /** Most nodes in a formula's tree. */
  public static final int MAX_NODES = 1000;
  /** Most nodes in the derivative's tree before simplification. */
  public static final int MAX_DERIVATIVE_NODES = 200_000;

  private final Expr tree;
  private final List<String> parameters;
  private final Expr derivative;

  private Formula(Expr tree, List<String> parameters) {
    this.tree = tree;
    this.parameters = List.copyOf(parameters);
    Expr zero = Simplifier.zeroDivisor(tree);
    if (zero != null) {
      throw new FormulaException("divides by " + Printer.print(zero)
          + ", which is 0 for every x: the formula has no value anywhere", 0);
    }
    Expr raw = Derivative.of(tree);
    if (boundedSize(raw, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES) {
      throw new FormulaException("the derivative of this formula is too large (more than "
          + MAX_DERIVATIVE_NODES + " nodes); write it more simply", 0);
    }
    this.derivative = Simplifier.simplify(raw);
  }

  /**
   * Parses a formula in x that may use the given parameter names.
   *
   * @throws FormulaException with the column of the problem, or the limit exceeded
   */
  public static Formula parse(String text, Collection<String> parameters) {
    Set<String> names = new LinkedHashSet<>(parameters);
    return new Formula(Parser.parse(text, names), new ArrayList<>(names));
  }

  /** A formula from a tree (e.g. a generated one); parameters are those the tree may use. */
  public static Formula of(Expr tree, Collection<String> parameters) {
    return new Formula(tree, new ArrayList<>(new LinkedHashSet<>(parameters)));
  }

  /** The names a formula with these parameters may use: x, constants, parameters, functions. */
  public static List<String> validNames(Collection<String> parameters) {
    List<String> names = new ArrayList<>();
    names.add("x");
    for (Constant c : Constant.values()) {
      names.add(c.id());
    }
    names.addAll(parameters);
    for (Fn f : Fn.values()) {
      names.add(f.id());
    }
    names.add("ifelse");
    return names;
  }

  public Expr tree() {
    return tree;
  }

  /** The parameter names this formula may use, in declaration order. */
  public List<String> parameters() {
    return parameters;
  }

  /** d/dx, simplified. */
  public Expr derivative() {
    return derivative;
  }

  /** The unsimplified d/dx (for tests and curiosity). */
  public Expr rawDerivative() {
    return Derivative.of(tree);
  }

  /** Canonical text: parses back to the same tree. */
  public String text() {
    return Printer.print(tree);
  }

  public String derivativeText() {
    return Printer.print(derivative);
  }

  /** {@code f(x) = …} for JLaTeXMath. */
  public String latex() {
    return "f(x) = " + Printer.latex(tree);
  }

  /** {@code f'(x) = …} for JLaTeXMath. */
  public String latexDerivative() {
    return "f'(x) = " + Printer.latex(derivative);
  }

  /** f with the given parameter values (every declared name must have one). */
  public DoubleUnaryOperator compile(Map<String, Double> values) {
    return Compiler.compile(tree, values);
  }

  /** f' with the given parameter values. */
  public DoubleUnaryOperator compileDerivative(Map<String, Double> values) {
    return Compiler.compile(derivative, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Formula f && f.tree.equals(tree) && f.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return tree.hashCode() * 31 + parameters.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }

  /** The number of nodes of e counted as a tree (shared subtrees counted each time), up to limit + 1. */
  static int boundedSize(Expr e, int limit) {
    int[] count = {0};
    count(e, count, limit);
    return count[0];
  }

  private static void count(Expr e, int[] count, int limit) {
    if (++count[0] > limit) {
      return;
    }
    if (e instanceof Expr.Neg n) {
      count(n.arg(), count, limit);
    } else if (e instanceof Expr.Bin b) {
      count(b.left(), count, limit);
      count(b.right(), count, limit);
    } else if (e instanceof Expr.Cmp c) {
      count(c.left(), count, limit);
      count(c.right(), count, limit);
    } else if (e instanceof Expr.Call c) {
      for (Expr a : c.args()) {
        count(a, count, limit);
      }
    }
  }
}
