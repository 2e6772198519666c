package org.activationlab.activation.formula;

import java.util.List;
import org.activationlab.activation.formula.Expr.Bin;
import org.activationlab.activation.formula.Expr.BinOp;
import org.activationlab.activation.formula.Expr.Call;
import org.activationlab.activation.formula.Expr.Cmp;
import org.activationlab.activation.formula.Expr.CmpOp;
import org.activationlab.activation.formula.Expr.Const;
import org.activationlab.activation.formula.Expr.Constant;
import org.activationlab.activation.formula.Expr.Neg;
import org.activationlab.activation.formula.Expr.Num;
import org.activationlab.activation.formula.Expr.X;

/**
 * Symbolic d/dx of a tree (unsimplified: pass the result to {@link Simplifier#simplify}).
 * Product, quotient and chain rules; u^v with a constant exponent, a constant base or both
 * varying; every function of {@link Fn}. Pieces (min, max, where) differentiate piecewise:
 * min(a, b)' = where(a &lt;= b, a', b'). abs' = sign, sign' = 0 (PyTorch's conventions at kinks:
 * abs'(0) = 0).
 */
public final class Derivative {

  static final Num ZERO = new Num(0);
  static final Num ONE = new Num(1);
  static final Num TWO = new Num(2);

  private Derivative() {}

  /** d/dx of e, not simplified. */
  public static Expr of(Expr e) {
    if (e instanceof X) {
      return ONE;
    }
    if (e instanceof Num || e instanceof Const || e instanceof Expr.Param) {
      return ZERO;
    }
    if (e instanceof Neg n) {
      return new Neg(of(n.arg()));
    }
    if (e instanceof Bin b) {
      Expr u = b.left();
      Expr v = b.right();
      return switch (b.op()) {
        case ADD, SUB -> new Bin(b.op(), of(u), of(v));
        case MUL -> add(mul(of(u), v), mul(u, of(v)));
        case DIV -> v.hasX()
            ? div(sub(mul(of(u), v), mul(u, of(v))), pow(v, TWO))
            : div(of(u), v);
        case POW -> power(u, v);
      };
    }
    if (e instanceof Call c) {
      return call(c);
    }
    throw new IllegalArgumentException("a comparison has no derivative: " + Printer.print(e));
  }

  private static Expr power(Expr u, Expr v) {
    if (!v.hasX()) { // v u^(v-1) u'
      Expr vMinus1 = v instanceof Num n ? new Num(n.value() - 1) : sub(v, ONE);
      return mul(mul(v, pow(u, vMinus1)), of(u));
    }
    if (!u.hasX()) { // u^v log(u) v'
      return mul(mul(pow(u, v), log(u)), of(v));
    }
    // u^v (v' log u + v u'/u)
    return mul(pow(u, v), add(mul(of(v), log(u)), div(mul(v, of(u)), u)));
  }

  private static Expr call(Call c) {
    List<Expr> a = c.args();
    Expr u = a.get(0);
    Expr outer = switch (c.fn()) {
      case EXP -> c;
      case LOG -> div(ONE, u);
      case LOG1P -> div(ONE, add(ONE, u));
      case SQRT -> div(ONE, mul(TWO, c));
      case ABS -> fn(Fn.SIGN, u);
      case SIGN -> ZERO;
      case SIN -> fn(Fn.COS, u);
      case COS -> new Neg(fn(Fn.SIN, u));
      case TANH -> pow(fn(Fn.SECH, u), TWO);
      case SINH -> fn(Fn.COSH, u);
      case COSH -> fn(Fn.SINH, u);
      case SECH -> new Neg(mul(c, fn(Fn.TANH, u)));
      case SIGMOID -> mul(c, sub(ONE, c));
      case SOFTPLUS -> fn(Fn.SIGMOID, u);
      case ERF -> mul(div(TWO, fn(Fn.SQRT, new Const(Constant.PI))), fn(Fn.EXP, new Neg(pow(u, TWO))));
      case ERFC -> new Neg(mul(div(TWO, fn(Fn.SQRT, new Const(Constant.PI))),
          fn(Fn.EXP, new Neg(pow(u, TWO)))));
      case MIN -> where(new Cmp(CmpOp.LE, u, a.get(1)), of(u), of(a.get(1)));
      case MAX -> where(new Cmp(CmpOp.GE, u, a.get(1)), of(u), of(a.get(1)));
      case WHERE -> where(u, of(a.get(1)), of(a.get(2)));
    };
    if (c.fn() == Fn.MIN || c.fn() == Fn.MAX || c.fn() == Fn.WHERE) {
      return outer; // already the whole derivative
    }
    Expr du = Simplifier.simplify(of(u));
    // a constant inner slope goes in front: beta*sigmoid(beta*x)*(…) reads better
    return du.hasX() ? mul(outer, du) : mul(du, outer);
  }

  static Expr add(Expr a, Expr b) {
    return new Bin(BinOp.ADD, a, b);
  }

  static Expr sub(Expr a, Expr b) {
    return new Bin(BinOp.SUB, a, b);
  }

  static Expr mul(Expr a, Expr b) {
    return new Bin(BinOp.MUL, a, b);
  }

  static Expr div(Expr a, Expr b) {
    return new Bin(BinOp.DIV, a, b);
  }

  static Expr pow(Expr a, Expr b) {
    return new Bin(BinOp.POW, a, b);
  }

  static Expr log(Expr a) {
    return fn(Fn.LOG, a);
  }

  static Expr fn(Fn f, Expr... args) {
    return new Call(f, List.of(args));
  }

  private static Expr where(Expr cond, Expr a, Expr b) {
    return new Call(Fn.WHERE, List.of(cond, a, b));
  }
}
