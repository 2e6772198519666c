package org.activationlab.activation.formula;

import static org.activationlab.activation.formula.Derivative.ONE;
import static org.activationlab.activation.formula.Derivative.TWO;
import static org.activationlab.activation.formula.Derivative.ZERO;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.activation.formula.Expr.Bin;
import org.activationlab.activation.formula.Expr.BinOp;
import org.activationlab.activation.formula.Expr.Call;
import org.activationlab.activation.formula.Expr.Cmp;
import org.activationlab.activation.formula.Expr.Const;
import org.activationlab.activation.formula.Expr.Constant;
import org.activationlab.activation.formula.Expr.Neg;
import org.activationlab.activation.formula.Expr.Num;

/**
 * Algebraic clean-up for printing derivatives: folds arithmetic on numbers (only when the result
 * is finite; calls on numbers only when the result is a whole number, so sqrt(2) stays), 0·u = 0,
 * 1·u = u, u + 0 = u, u − u = 0, u^1 = u, u^0 = 1, −(−u) = u, u + (−v) = u − v, numbers first in
 * products, products flattened to the left, u·u = u^2, u + u = 2·u, where(c, a, a) = a.
 *
 * <p>Like every computer-algebra system it treats 0·u as 0 even where u is undefined, so the
 * simplified tree may be defined at points where the unsimplified one is NaN; where both are
 * defined they are equal up to rounding. Conditions of where are left as written, so a piece is
 * chosen exactly as in f.
 */
public final class Simplifier {

  private Simplifier() {}

  public static Expr simplify(Expr e) {
    if (e instanceof Neg n) {
      return neg(simplify(n.arg()));
    }
    if (e instanceof Bin b) {
      return bin(b.op(), simplify(b.left()), simplify(b.right()));
    }
    if (e instanceof Cmp) {
      return e; // conditions are the user's: simplifying (x-x)/x to 0 would pick the other branch
    }
    if (e instanceof Call c) {
      List<Expr> args = new ArrayList<>(c.args().size());
      for (Expr a : c.args()) {
        args.add(simplify(a));
      }
      return call(c.fn(), args);
    }
    return e;
  }

  /**
   * A divisor in {@code e} that is 0 for every x (e.g. the {@code 0*x} of {@code 1/(0*x)}), or
   * null. Such a formula is undefined everywhere; only IEEE's signed zeros give it values, and
   * those change when 0·u is simplified to 0, so the Formula refuses it.
   */
  public static Expr zeroDivisor(Expr e) {
    if (e instanceof Bin b) {
      if (b.op() == BinOp.DIV && is(simplify(b.right()), 0)) {
        return b.right();
      }
      if (b.op() == BinOp.POW && is(simplify(b.left()), 0) && isNegativeNum(simplify(b.right()))) {
        return b.left();
      }
      Expr l = zeroDivisor(b.left());
      return l != null ? l : zeroDivisor(b.right());
    }
    if (e instanceof Neg n) {
      return zeroDivisor(n.arg());
    }
    if (e instanceof Cmp c) {
      Expr l = zeroDivisor(c.left());
      return l != null ? l : zeroDivisor(c.right());
    }
    if (e instanceof Call c) {
      for (Expr a : c.args()) {
        Expr z = zeroDivisor(a);
        if (z != null) {
          return z;
        }
      }
    }
    return null;
  }

  private static boolean is(Expr e, double v) {
    return e instanceof Num n && n.value() == v;
  }

  private static boolean isNegativeNum(Expr e) {
    return e instanceof Num n && n.value() < 0;
  }

  static Expr neg(Expr a) {
    if (a instanceof Num n) {
      return n.value() == 0 ? ZERO : new Num(-n.value());
    }
    if (a instanceof Neg n) {
      return n.arg();
    }
    if (a instanceof Bin m && m.op() == BinOp.MUL && m.left() instanceof Num k) {
      return bin(BinOp.MUL, new Num(-k.value()), m.right());
    }
    return new Neg(a);
  }

  static Expr bin(BinOp op, Expr a, Expr b) {
    if (a instanceof Num x && b instanceof Num y) {
      double r = switch (op) {
        case ADD -> x.value() + y.value();
        case SUB -> x.value() - y.value();
        case MUL -> x.value() * y.value();
        case DIV -> x.value() / y.value();
        case POW -> Math.pow(x.value(), y.value());
      };
      if (Double.isFinite(r)) {
        return new Num(r + 0.0);
      }
    }
    switch (op) {
      case ADD:
        if (is(a, 0)) {
          return b;
        }
        if (is(b, 0)) {
          return a;
        }
        if (b instanceof Neg n) {
          return bin(BinOp.SUB, a, n.arg());
        }
        if (isNegativeNum(b)) {
          return bin(BinOp.SUB, a, new Num(-((Num) b).value()));
        }
        if (a instanceof Neg n) {
          return bin(BinOp.SUB, b, n.arg());
        }
        if (a.equals(b)) {
          return bin(BinOp.MUL, TWO, a);
        }
        break;
      case SUB:
        if (is(b, 0)) {
          return a;
        }
        if (is(a, 0)) {
          return neg(b);
        }
        if (b instanceof Neg n) {
          return bin(BinOp.ADD, a, n.arg());
        }
        if (isNegativeNum(b)) {
          return bin(BinOp.ADD, a, new Num(-((Num) b).value()));
        }
        if (a.equals(b)) {
          return ZERO;
        }
        break;
      case MUL:
        if (is(a, 0) || is(b, 0)) {
          return ZERO;
        }
        if (is(a, 1)) {
          return b;
        }
        if (is(b, 1)) {
          return a;
        }
        if (is(a, -1)) {
          return neg(b);
        }
        if (is(b, -1)) {
          return neg(a);
        }
        if (a instanceof Neg n) {
          return neg(bin(BinOp.MUL, n.arg(), b));
        }
        if (b instanceof Neg n) {
          return neg(bin(BinOp.MUL, a, n.arg()));
        }
        if (b instanceof Num && !(a instanceof Num)) {
          return bin(BinOp.MUL, b, a);
        }
        if (a instanceof Num && b instanceof Bin m && m.op() == BinOp.MUL && m.left() instanceof Num) {
          return bin(BinOp.MUL, bin(BinOp.MUL, a, m.left()), m.right());
        }
        if (b instanceof Bin m && m.op() == BinOp.MUL) {
          return bin(BinOp.MUL, bin(BinOp.MUL, a, m.left()), m.right());
        }
        if (a instanceof Bin d && d.op() == BinOp.DIV && is(d.left(), 1)) {
          return bin(BinOp.DIV, b, d.right());
        }
        if (b instanceof Bin d && d.op() == BinOp.DIV && is(d.left(), 1)) {
          return bin(BinOp.DIV, a, d.right());
        }
        if (a.equals(b)) {
          return bin(BinOp.POW, a, TWO);
        }
        break;
      case DIV:
        if (is(a, 0)) {
          return ZERO;
        }
        if (is(b, 1)) {
          return a;
        }
        if (a instanceof Neg n) {
          return neg(bin(BinOp.DIV, n.arg(), b));
        }
        if (b instanceof Neg n) {
          return neg(bin(BinOp.DIV, a, n.arg()));
        }
        if (a.equals(b)) {
          return ONE;
        }
        break;
      case POW:
        if (is(b, 1)) {
          return a;
        }
        if (is(b, 0) || is(a, 1)) {
          return ONE;
        }
        break;
      default:
        break;
    }
    return new Bin(op, a, b);
  }

  static Expr call(Fn fn, List<Expr> args) {
    if (fn == Fn.LOG && args.get(0) instanceof Const c && c.constant() == Constant.E) {
      return ONE;
    }
    if (fn == Fn.WHERE && args.get(1).equals(args.get(2))) {
      return args.get(1);
    }
    if (fn != Fn.WHERE && args.stream().allMatch(a -> a instanceof Num)) {
      double r = Compiler.apply(fn, args.stream().mapToDouble(a -> ((Num) a).value()).toArray());
      if (Double.isFinite(r) && r == Math.rint(r)) {
        return new Num(r + 0.0);
      }
    }
    return new Call(fn, args);
  }
}
