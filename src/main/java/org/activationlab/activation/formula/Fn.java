package org.activationlab.activation.formula;

import java.util.Locale;
import java.util.Optional;

/** The functions a formula may call. */
public enum Fn {
  EXP("exp", 1),
  LOG("log", 1),
  LOG1P("log1p", 1),
  SQRT("sqrt", 1),
  ABS("abs", 1),
  SIGN("sign", 1),
  SIN("sin", 1),
  COS("cos", 1),
  TANH("tanh", 1),
  SINH("sinh", 1),
  COSH("cosh", 1),
  SECH("sech", 1),
  SIGMOID("sigmoid", 1),
  SOFTPLUS("softplus", 1),
  ERF("erf", 1),
  ERFC("erfc", 1),
  MIN("min", 2),
  MAX("max", 2),
  /** where(cond, a, b): a where cond holds, else b; {@code ifelse} is accepted as another name. */
  WHERE("where", 3);

  private final String id;
  private final int arity;

  Fn(String id, int arity) {
    this.id = id;
    this.arity = arity;
  }

  /** The name typed in formulas. */
  public String id() {
    return id;
  }

  public int arity() {
    return arity;
  }

  /** A function by name ({@code ifelse} is {@code where}); case-sensitive like every name. */
  public static Optional<Fn> byName(String name) {
    if (name.equals("ifelse")) {
      return Optional.of(WHERE);
    }
    for (Fn f : values()) {
      if (f.id.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
