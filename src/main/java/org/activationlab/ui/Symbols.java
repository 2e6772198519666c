package org.activationlab.ui;

import java.util.Map;
import org.activationlab.activation.Parameter;

/** Plain-text forms of parameter symbols for labels and legends (LaTeX \alpha → α). */
public final class Symbols {

  private static final Map<String, String> GREEK = Map.ofEntries(
      Map.entry("\\alpha", "α"), Map.entry("\\beta", "β"), Map.entry("\\gamma", "γ"),
      Map.entry("\\lambda", "λ"), Map.entry("\\tau", "τ"), Map.entry("\\theta", "θ"),
      Map.entry("\\mu", "μ"), Map.entry("\\sigma", "σ"), Map.entry("\\epsilon", "ε"));

  private Symbols() {}

  /** The parameter's symbol as plain text, or its name when the symbol is not a simple letter. */
  public static String of(Parameter p) {
    String s = p.symbol() == null ? "" : p.symbol().trim();
    if (GREEK.containsKey(s)) {
      return GREEK.get(s);
    }
    return s.matches("[A-Za-z]") ? s : p.name();
  }
}
