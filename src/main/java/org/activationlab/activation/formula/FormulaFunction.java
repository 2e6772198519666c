package org.activationlab.activation.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.activation.AbstractActivation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Parameter;
import org.activationlab.activation.formula.Expr.Constant;

/**
 * User formulas as catalog entries. The spec (command line, scenario files, Explorer state) is
 *
 * <pre>
 * formula:EXPR[;NAME=VALUE[ in [MIN,MAX]]]...
 * formula:x*sigmoid(beta*x);beta=1 in [0,10]
 * </pre>
 *
 * VALUE is the parameter's value (and the default of the entry the spec creates); the range, when
 * given, is both what the parameter accepts and what its slider offers; without it any real value
 * is accepted and the slider spans [−10, 10] (or ±2|VALUE| when larger). A bound activation's
 * {@code spec()} writes its current values there, with the formula in canonical form (no spaces,
 * fewest parentheses), so {@code Catalog.parse(spec).spec()} is {@code spec} for every canonical
 * spec and canonical after one pass for any other. The entry's {@code id()} is its spec at its
 * defaults; the same spec gives the same entry (a small cache).
 */
public final class FormulaFunction {

  /** What starts a formula spec. */
  public static final String PREFIX = "formula:";
  /** Most parameters in one formula. */
  public static final int MAX_PARAMETERS = 16;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DECLARATION = Pattern.compile(
      "\\s*([^=\\s]+)\\s*=\\s*([^\\s\\[]+)\\s*(?:in\\s*\\[\\s*([^,\\]\\s]+)\\s*,\\s*([^\\]\\s]+)\\s*\\]\\s*)?");
  private static final int CACHE_SIZE = 256;
  private static final Map<String, ActivationFunction> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ActivationFunction> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private FormulaFunction() {}

  /**
   * A parameter of a formula: its value (the default of the entry), and optionally the range it
   * accepts (also the slider's). Without a range any finite value is accepted.
   */
  public record Declaration(String name, double value, double min, double max, boolean rangeGiven) {
    public Declaration {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new FormulaException("parameter name '" + name + "' must be a letter or '_' "
            + "followed by letters, digits or '_'", 0);
      }
      if (name.equals("x") || name.equals("ifelse") || Fn.byName(name).isPresent()
          || isConstant(name)) {
        throw new FormulaException("parameter name '" + name + "' is taken (x, constants and "
            + "function names are reserved)", 0);
      }
      if (!Double.isFinite(value)) {
        throw new FormulaException("parameter " + name + " must have a finite value", 0);
      }
      if (rangeGiven) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
          throw new FormulaException("range of parameter " + name + " must be [min,max] with "
              + "finite min < max", 0);
        }
        if (value < min || value > max) {
          throw new FormulaException("parameter " + name + "=" + Printer.number(value)
              + " is outside its range [" + Printer.number(min) + "," + Printer.number(max) + "]", 0);
        }
      }
    }

    /** A parameter with a value and a range. */
    public static Declaration of(String name, double value, double min, double max) {
      return new Declaration(name, value, min, max, true);
    }

    /** A parameter with a value and no range (any real value). */
    public static Declaration of(String name, double value) {
      return new Declaration(name, value, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    Declaration withValue(double v) {
      return new Declaration(name, v, min, max, rangeGiven);
    }

    Parameter toParameter() {
      String symbol = Printer.latexSymbol(name);
      if (rangeGiven) {
        return Parameter.real(name, name, symbol, value, min, max);
      }
      double half = Math.abs(value) <= 10 ? 10 : 2 * Math.abs(value);
      return Parameter.real(name, name, symbol, value, Double.NEGATIVE_INFINITY, false,
          Double.POSITIVE_INFINITY, -half, half);
    }

    /** {@code beta=1 in [0,10]} or {@code beta=1}. */
    String text() {
      return name + "=" + Printer.number(value)
          + (rangeGiven ? " in [" + Printer.number(min) + "," + Printer.number(max) + "]" : "");
    }
  }

  private static boolean isConstant(String name) {
    for (Constant c : Constant.values()) {
      if (c.id().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a spec is a formula spec ({@code formula:…}, prefix case-insensitive). */
  public static boolean isSpec(String spec) {
    String s = spec.strip();
    return s.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * The catalog entry of a formula spec.
   *
   * @throws FormulaException naming the problem (for the formula: with its column in the formula)
   */
  public static ActivationFunction parseSpec(String spec) {
    String s = spec.strip();
    if (!isSpec(s)) {
      throw new FormulaException("a formula spec starts with " + PREFIX, 0);
    }
    String[] parts = s.substring(PREFIX.length()).split(";", -1);
    List<Declaration> declarations = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      declarations.add(parseDeclaration(parts[i]));
    }
    try {
      return define(parts[0], declarations);
    } catch (FormulaException e) {
      throw new FormulaException("formula '" + parts[0].strip() + "': " + e.getMessage(), e.column());
    }
  }

  private static Declaration parseDeclaration(String text) {
    Matcher m = DECLARATION.matcher(text);
    if (!m.matches()) {
      throw new FormulaException("parameter declaration '" + text.strip() + "': expected "
          + "name=value or name=value in [min,max], e.g. beta=1 in [0,10]", 0);
    }
    String name = m.group(1);
    double value = number(name, m.group(2));
    if (m.group(3) == null) {
      return Declaration.of(name, value);
    }
    return Declaration.of(name, value, number(name, m.group(3)), number(name, m.group(4)));
  }

  private static double number(String name, String text) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new FormulaException("parameter " + name + ": '" + text + "' is not a finite number", 0);
  }

  /**
   * The catalog entry for a formula with declared parameters (what a "New function…" dialog
   * calls). The formula may use x, pi, e, the declared names and the functions of {@link Fn}.
   *
   * @throws FormulaException with the column in {@code formula}, or naming the bad declaration
   */
  public static ActivationFunction define(String formula, List<Declaration> declarations) {
    if (declarations.size() > MAX_PARAMETERS) {
      throw new FormulaException("at most " + MAX_PARAMETERS + " parameters", 0);
    }
    Set<String> names = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (Declaration d : declarations) {
      if (!names.add(d.name())) {
        throw new FormulaException("parameter " + d.name() + " is declared twice", 0);
      }
      order.add(d.name());
    }
    Formula f = Formula.parse(formula, order);
    String id = spec(f, declarations, null);
    synchronized (CACHE) {
      ActivationFunction cached = CACHE.get(id);
      if (cached != null) {
        return cached;
      }
    }
    ActivationFunction.Builder b = ActivationFunction.builder(id, f.text());
    declarations.forEach(d -> b.parameter(d.toParameter()));
    List<Declaration> decls = List.copyOf(declarations);
    ActivationFunction fn = b
        .latex(f.latex(), f.latexDerivative())
        .factory((entry, values) -> new FormulaActivation(entry, values, f, decls))
        .specWriter(values -> spec(f, decls, values))
        .build();
    synchronized (CACHE) {
      CACHE.putIfAbsent(id, fn);
      return CACHE.get(id);
    }
  }

  /** The formula of a formula entry (from its id), e.g. for an editing dialog. */
  public static Formula formula(ActivationFunction function) {
    String[] parts = function.id().substring(PREFIX.length()).split(";", -1);
    return Formula.parse(parts[0], function.parameterNames());
  }

  /** The declarations of a formula entry with the given values (its defaults when null). */
  public static List<Declaration> declarations(ActivationFunction function, double[] values) {
    String[] parts = function.id().substring(PREFIX.length()).split(";", -1);
    List<Declaration> out = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      Declaration d = parseDeclaration(parts[i]);
      out.add(values == null ? d : d.withValue(values[i - 1]));
    }
    return out;
  }

  /** Whether a catalog entry is a user formula. */
  public static boolean isFormula(ActivationFunction function) {
    return isSpec(function.id());
  }

  private static String spec(Formula f, List<Declaration> declarations, double[] values) {
    StringBuilder sb = new StringBuilder(PREFIX).append(f.text());
    for (int i = 0; i < declarations.size(); i++) {
      Declaration d = declarations.get(i);
      sb.append(';').append((values == null ? d : d.withValue(values[i])).text());
    }
    return sb.toString();
  }

  /** A formula with bound parameter values: compiled closures for f and f'. */
  static final class FormulaActivation extends AbstractActivation {
    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator df;

    FormulaActivation(ActivationFunction entry, double[] values, Formula formula,
        List<Declaration> declarations) {
      super(entry, values);
      Map<String, Double> bound = new HashMap<>();
      for (int i = 0; i < declarations.size(); i++) {
        bound.put(declarations.get(i).name(), values[i]);
      }
      this.f = formula.compile(bound);
      DoubleUnaryOperator d = formula.compileDerivative(bound);
      // where f is undefined (log or sqrt of a negative, a power of a negative base), f′ is
      // too: the symbolic derivative may be finite there (1/x for log x) and would draw a curve
      // where the function has none. Only formulas that can be undefined pay for the check.
      String t = formula.text();
      boolean partial = t.contains("log") || t.contains("sqrt") || t.contains("^");
      DoubleUnaryOperator fn = this.f;
      this.df = partial ? x -> Double.isNaN(fn.applyAsDouble(x)) ? Double.NaN
          : d.applyAsDouble(x) : d;
    }

    @Override
    public double value(double x) {
      return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
      return df.applyAsDouble(x);
    }

    @Override
    public void values(double[] in, double[] out, int from, int to) {
      DoubleUnaryOperator g = f;
      for (int i = from; i < to; i++) {
        out[i] = g.applyAsDouble(in[i]);
      }
    }

    @Override
    public void derivatives(double[] in, double[] out, int from, int to) {
      DoubleUnaryOperator g = df;
      for (int i = from; i < to; i++) {
        out[i] = g.applyAsDouble(in[i]);
      }
    }
  }

}
