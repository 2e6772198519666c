package org.activationlab.runs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run file that cannot be read: its one-line message names the file, the line (and column,
 * where the JSON parser knows it) and what is wrong, e.g. {@code run.jsonl:7:12: neuronGradMeanAbs
 * of layer 2 has 63 values; the layer is 64 wide}.
 */
public final class RunFileException extends IOException {

  private final transient Path file;
  private final long line;
  private final boolean cutOff;

  /**
   * @param line 1-based line, or 0 when the problem is the whole file
   * @param column 1-based column, or 0 when unknown
   */
  public RunFileException(Path file, long line, long column, String reason) {
    this(file, line, column, reason, false);
  }

  private RunFileException(Path file, long line, long column, String reason, boolean cutOff) {
    super(where(file, line, column) + reason.replace('\n', ' '));
    this.file = file;
    this.line = line;
    this.cutOff = cutOff;
  }

  /** The JSON ends before it is whole: a truncated file, or one still being written. */
  static RunFileException cutOff(Path file, String reason) {
    return new RunFileException(file, 0, 0, reason, true);
  }

  /** Whether the file merely ended too soon (a writer may still be adding to it). */
  public boolean isCutOff() {
    return cutOff;
  }

  private static String where(Path file, long line, long column) {
    String name = String.valueOf(file);
    if (line <= 0) {
      return name + ": ";
    }
    return name + ":" + line + (column > 0 ? ":" + column : "") + ": ";
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, 0 when it concerns the whole file. */
  public long line() {
    return line;
  }
}
