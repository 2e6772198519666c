package org.activationlab.activation.formula;

import java.util.List;

/**
 * An immutable formula tree in x: numbers, the variable x, the constants pi and e, named
 * parameters, unary minus, the binary operators + − * / ^, function calls and comparisons (the
 * latter only as the condition of {@code where}). Records compare by value, so two trees are
 * equal when they have the same shape and the same numbers.
 */
public sealed interface Expr {

  /** The number of nodes in this tree. */
  int size();

  /** Whether x occurs in this tree. */
  default boolean hasX() {
    if (this instanceof X) {
      return true;
    } else if (this instanceof Neg n) {
      return n.arg().hasX();
    } else if (this instanceof Bin b) {
      return b.left().hasX() || b.right().hasX();
    } else if (this instanceof Cmp c) {
      return c.left().hasX() || c.right().hasX();
    } else if (this instanceof Call c) {
      return c.args().stream().anyMatch(Expr::hasX);
    }
    return false;
  }

  /** A number literal (never negative when it comes from the parser). */
  record Num(double value) implements Expr {
    public int size() {
      return 1;
    }
  }

  /** The variable x. */
  record X() implements Expr {
    public int size() {
      return 1;
    }
  }

  /** A named constant. */
  record Const(Constant constant) implements Expr {
    public int size() {
      return 1;
    }
  }

  /** A declared parameter, by name. */
  record Param(String name) implements Expr {
    public int size() {
      return 1;
    }
  }

  /** Unary minus. */
  record Neg(Expr arg) implements Expr {
    public int size() {
      return 1 + arg.size();
    }
  }

  /** A binary arithmetic operation. */
  record Bin(BinOp op, Expr left, Expr right) implements Expr {
    public int size() {
      return 1 + left.size() + right.size();
    }
  }

  /** A comparison: 1 when true, 0 when false (NaN compares false). */
  record Cmp(CmpOp op, Expr left, Expr right) implements Expr {
    public int size() {
      return 1 + left.size() + right.size();
    }
  }

  /** A call of a built-in function. */
  record Call(Fn fn, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
      if (args.size() != fn.arity()) {
        throw new IllegalArgumentException(fn.id() + " takes " + fn.arity() + " argument(s)");
      }
    }

    public int size() {
      int n = 1;
      for (Expr a : args) {
        n += a.size();
      }
      return n;
    }
  }

  /** Named constants. */
  enum Constant {
    PI("pi", Math.PI, "\\pi"),
    E("e", Math.E, "e");

    private final String id;
    private final double value;
    private final String latex;

    Constant(String id, double value, String latex) {
      this.id = id;
      this.value = value;
      this.latex = latex;
    }

    public String id() {
      return id;
    }

    public double value() {
      return value;
    }

    public String latex() {
      return latex;
    }
  }

  /** Binary operators with their precedence (higher binds tighter). */
  enum BinOp {
    ADD("+", 1),
    SUB("-", 1),
    MUL("*", 2),
    DIV("/", 2),
    POW("^", 4);

    private final String symbol;
    private final int precedence;

    BinOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public String symbol() {
      return symbol;
    }

    public int precedence() {
      return precedence;
    }
  }

  /** Comparison operators, allowed only in the condition of {@code where}. */
  enum CmpOp {
    LT("<", "<"),
    LE("<=", "\\le"),
    GT(">", ">"),
    GE(">=", "\\ge");

    private final String symbol;
    private final String latex;

    CmpOp(String symbol, String latex) {
      this.symbol = symbol;
      this.latex = latex;
    }

    public String symbol() {
      return symbol;
    }

    public String latex() {
      return latex;
    }

    boolean test(double a, double b) {
      return switch (this) {
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }
  }
}
