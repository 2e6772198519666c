package org.activationlab.activation.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Tokenizer and recursive-descent parser of formulas in x. Grammar (lowest precedence first):
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power          -x^2 = -(x^2)
 * power   := primary ('^' unary)?               right-associative: 2^3^2 = 2^(3^2)
 * primary := number | x | pi | e | parameter | function '(' args ')' | '(' expr ')'
 * cond    := expr ('<' | '<=' | '>' | '>=') expr   only as where's first argument
 * </pre>
 *
 * Bounded: at most {@link Formula#MAX_LENGTH} characters, {@link Formula#MAX_DEPTH} levels of
 * nesting (checked while parsing, so no deep recursion happens) and {@link Formula#MAX_NODES}
 * nodes. Nothing is executed: names resolve to x, the constants, declared parameters or the
 * functions of {@link Fn}.
 */
final class Parser {

  private enum Kind { NUM, NAME, OP, END }

  private record Token(Kind kind, String text, int column, double value) {}

  private final String src;
  private final Set<String> parameters;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(String src, Set<String> parameters) {
    this.src = src;
    this.parameters = parameters;
    this.tokens = tokenize(src);
  }

  static Expr parse(String text, Set<String> parameters) {
    if (text == null || text.isBlank()) {
      throw new FormulaException("empty formula: type an expression in x, e.g. x*sigmoid(x)", 0);
    }
    if (text.length() > Formula.MAX_LENGTH) {
      throw new FormulaException("formula too long: " + text.length() + " characters; at most "
          + Formula.MAX_LENGTH, 0);
    }
    Parser p = new Parser(text, parameters);
    Expr e = p.expr();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      if (isComparison(t)) {
        throw new FormulaException("unexpected '" + t.text + "' at column " + t.column
            + "; comparisons are allowed only as the condition of where(cond, a, b)", t.column);
      }
      throw p.unexpected(t);
    }
    int n = e.size();
    if (n > Formula.MAX_NODES) {
      throw new FormulaException("formula too large: " + n + " nodes; at most " + Formula.MAX_NODES, 0);
    }
    return e;
  }

  // ------------------------------------------------------------------ tokenizer

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.') {
          i++;
          while (i < n && isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
          int j = i + 1;
          if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            j++;
          }
          if (j < n && isDigit(s.charAt(j))) {
            while (j < n && isDigit(s.charAt(j))) {
              j++;
            }
            i = j;
          }
        }
        String text = s.substring(start, i);
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
          throw new FormulaException("number out of range at column " + col + ": " + text
              + " (the largest is " + Double.MAX_VALUE + ")", col);
        }
        out.add(new Token(Kind.NUM, text, col, v));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, s.substring(start, i), col, 0));
      } else if ((c == '<' || c == '>') && i + 1 < n && s.charAt(i + 1) == '=') {
        out.add(new Token(Kind.OP, c + "=", col, 0));
        i += 2;
      } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '*') {
        out.add(new Token(Kind.OP, "^", col, 0)); // Python's power
        i += 2;
      } else if ("+-*/^(),<>".indexOf(c) >= 0) {
        out.add(new Token(Kind.OP, String.valueOf(c), col, 0));
        i++;
      } else if (c == '\u2212') { // the typographic minus sign, as pasted from documents
        out.add(new Token(Kind.OP, "-", col, 0));
        i++;
      } else {
        throw new FormulaException("unexpected character '" + new String(Character.toChars(s.codePointAt(i)))
            + "' at column " + col, col);
      }
    }
    out.add(new Token(Kind.END, "", n + 1, 0));
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isComparison(Token t) {
    return t.kind == Kind.OP && (t.text.startsWith("<") || t.text.startsWith(">"));
  }

  // ------------------------------------------------------------------ grammar

  private Token peek() {
    return tokens.get(pos);
  }

  private boolean isOp(String op) {
    Token t = peek();
    return t.kind == Kind.OP && t.text.equals(op);
  }

  private Expr expr() {
    Expr left = term();
    while (isOp("+") || isOp("-")) {
      BinOp op = tokens.get(pos++).text.equals("+") ? BinOp.ADD : BinOp.SUB;
      left = new Bin(op, left, term());
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (isOp("*") || isOp("/")) {
      BinOp op = tokens.get(pos++).text.equals("*") ? BinOp.MUL : BinOp.DIV;
      left = new Bin(op, left, unary());
    }
    return left;
  }

  private Expr unary() {
    Token t = peek();
    if (++depth > Formula.MAX_DEPTH) {
      throw new FormulaException("nesting too deep at column " + t.column + ": at most "
          + Formula.MAX_DEPTH + " levels", t.column);
    }
    try {
      if (isOp("-")) {
        pos++;
        return new Neg(unary());
      }
      if (isOp("+")) {
        pos++;
        return unary();
      }
      Expr base = primary();
      if (isOp("^")) {
        pos++;
        return new Bin(BinOp.POW, base, unary());
      }
      return base;
    } finally {
      depth--;
    }
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind) {
      case NUM:
        pos++;
        return new Num(t.value);
      case NAME:
        pos++;
        return name(t);
      case OP:
        if (t.text.equals("(")) {
          pos++;
          Expr e = expr();
          expect(")", t);
          return e;
        }
        throw unexpected(t);
      default:
        throw unexpected(t);
    }
  }

  private Expr name(Token t) {
    String name = t.text;
    if (name.equals("x")) {
      return new X();
    }
    if (parameters.contains(name)) {
      return new Param(name);
    }
    for (Constant c : Constant.values()) {
      if (c.id().equals(name)) {
        return new Const(c);
      }
    }
    Fn fn = Fn.byName(name).orElseThrow(() -> new FormulaException("unknown name '" + name
        + "' at column " + t.column + "; valid: " + String.join(", ", Formula.validNames(parameters)),
        t.column));
    Token open = peek();
    if (!isOp("(")) {
      throw new FormulaException("expected '(' after " + name + " at column " + open.column
          + " (" + name + " takes " + fn.arity() + " argument" + (fn.arity() == 1 ? "" : "s") + ")",
          open.column);
    }
    pos++;
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < fn.arity(); i++) {
      if (i > 0) {
        Token comma = peek();
        if (!isOp(",")) {
          throw new FormulaException((isOp(")") ? "too few arguments for " : "expected ',' in ")
              + name + " at column " + comma.column + " (" + name + " takes " + fn.arity()
              + " arguments)", comma.column);
        }
        pos++;
      }
      args.add(fn == Fn.WHERE && i == 0 ? condition(t) : expr());
    }
    Token close = peek();
    if (isOp(",")) {
      throw new FormulaException("too many arguments for " + name + " at column " + close.column
          + " (" + name + " takes " + fn.arity() + ")", close.column);
    }
    expect(")", open);
    return new Call(fn, args);
  }

  private Expr condition(Token where) {
    Expr left = expr();
    Token t = peek();
    if (!isComparison(t)) {
      throw new FormulaException("expected a comparison (<, <=, >, >=) at column " + t.column
          + " in the condition of " + where.text + "(cond, a, b)", t.column);
    }
    pos++;
    CmpOp op = switch (t.text) {
      case "<" -> CmpOp.LT;
      case "<=" -> CmpOp.LE;
      case ">" -> CmpOp.GT;
      default -> CmpOp.GE;
    };
    return new Cmp(op, left, expr());
  }

  private void expect(String op, Token opener) {
    Token t = peek();
    if (!isOp(op)) {
      if (t.kind == Kind.END) {
        throw new FormulaException("missing '" + op + "' at column " + t.column + " (to close the '"
            + opener.text + "' at column " + opener.column + ")", t.column);
      }
      throw new FormulaException("unexpected " + describe(t) + " at column " + t.column
          + "; expected '" + op + "'", t.column);
    }
    pos++;
  }

  private FormulaException unexpected(Token t) {
    if (t.kind == Kind.END) {
      return new FormulaException("unexpected end of formula at column " + t.column
          + "; expected a number, x, a name or '('", t.column);
    }
    return new FormulaException("unexpected " + describe(t) + " at column " + t.column, t.column);
  }

  private static String describe(Token t) {
    return t.kind == Kind.END ? "end of formula" : "'" + t.text + "'";
  }
}
