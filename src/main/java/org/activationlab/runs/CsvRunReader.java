package org.activationlab.runs;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;

/**
 * The CSV layout of the statistics format: one row per (record, layer), grouped into records by
 * step; the layers (named by their index) are those of the first record. Columns are found by
 * their names, so version 1 files (no {@code inactiveFraction}) read too.
 */
final class CsvRunReader {

  /** Lines longer than this are refused (a per-unit list of 10 M values fits). */
  private static final int MAX_LINE = 256 * 1024 * 1024;

  private final Path file;
  private final Limits limits;
  private Map<String, Integer> columns;
  private long line;
  private long numbers;

  CsvRunReader(Path file, Limits limits) {
    this.file = file;
    this.limits = limits;
  }

  RecordedRun read() throws IOException {
    try (InputStream in = Files.newInputStream(file);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      LineSource lines = new LineSource(r);
      String head = lines.next();
      line = 1;
      columns = header(head);
      List<RecordedLayer> layers = new ArrayList<>();
      List<RecordedStep> records = new ArrayList<>();
      List<LayerRecord> current = new ArrayList<>();
      long step = Long.MIN_VALUE;
      double[] scalars = new double[3];
      boolean firstRecord = true;
      String row;
      while ((row = lines.next()) != null) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        String[] f = fields(row);
        long s = integer(f, "step");
        int layer = (int) integer(f, "layer");
        if (layer < 1) {
          throw fail("layer must be ≥ 1 (got " + layer + ")");
        }
        if (s != step || layer <= current.size()) {
          if (!current.isEmpty()) {
            records.add(new RecordedStep(step, scalars[0], scalars[1], scalars[2], current));
            firstRecord = false;
          }
          if (s < step) {
            throw fail("step " + s + " comes after step " + step + " (steps must not go back)");
          }
          step = s;
          current = new ArrayList<>();
          scalars = new double[] {number(f, "loss"), number(f, "testLoss"),
              number(f, "accuracy")};
          reserve(4);
        }
        if (layer != current.size() + 1) {
          throw fail("layer " + layer + " where layer " + (current.size() + 1)
              + " was expected (rows go through the layers in order)");
        }
        long width = integer(f, "width");
        if (width < 0 || width > limits.maxWidth()) {
          throw fail("width " + width + " is outside 0…" + limits.maxWidth());
        }
        if (firstRecord) {
          if (layers.size() >= limits.maxLayers()) {
            throw fail("more than " + limits.maxLayers() + " layers (the limit)");
          }
          layers.add(new RecordedLayer(layer, null, text(f, "kind"), "dense", (int) width,
              activation(text(f, "activation"))));
        } else if (layer > layers.size()) {
          throw fail("layer " + layer + ": the record has more layers than the first record's "
              + layers.size());
        } else if (layers.get(layer - 1).width() != width) {
          throw fail("layer " + layer + " is " + width + " wide here, "
              + layers.get(layer - 1).width() + " in the first record");
        }
        current.add(layerRecord(f, (int) width, layer));
      }
      if (!current.isEmpty()) {
        records.add(new RecordedStep(step, scalars[0], scalars[1], scalars[2], current));
      }
      return RecordedRun.start(RecordedRun.Source.ACTIVATION_LAB, Map.of(), layers)
          .append(records).finished(-1);
    }
  }

  private Map<String, Integer> header(String head) throws RunFileException {
    if (head == null) {
      throw new RunFileException(file, 0, 0, "empty file");
    }
    Map<String, Integer> m = new HashMap<>();
    String[] names = head.replace("\uFEFF", "").strip().split(",", -1);
    for (int i = 0; i < names.length; i++) {
      m.put(names[i].strip(), i);
    }
    for (String required : List.of("step", "layer", "width")) {
      if (!m.containsKey(required)) {
        throw new RunFileException(file, 1, 0, "not a training statistics CSV: no column \""
            + required + "\" in the header");
      }
    }
    return m;
  }

  private LayerRecord layerRecord(String[] f, int width, int layer) throws RunFileException {
    reserve(9);
    LayerRecord.Builder b = LayerRecord.builder()
        .gradMeanAbs(number(f, "gradMeanAbs"))
        .gradWeightRms(number(f, "gradWeightRms"))
        .deadFraction(number(f, "deadFraction"))
        .inactiveFraction(number(f, "inactiveFraction"))
        .saturatedFraction(number(f, "saturatedFraction"))
        .activationMean(number(f, "activationMean"))
        .activationStd(number(f, "activationStd"));
    String units = text(f, "neuronGradMeanAbs");
    if (!units.isEmpty()) {
      String[] v = units.split(";", -1);
      check(v.length, width, "neuronGradMeanAbs", layer);
      reserve(width);
      double[] d = new double[width];
      for (int j = 0; j < width; j++) {
        d[j] = parse(v[j], "neuronGradMeanAbs");
      }
      b.neuronGradMeanAbs(d);
    }
    String dead = text(f, "dead");
    if (!dead.isEmpty()) {
      String[] v = dead.split(";", -1);
      check(v.length, width, "dead", layer);
      reserve(width);
      boolean[] d = new boolean[width];
      for (int j = 0; j < width; j++) {
        if (!v[j].equals("0") && !v[j].equals("1")) {
          throw fail("dead must hold 1 or 0, not \"" + v[j] + "\"");
        }
        d[j] = v[j].equals("1");
      }
      b.dead(d);
    }
    return b.build();
  }

  private void check(int n, int width, String field, int layer) throws RunFileException {
    if (n != width) {
      throw fail(field + " of layer " + layer + " has " + n + " values; the layer is " + width
          + " wide");
    }
  }

  /** A comma in a function spec was written as ';' (formulas use ';' themselves). */
  private static String activation(String spec) {
    return spec.startsWith("formula:") ? spec : spec.replace(';', ',');
  }

  private String[] fields(String row) throws RunFileException {
    String[] f = row.split(",", -1);
    if (f.length != columns.size()) {
      throw fail(f.length + " fields where the header has " + columns.size());
    }
    return f;
  }

  private String text(String[] f, String column) {
    Integer i = columns.get(column);
    return i == null ? "" : f[i].strip();
  }

  private double number(String[] f, String column) throws RunFileException {
    return parse(text(f, column), column);
  }

  private double parse(String s, String column) throws RunFileException {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return NumberInput.parseDouble(s, true);
    } catch (NumberFormatException e) {
      throw fail(column + " must be a number or empty, not \"" + shorten(s) + "\"");
    }
  }

  private long integer(String[] f, String column) throws RunFileException {
    String s = text(f, column);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw fail(column + " must be an integer, not \"" + shorten(s) + "\"");
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private void reserve(long n) throws RunFileException {
    if (numbers + n > limits.maxNumbers()) {
      throw fail("the run holds more than " + limits.maxNumbers()
          + " numbers, the limit of what is read");
    }
    numbers += n;
  }

  private RunFileException fail(String reason) {
    return new RunFileException(file, line, 0, reason);
  }

  /** Lines of bounded length ('\n' or "\r\n"). */
  private final class LineSource {
    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int end;

    LineSource(Reader in) {
      this.in = in;
    }

    String next() throws IOException {
      StringBuilder sb = null;
      while (true) {
        if (pos == end) {
          end = in.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return sb == null ? null : sb.toString();
          }
        }
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(buf, start, pos - start);
        if (sb.length() > MAX_LINE) {
          throw new RunFileException(file, line + 1, 0, "a line longer than " + MAX_LINE
              + " characters (the limit)");
        }
        if (pos < end) {
          pos++; // the '\n'
          int n = sb.length();
          if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
          }
          return sb.toString();
        }
      }
    }
  }
}
