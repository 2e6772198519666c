package org.activationlab.activation.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.activationlab.activation.SpecialFunctions;
import org.activationlab.activation.formula.Expr.Bin;
import org.activationlab.activation.formula.Expr.BinOp;
import org.activationlab.activation.formula.Expr.Call;
import org.activationlab.activation.formula.Expr.Cmp;
import org.activationlab.activation.formula.Expr.CmpOp;
import org.activationlab.activation.formula.Expr.Const;
import org.activationlab.activation.formula.Expr.Neg;
import org.activationlab.activation.formula.Expr.Num;
import org.activationlab.activation.formula.Expr.Param;
import org.activationlab.activation.formula.Expr.X;

/**
 * Compiles a tree, with parameter values bound, into nested closures: no tree walk and no boxing
 * per value. Subtrees without x are folded into one constant (parameters are constants here);
 * common shapes (constant ∘ f, x ∘ f, f^2, functions of x) get their own closures so fewer calls
 * happen per value. Before compiling, mathematically equal but numerically better forms replace
 * cancelling ones: 1 + erf(u) → erfc(−u), 1 − erf(u) → erfc(u), 1 − sigmoid(u) → sigmoid(−u),
 * sigmoid(u)·(1 − sigmoid(u)) → σ′(u), log(1 + u) → log1p(u), log1p(exp(u)) → softplus(u),
 * 1 − tanh(u)^2 and sech(u)^2 → sech²(u) computed without cancellation.
 */
final class Compiler {

  private Compiler() {}

  static DoubleUnaryOperator compile(Expr e, Map<String, Double> parameters) {
    return new Compiler.Run(parameters).compile(stable(e));
  }

  /** The value of a function at numbers (for constant folding). */
  static double apply(Fn fn, double[] a) {
    return switch (fn) {
      case EXP -> Math.exp(a[0]);
      case LOG -> Math.log(a[0]);
      case LOG1P -> Math.log1p(a[0]);
      case SQRT -> Math.sqrt(a[0]);
      case ABS -> Math.abs(a[0]);
      case SIGN -> Math.signum(a[0]);
      case SIN -> Math.sin(a[0]);
      case COS -> Math.cos(a[0]);
      case TANH -> Math.tanh(a[0]);
      case SINH -> Math.sinh(a[0]);
      case COSH -> Math.cosh(a[0]);
      case SECH -> 1.0 / Math.cosh(a[0]);
      case SIGMOID -> SpecialFunctions.sigmoid(a[0]);
      case SOFTPLUS -> SpecialFunctions.softplus(a[0]);
      case ERF -> SpecialFunctions.erf(a[0]);
      case ERFC -> SpecialFunctions.erfc(a[0]);
      case MIN -> Math.min(a[0], a[1]);
      case MAX -> Math.max(a[0], a[1]);
      case WHERE -> throw new IllegalArgumentException("where needs a condition");
    };
  }

  // ------------------------------------------------------------------ numerically stable forms

  private static boolean isOne(Expr e) {
    return e instanceof Num n && n.value() == 1;
  }

  private static boolean isCall(Expr e, Fn fn) {
    return e instanceof Call c && c.fn() == fn;
  }

  private static Expr arg(Expr call) {
    return ((Call) call).args().get(0);
  }

  private static Call fn(Fn fn, Expr... args) {
    return new Call(fn, List.of(args));
  }

  /** Rewrites cancelling forms into stable equal ones (bottom-up). */
  static Expr stable(Expr e) {
    if (e instanceof Neg n) {
      return new Neg(stable(n.arg()));
    }
    if (e instanceof Cmp c) {
      return new Cmp(c.op(), stable(c.left()), stable(c.right()));
    }
    if (e instanceof Call c) {
      List<Expr> args = new ArrayList<>();
      for (Expr a : c.args()) {
        args.add(stable(a));
      }
      Expr u = args.get(0);
      if (c.fn() == Fn.LOG && u instanceof Bin b && b.op() == BinOp.ADD) {
        if (isOne(b.left())) {
          return stable(fn(Fn.LOG1P, b.right()));
        }
        if (isOne(b.right())) {
          return stable(fn(Fn.LOG1P, b.left()));
        }
      }
      if (c.fn() == Fn.LOG1P && isCall(u, Fn.EXP)) {
        return fn(Fn.SOFTPLUS, arg(u));
      }
      return new Call(c.fn(), args);
    }
    if (e instanceof Bin b) {
      Expr l = stable(b.left());
      Expr r = stable(b.right());
      if (b.op() == BinOp.ADD) {
        if (isOne(l) && isCall(r, Fn.ERF)) {
          return fn(Fn.ERFC, new Neg(arg(r)));
        }
        if (isOne(r) && isCall(l, Fn.ERF)) {
          return fn(Fn.ERFC, new Neg(arg(l)));
        }
      }
      if (b.op() == BinOp.SUB && isOne(l)) {
        if (isCall(r, Fn.ERF)) {
          return fn(Fn.ERFC, arg(r));
        }
        if (isCall(r, Fn.SIGMOID)) {
          return fn(Fn.SIGMOID, new Neg(arg(r)));
        }
        if (r instanceof Bin p && p.op() == BinOp.POW && p.right() instanceof Num two
            && two.value() == 2 && isCall(p.left(), Fn.TANH)) {
          return new Bin(BinOp.POW, fn(Fn.SECH, arg(p.left())), two);
        }
      }
      return new Bin(b.op(), l, r);
    }
    return e;
  }

  // ------------------------------------------------------------------ closures

  private static final class Run {
    private final Map<String, Double> parameters;

    Run(Map<String, Double> parameters) {
      this.parameters = parameters;
    }

    DoubleUnaryOperator compile(Expr e) {
      if (!e.hasX() && !(e instanceof Cmp)) {
        double c = constant(e);
        return x -> c;
      }
      if (e instanceof X) {
        return x -> x;
      }
      if (e instanceof Neg n) {
        DoubleUnaryOperator a = compile(n.arg());
        return x -> -a.applyAsDouble(x);
      }
      if (e instanceof Bin b) {
        return bin(b);
      }
      if (e instanceof Call c) {
        return call(c);
      }
      throw new IllegalArgumentException("cannot evaluate " + Printer.print(e));
    }

    private double constant(Expr e) {
      if (e instanceof Num n) {
        return n.value();
      }
      if (e instanceof Const c) {
        return c.constant().value();
      }
      if (e instanceof Param p) {
        Double v = parameters.get(p.name());
        if (v == null) {
          throw new IllegalArgumentException("no value for parameter " + p.name());
        }
        return v;
      }
      return evalConstant(e);
    }

    private double evalConstant(Expr e) {
      if (e instanceof Num || e instanceof Const || e instanceof Param) {
        return constant(e);
      }
      if (e instanceof Neg n) {
        return -evalConstant(n.arg());
      }
      if (e instanceof Bin b) {
        return binary(b.op(), evalConstant(b.left()), evalConstant(b.right()));
      }
      Call c = (Call) e;
      if (c.fn() == Fn.WHERE) {
        Cmp cond = (Cmp) c.args().get(0);
        return cond.op().test(evalConstant(cond.left()), evalConstant(cond.right()))
            ? evalConstant(c.args().get(1)) : evalConstant(c.args().get(2));
      }
      double[] a = new double[c.args().size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = evalConstant(c.args().get(i));
      }
      return apply(c.fn(), a);
    }

    private static double binary(BinOp op, double a, double b) {
      return switch (op) {
        case ADD -> a + b;
        case SUB -> a - b;
        case MUL -> a * b;
        case DIV -> a / b;
        case POW -> Math.pow(a, b);
      };
    }

    private DoubleUnaryOperator bin(Bin b) {
      Expr l = b.left();
      Expr r = b.right();
      if (b.op() == BinOp.POW && !r.hasX()) {
        double p = constant(r);
        if (isCall(l, Fn.SECH) && p == 2) {
          DoubleUnaryOperator u = compile(arg(l));
          return x -> SpecialFunctions.sech2(u.applyAsDouble(x));
        }
        DoubleUnaryOperator a = compile(l);
        if (p == 2) {
          return x -> {
            double t = a.applyAsDouble(x);
            return t * t;
          };
        }
        return x -> Math.pow(a.applyAsDouble(x), p);
      }
      if (b.op() == BinOp.MUL && isCall(l, Fn.SIGMOID) && isCall(r, Fn.SIGMOID)
          && arg(r) instanceof Neg n && n.arg().equals(arg(l))) {
        DoubleUnaryOperator u = compile(arg(l)); // σ(u)σ(−u) = σ′(u)
        return x -> SpecialFunctions.sigmoidDerivative(u.applyAsDouble(x));
      }
      if (!l.hasX()) {
        double c = constant(l);
        if (r instanceof X) {
          return switch (b.op()) {
            case ADD -> x -> c + x;
            case SUB -> x -> c - x;
            case MUL -> x -> c * x;
            case DIV -> x -> c / x;
            case POW -> x -> Math.pow(c, x);
          };
        }
        DoubleUnaryOperator f = compile(r);
        return switch (b.op()) {
          case ADD -> x -> c + f.applyAsDouble(x);
          case SUB -> x -> c - f.applyAsDouble(x);
          case MUL -> x -> c * f.applyAsDouble(x);
          case DIV -> x -> c / f.applyAsDouble(x);
          case POW -> x -> Math.pow(c, f.applyAsDouble(x));
        };
      }
      DoubleUnaryOperator f = compile(l);
      if (r instanceof X) {
        return switch (b.op()) {
          case ADD -> x -> f.applyAsDouble(x) + x;
          case SUB -> x -> f.applyAsDouble(x) - x;
          case MUL -> x -> f.applyAsDouble(x) * x;
          case DIV -> x -> f.applyAsDouble(x) / x;
          case POW -> x -> Math.pow(f.applyAsDouble(x), x);
        };
      }
      if (l instanceof X) {
        DoubleUnaryOperator g = compile(r);
        return switch (b.op()) {
          case ADD -> x -> x + g.applyAsDouble(x);
          case SUB -> x -> x - g.applyAsDouble(x);
          case MUL -> x -> x * g.applyAsDouble(x);
          case DIV -> x -> x / g.applyAsDouble(x);
          case POW -> x -> Math.pow(x, g.applyAsDouble(x));
        };
      }
      DoubleUnaryOperator g = compile(r);
      return switch (b.op()) {
        case ADD -> x -> f.applyAsDouble(x) + g.applyAsDouble(x);
        case SUB -> x -> f.applyAsDouble(x) - g.applyAsDouble(x);
        case MUL -> x -> f.applyAsDouble(x) * g.applyAsDouble(x);
        case DIV -> x -> f.applyAsDouble(x) / g.applyAsDouble(x);
        case POW -> x -> Math.pow(f.applyAsDouble(x), g.applyAsDouble(x));
      };
    }

    private DoubleUnaryOperator call(Call c) {
      if (c.fn() == Fn.WHERE) {
        Cmp cond = (Cmp) c.args().get(0);
        DoubleUnaryOperator l = compile(cond.left());
        DoubleUnaryOperator r = compile(cond.right());
        DoubleUnaryOperator a = compile(c.args().get(1));
        DoubleUnaryOperator b = compile(c.args().get(2));
        CmpOp op = cond.op();
        return switch (op) {
          case LT -> x -> l.applyAsDouble(x) < r.applyAsDouble(x) ? a.applyAsDouble(x) : b.applyAsDouble(x);
          case LE -> x -> l.applyAsDouble(x) <= r.applyAsDouble(x) ? a.applyAsDouble(x) : b.applyAsDouble(x);
          case GT -> x -> l.applyAsDouble(x) > r.applyAsDouble(x) ? a.applyAsDouble(x) : b.applyAsDouble(x);
          case GE -> x -> l.applyAsDouble(x) >= r.applyAsDouble(x) ? a.applyAsDouble(x) : b.applyAsDouble(x);
        };
      }
      if (c.fn() == Fn.MIN || c.fn() == Fn.MAX) {
        DoubleUnaryOperator a = compile(c.args().get(0));
        DoubleUnaryOperator b = compile(c.args().get(1));
        return c.fn() == Fn.MIN
            ? x -> Math.min(a.applyAsDouble(x), b.applyAsDouble(x))
            : x -> Math.max(a.applyAsDouble(x), b.applyAsDouble(x));
      }
      DoubleUnaryOperator inner = compile(c.args().get(0));
      DoubleUnaryOperator outer = unary(c.fn());
      if (c.args().get(0) instanceof X) {
        return outer;
      }
      return switch (c.fn()) {
        case EXP -> x -> Math.exp(inner.applyAsDouble(x));
        case LOG -> x -> Math.log(inner.applyAsDouble(x));
        case LOG1P -> x -> Math.log1p(inner.applyAsDouble(x));
        case SQRT -> x -> Math.sqrt(inner.applyAsDouble(x));
        case ABS -> x -> Math.abs(inner.applyAsDouble(x));
        case SIGN -> x -> Math.signum(inner.applyAsDouble(x));
        case SIN -> x -> Math.sin(inner.applyAsDouble(x));
        case COS -> x -> Math.cos(inner.applyAsDouble(x));
        case TANH -> x -> Math.tanh(inner.applyAsDouble(x));
        case SINH -> x -> Math.sinh(inner.applyAsDouble(x));
        case COSH -> x -> Math.cosh(inner.applyAsDouble(x));
        case SECH -> x -> 1.0 / Math.cosh(inner.applyAsDouble(x));
        case SIGMOID -> x -> SpecialFunctions.sigmoid(inner.applyAsDouble(x));
        case SOFTPLUS -> x -> SpecialFunctions.softplus(inner.applyAsDouble(x));
        case ERF -> x -> SpecialFunctions.erf(inner.applyAsDouble(x));
        case ERFC -> x -> SpecialFunctions.erfc(inner.applyAsDouble(x));
        default -> throw new IllegalStateException(c.fn().id());
      };
    }

    private static DoubleUnaryOperator unary(Fn fn) {
      return switch (fn) {
        case EXP -> Math::exp;
        case LOG -> Math::log;
        case LOG1P -> Math::log1p;
        case SQRT -> Math::sqrt;
        case ABS -> Math::abs;
        case SIGN -> Math::signum;
        case SIN -> Math::sin;
        case COS -> Math::cos;
        case TANH -> Math::tanh;
        case SINH -> Math::sinh;
        case COSH -> Math::cosh;
        case SECH -> x -> 1.0 / Math.cosh(x);
        case SIGMOID -> SpecialFunctions::sigmoid;
        case SOFTPLUS -> SpecialFunctions::softplus;
        case ERF -> SpecialFunctions::erf;
        case ERFC -> SpecialFunctions::erfc;
        default -> null;
      };
    }
  }
}
