package org.activationlab.activation.formula;

import java.util.Set;
import org.activationlab.activation.formula.Expr.Bin;
import org.activationlab.activation.formula.Expr.BinOp;
import org.activationlab.activation.formula.Expr.Call;
import org.activationlab.activation.formula.Expr.Cmp;
import org.activationlab.activation.formula.Expr.Const;
import org.activationlab.activation.formula.Expr.Neg;
import org.activationlab.activation.formula.Expr.Num;
import org.activationlab.activation.formula.Expr.Param;
import org.activationlab.activation.formula.Expr.X;

/**
 * Prints a tree as formula text that parses back to an equal tree (with the fewest parentheses,
 * no spaces) and as LaTeX for JLaTeXMath.
 */
public final class Printer {

  private static final int ADD = 1;
  private static final int MUL = 2;
  private static final int UNARY = 3;
  private static final int POW = 4;
  private static final int ATOM = 5;

  private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon",
      "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau",
      "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi",
      "Psi", "Omega");

  private Printer() {}

  /** Formula text: {@code Formula.parse(print(t))} gives a tree equal to {@code t}. */
  public static String print(Expr e) {
    StringBuilder sb = new StringBuilder();
    text(e, sb);
    return sb.toString();
  }

  /** A number as typed: integers without a decimal point, others in Java's round-trip form. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return (v == 0 && 1 / v < 0) ? "-0" : Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static int precedence(Expr e) {
    if (e instanceof Bin b) {
      return b.op().precedence();
    }
    if (e instanceof Neg) {
      return UNARY;
    }
    if (e instanceof Num n && (n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0))) {
      return UNARY; // printed with a leading minus
    }
    if (e instanceof Cmp) {
      return 0;
    }
    return ATOM;
  }

  private static void text(Expr e, StringBuilder sb) {
    if (e instanceof Num n) {
      sb.append(number(n.value()));
    } else if (e instanceof X) {
      sb.append('x');
    } else if (e instanceof Const c) {
      sb.append(c.constant().id());
    } else if (e instanceof Param p) {
      sb.append(p.name());
    } else if (e instanceof Neg n) {
      sb.append('-');
      // -(-x) rather than --x: parses the same and reads better
      child(n.arg(), precedence(n.arg()) < POW, sb);
    } else if (e instanceof Bin b) {
      int p = b.op().precedence();
      if (b.op() == BinOp.POW) {
        child(b.left(), precedence(b.left()) <= POW, sb);
        sb.append('^');
        child(b.right(), precedence(b.right()) < UNARY, sb);
      } else {
        child(b.left(), precedence(b.left()) < p, sb);
        sb.append(b.op().symbol());
        child(b.right(), precedence(b.right()) <= p, sb);
      }
    } else if (e instanceof Cmp c) {
      text(c.left(), sb);
      sb.append(c.op().symbol());
      text(c.right(), sb);
    } else if (e instanceof Call c) {
      sb.append(c.fn().id()).append('(');
      for (int i = 0; i < c.args().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        text(c.args().get(i), sb);
      }
      sb.append(')');
    }
  }

  private static void child(Expr e, boolean parens, StringBuilder sb) {
    if (parens) {
      sb.append('(');
    }
    text(e, sb);
    if (parens) {
      sb.append(')');
    }
  }

  // ------------------------------------------------------------------ LaTeX

  /** LaTeX of the expression (without "f(x) ="). */
  public static String latex(Expr e) {
    StringBuilder sb = new StringBuilder();
    tex(e, sb);
    return sb.toString();
  }

  /** The LaTeX symbol of a parameter name: Greek names become letters, others upright text. */
  public static String latexSymbol(String name) {
    if (GREEK.contains(name)) {
      return "\\" + name;
    }
    if (name.length() == 1) {
      return name;
    }
    return "\\mathrm{" + name.replace("_", "\\_") + "}";
  }

  private static void tex(Expr e, StringBuilder sb) {
    if (e instanceof Num n) {
      String s = number(n.value());
      int exp = s.indexOf('E');
      if (exp >= 0) {
        s = s.substring(0, exp) + " \\cdot 10^{" + s.substring(exp + 1) + "}";
      }
      sb.append(s);
    } else if (e instanceof X) {
      sb.append('x');
    } else if (e instanceof Const c) {
      sb.append(c.constant().latex());
    } else if (e instanceof Param p) {
      sb.append(latexSymbol(p.name()));
    } else if (e instanceof Neg n) {
      sb.append('-');
      texChild(n.arg(), precedence(n.arg()) < POW && !(n.arg() instanceof Bin b && b.op() == BinOp.DIV), sb);
    } else if (e instanceof Bin b) {
      switch (b.op()) {
        case ADD, SUB -> {
          tex(b.left(), sb);
          sb.append(b.op() == BinOp.ADD ? " + " : " - ");
          texChild(b.right(), precedence(b.right()) <= ADD, sb);
        }
        case MUL -> {
          texChild(b.left(), precedence(b.left()) < MUL, sb);
          boolean juxtapose = b.left() instanceof Num && !(b.right() instanceof Num)
              && precedence(b.right()) > UNARY;
          sb.append(juxtapose ? "\\," : " \\cdot ");
          texChild(b.right(), precedence(b.right()) <= MUL && !isFrac(b.right()), sb);
        }
        case DIV -> {
          sb.append("\\frac{");
          tex(b.left(), sb);
          sb.append("}{");
          tex(b.right(), sb);
          sb.append('}');
        }
        case POW -> {
          if (b.left() instanceof Const c && c.constant() == Expr.Constant.E) {
            sb.append("e");
          } else {
            sb.append('{');
            texChild(b.left(), precedence(b.left()) <= POW || b.left() instanceof Call, sb);
            sb.append('}');
          }
          sb.append("^{");
          tex(b.right(), sb);
          sb.append('}');
        }
        default -> throw new IllegalStateException();
      }
    } else if (e instanceof Cmp c) {
      tex(c.left(), sb);
      sb.append(' ').append(c.op().latex()).append(' ');
      tex(c.right(), sb);
    } else if (e instanceof Call c) {
      texCall(c, sb);
    }
  }

  private static boolean isFrac(Expr e) {
    return e instanceof Bin b && b.op() == BinOp.DIV;
  }

  private static void texCall(Call c, StringBuilder sb) {
    Expr a = c.args().get(0);
    switch (c.fn()) {
      case EXP -> {
        sb.append("e^{");
        tex(a, sb);
        sb.append('}');
      }
      case SQRT -> {
        sb.append("\\sqrt{");
        tex(a, sb);
        sb.append('}');
      }
      case ABS -> {
        sb.append("\\left|");
        tex(a, sb);
        sb.append("\\right|");
      }
      case LOG1P -> {
        sb.append("\\log\\left(1 + ");
        tex(a, sb);
        sb.append("\\right)");
      }
      case WHERE -> {
        sb.append("\\begin{cases} ");
        tex(c.args().get(1), sb);
        sb.append(" & ");
        tex(a, sb);
        sb.append(" \\\\ ");
        tex(c.args().get(2), sb);
        sb.append(" & \\text{otherwise} \\end{cases}");
      }
      default -> {
        sb.append(switch (c.fn()) {
          case LOG -> "\\log";
          case SIN -> "\\sin";
          case COS -> "\\cos";
          case TANH -> "\\tanh";
          case SINH -> "\\sinh";
          case COSH -> "\\cosh";
          case SIGMOID -> "\\sigma";
          case MIN -> "\\min";
          case MAX -> "\\max";
          default -> "\\operatorname{" + c.fn().id() + "}";
        });
        sb.append("\\left(");
        for (int i = 0; i < c.args().size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          tex(c.args().get(i), sb);
        }
        sb.append("\\right)");
      }
    }
  }

  private static void texChild(Expr e, boolean parens, StringBuilder sb) {
    if (parens) {
      sb.append("\\left(");
    }
    tex(e, sb);
    if (parens) {
      sb.append("\\right)");
    }
  }
}
