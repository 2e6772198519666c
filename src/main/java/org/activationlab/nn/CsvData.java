package org.activationlab.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Custom data from CSV text: {@code x,y,label} per line for classification, {@code x,y} for
 * regression (the column count of the first data line decides; every line must have it).
 *
 * <ul>
 *   <li>An optional header: a first line without any number (e.g. {@code x,y,label}); a first
 *       line with some numbers is data and checked as such.
 *   <li>Blank lines and lines starting with {@code #} are skipped; spaces around values are
 *       ignored; LF or CRLF line ends; a UTF-8 byte order mark is ignored.
 *   <li>Numbers are decimal ({@code 0.5}, {@code -1e-3}); NaN and Infinity are refused, as are
 *       values beyond ±{@value DataPoints#MAX_ABS}.
 *   <li>Labels are whole numbers 0, 1 or 2 ({@code 1.0} is accepted as 1); the class count is
 *       the largest label + 1 and must be at least 2.
 *   <li>{@value DataPoints#MIN_POINTS}..{@value DataPoints#MAX_POINTS} data lines; a file of at
 *       most {@value #MAX_BYTES} bytes.
 * </ul>
 *
 * <p>A refused file throws {@link IllegalArgumentException} with one line {@code NAME:LINE:
 * problem} (or {@code NAME: problem} for the file as a whole); nothing else changes.
 */
public final class CsvData {
  /** Largest file read, in bytes (1 MiB). */
  public static final int MAX_BYTES = 1 << 20;

  private CsvData() {}

  /**
   * Reads and parses a CSV file, reading at most {@link #MAX_BYTES} + 1 bytes.
   *
   * @throws IllegalArgumentException naming the file (and line) and the problem
   */
  public static DataPoints read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(name + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": cannot read (" + e.getMessage() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(name + ": file larger than " + MAX_BYTES
          + " bytes (1 MiB), the limit");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ": not UTF-8 text");
    }
    return parse(text, name);
  }

  /**
   * Parses CSV text; {@code name} prefixes the messages.
   *
   * @throws IllegalArgumentException {@code name:line: problem}
   */
  public static DataPoints parse(String text, String name) {
    if (text.length() > MAX_BYTES) {
      throw new IllegalArgumentException(name + ": larger than " + MAX_BYTES
          + " characters (1 MiB), the limit");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n|\r", -1);
    int columns = 0;
    int n = 0;
    double[] xs = new double[2 * DataPoints.MAX_POINTS];
    double[] ts = new double[DataPoints.MAX_POINTS];
    boolean first = true;
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li].strip();
      int lineNo = li + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (first) {
        first = false;
        if (noNumbers(f)) {
          continue; // header
        }
      }
      if (columns == 0) {
        if (f.length != 2 && f.length != 3) {
          throw new IllegalArgumentException(at(name, lineNo) + f.length + " columns; expected "
              + "x,y,label (classification) or x,y (regression)");
        }
        columns = f.length;
      } else if (f.length != columns) {
        throw new IllegalArgumentException(at(name, lineNo) + f.length + " columns, expected "
            + columns + " (" + (columns == 3 ? "x,y,label" : "x,y") + ") as on the first line");
      }
      if (n == DataPoints.MAX_POINTS) {
        throw new IllegalArgumentException(at(name, lineNo) + "more than "
            + DataPoints.MAX_POINTS + " points, the limit");
      }
      String[] what = columns == 3 ? new String[] {"x", "y", "label"} : new String[] {"x", "y"};
      double[] v = new double[columns];
      for (int k = 0; k < columns; k++) {
        v[k] = number(f[k].strip(), what[k], name, lineNo);
      }
      if (columns == 3) {
        double c = v[2];
        if (c != Math.rint(c) || c < 0 || c >= DataPoints.MAX_CLASSES) {
          throw new IllegalArgumentException(at(name, lineNo) + "label " + f[2].strip()
              + " is not a class 0.." + (DataPoints.MAX_CLASSES - 1));
        }
        xs[2 * n] = v[0];
        xs[2 * n + 1] = v[1];
        ts[n] = c;
      } else {
        xs[n] = v[0];
        ts[n] = v[1];
      }
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException(name + ": no data (expected lines x,y,label or x,y)");
    }
    if (n < DataPoints.MIN_POINTS) {
      throw new IllegalArgumentException(name + ": " + n + " point(s); at least "
          + DataPoints.MIN_POINTS + " are needed");
    }
    try {
      if (columns == 3) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = (int) ts[i];
        }
        return DataPoints.classification(java.util.Arrays.copyOf(xs, 2 * n), labels);
      }
      return DataPoints.regression(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ts, n));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }

  private static String at(String name, int line) {
    return name + ":" + line + ": ";
  }

  /** Whether no field is a number: a header such as {@code x,y,label}. */
  private static boolean noNumbers(String[] f) {
    for (String s : f) {
      try {
        Double.parseDouble(s.strip());
        return false;
      } catch (NumberFormatException e) {
        // not a number
      }
    }
    return true;
  }

  private static double number(String s, String what, String name, int line) {
    double v;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("nan") || lower.contains("infinity")) {
      throw new IllegalArgumentException(at(name, line) + what + " is " + s
          + "; values must be finite numbers");
    }
    try {
      if (s.isEmpty() || s.endsWith("d") || s.endsWith("D") || s.endsWith("f")
          || s.endsWith("F") || s.startsWith("0x") || s.startsWith("0X")) {
        throw new NumberFormatException();
      }
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(at(name, line) + what + " '" + s
          + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(at(name, line) + what + " " + s
          + " is beyond the double range; values must be finite numbers");
    }
    if (Math.abs(v) > DataPoints.MAX_ABS) {
      throw new IllegalArgumentException(at(name, line) + what + " " + s + " is outside ±"
          + (int) DataPoints.MAX_ABS);
    }
    return v;
  }
}
