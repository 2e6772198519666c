package org.activationlab.activation.formula;

/**
 * A formula that cannot be used, with the 1-based column where the problem is (0 when it concerns
 * the whole text, e.g. its length). The message is one line and ends with the column.
 */
public final class FormulaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int column;

  public FormulaException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** 1-based column of the offending character, or 0 when none applies. */
  public int column() {
    return column;
  }
}
