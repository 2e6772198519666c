package org.activationlab.runs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;

/**
 * Reads the records of a JSON or JSON Lines statistics file from a token stream into a {@link
 * RecordedRun}: numbers straight into {@code double[]} sized by the header's widths, every value
 * checked against the header and the {@link Limits} before anything is allocated for it. Records
 * are appended in batches; after a failure {@link #run()} holds every record before the bad one.
 */
final class RecordReader {

  private static final int BATCH = 256;

  private final Path file;
  private final Limits limits;
  private final int[] widths;
  private final List<RecordedStep> pending = new ArrayList<>();
  private RecordedRun run;
  private long lineBase;
  private long numbers;
  private long lastStep;
  private boolean ended;
  private long divergedAtStep = -1;

  RecordReader(Path file, Limits limits, RecordedRun run) {
    this.file = file;
    this.limits = limits;
    this.run = run;
    this.widths = run.layers().stream().mapToInt(RecordedLayer::width).toArray();
    this.numbers = run.numbers();
    this.lastStep = run.isEmpty() ? Long.MIN_VALUE : run.last().step();
  }

  /** Lines before the parser's first (the parser counts from 1 where it started). */
  void lineBase(long lines) {
    lineBase = lines;
  }

  long lineBase() {
    return lineBase;
  }

  /** The run with every record read so far. */
  RecordedRun run() {
    if (!pending.isEmpty()) {
      run = run.append(pending);
      pending.clear();
    }
    return run;
  }

  /** Whether a JSON Lines end line was read. */
  boolean ended() {
    return ended;
  }

  long divergedAtStep() {
    return divergedAtStep;
  }

  Path file() {
    return file;
  }

  /** A failure at the parser's current token. */
  RunFileException fail(JsonParser p, String reason) {
    JsonLocation at = p.currentTokenLocation();
    return new RunFileException(file, lineBase + at.getLineNr(), at.getColumnNr(), reason);
  }

  /**
   * Reads one record object (the parser is on its START_OBJECT) and keeps it; or, for a JSON
   * Lines end line ({@code "end": true}), notes the divergence and that the run is finished.
   */
  void readRecord(JsonParser p) throws IOException {
    if (ended) {
      throw fail(p, "a record after the end line");
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw fail(p, "a record must be a JSON object, not " + describe(p.currentToken()));
    }
    reserve(p, 4);
    long step = Long.MIN_VALUE;
    double loss = Double.NaN;
    double testLoss = Double.NaN;
    double accuracy = Double.NaN;
    List<LayerRecord> layers = List.of();
    boolean end = false;
    long diverged = -1;
    JsonLocation stepAt = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "step" -> {
          stepAt = p.currentTokenLocation();
          step = integer(p, "step");
          if (step < 0) {
            throw fail(p, "step must be ≥ 0 (got " + step + ")");
          }
        }
        case "loss" -> loss = number(p, "loss");
        case "testLoss" -> testLoss = number(p, "testLoss");
        case "accuracy" -> accuracy = number(p, "accuracy");
        case "layers" -> layers = layers(p);
        case "end" -> end = bool(p, "end");
        case "divergedAtStep" -> diverged = p.currentToken() == JsonToken.VALUE_NULL ? -1
            : integer(p, "divergedAtStep");
        default -> p.skipChildren();
      }
    }
    if (end) {
      ended = true;
      divergedAtStep = diverged;
      return;
    }
    if (step == Long.MIN_VALUE) {
      throw fail(p, "a record without \"step\"");
    }
    if (step < lastStep) {
      throw new RunFileException(file, lineBase + stepAt.getLineNr(), stepAt.getColumnNr(),
          "step " + step + " comes after step " + lastStep + " (steps must not go back)");
    }
    lastStep = step;
    pending.add(new RecordedStep(step, loss, testLoss, accuracy, layers));
    if (pending.size() >= BATCH) {
      run();
    }
  }

  private List<LayerRecord> layers(JsonParser p) throws IOException {
    expect(p, JsonToken.START_ARRAY, "layers", "a list");
    List<LayerRecord> out = new ArrayList<>(widths.length);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int l = out.size();
      if (l >= widths.length) {
        throw fail(p, "the record has more layers than the header's " + widths.length);
      }
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        out.add(null);
        continue;
      }
      out.add(layer(p, l));
    }
    return out;
  }

  private LayerRecord layer(JsonParser p, int l) throws IOException {
    expect(p, JsonToken.START_OBJECT, "layers[" + l + "]", "an object");
    reserve(p, 9);
    LayerRecord.Builder b = LayerRecord.builder();
    double[] units = null;
    JsonLocation objectAt = p.currentTokenLocation();
    boolean[] dead = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "gradMeanAbs" -> b.gradMeanAbs(number(p, name));
        case "gradWeightRms" -> b.gradWeightRms(number(p, name));
        case "gradWeightNorm" -> b.gradWeightNorm(number(p, name));
        case "updateRatio" -> b.updateRatio(number(p, name));
        case "deadFraction" -> b.deadFraction(number(p, name));
        case "inactiveFraction" -> b.inactiveFraction(number(p, name));
        case "saturatedFraction" -> b.saturatedFraction(number(p, name));
        case "activationMean" -> b.activationMean(number(p, name));
        case "activationStd" -> b.activationStd(number(p, name));
        case "neuronGradMeanAbs" -> units = units(p, l);
        case "dead" -> dead = deadFlags(p, l);
        case "histogram" -> b.histogram(histogram(p, l));
        default -> p.skipChildren();
      }
    }
    if (units != null && dead != null && units.length != dead.length) {
      throw new RunFileException(file, lineBase + objectAt.getLineNr(), objectAt.getColumnNr(),
          "layer " + (l + 1) + " has " + units.length + " values of neuronGradMeanAbs but "
              + dead.length + " dead flags");
    }
    return b.neuronGradMeanAbs(units).dead(dead).build();
  }

  /** Per-unit mean |δ|: exactly the layer's width (any length up to the limit if unknown). */
  private double[] units(JsonParser p, int l) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY, "neuronGradMeanAbs", "a list");
    int width = widths[l];
    double[] v = new double[width > 0 ? reserve(p, width) : 64];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == v.length) {
        if (width > 0) {
          throw fail(p, "neuronGradMeanAbs of layer " + (l + 1) + " has more than " + width
              + " values; the layer is " + width + " wide");
        }
        v = Arrays.copyOf(v, grow(p, n));
      }
      v[n++] = number(p, "neuronGradMeanAbs");
    }
    if (width > 0 && n != width) {
      throw fail(p, "neuronGradMeanAbs of layer " + (l + 1) + " has " + n
          + " values; the layer is " + width + " wide");
    }
    if (width == 0) {
      reserve(p, n);
      v = Arrays.copyOf(v, n);
    }
    return v;
  }

  private boolean[] deadFlags(JsonParser p, int l) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY, "dead", "a list");
    int width = widths[l];
    boolean[] v = new boolean[width > 0 ? reserve(p, width) : 64];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == v.length) {
        if (width > 0) {
          throw fail(p, "dead of layer " + (l + 1) + " has more than " + width
              + " flags; the layer is " + width + " wide");
        }
        v = Arrays.copyOf(v, grow(p, n));
      }
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        v[n++] = t == JsonToken.VALUE_TRUE;
      } else if (t == JsonToken.VALUE_NUMBER_INT && (p.getIntValue() == 0 || p.getIntValue() == 1)) {
        v[n++] = p.getIntValue() == 1;
      } else {
        throw fail(p, "dead must hold true or false, not " + describe(t));
      }
    }
    if (width > 0 && n != width) {
      throw fail(p, "dead of layer " + (l + 1) + " has " + n + " flags; the layer is " + width
          + " wide");
    }
    if (width == 0) {
      reserve(p, n);
      v = Arrays.copyOf(v, n);
    }
    return v;
  }

  private LayerRecord.Histogram histogram(JsonParser p, int l) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT, "histogram", "an object");
    JsonLocation at = p.currentTokenLocation();
    double min = Double.NaN;
    double max = Double.NaN;
    long below = 0;
    long above = 0;
    long[] counts = new long[0];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "min" -> min = number(p, "histogram.min");
        case "max" -> max = number(p, "histogram.max");
        case "below" -> below = integer(p, "histogram.below");
        case "above" -> above = integer(p, "histogram.above");
        case "counts" -> {
          expect(p, JsonToken.START_ARRAY, "histogram.counts", "a list");
          long[] c = new long[32];
          int n = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == c.length) {
              c = Arrays.copyOf(c, grow(p, n));
            }
            c[n++] = integer(p, "histogram.counts");
          }
          reserve(p, n + 4L);
          counts = Arrays.copyOf(c, n);
        }
        default -> p.skipChildren();
      }
    }
    try {
      return new LayerRecord.Histogram(min, max, counts, below, above);
    } catch (IllegalArgumentException e) {
      throw new RunFileException(file, lineBase + at.getLineNr(), at.getColumnNr(),
          "the histogram of layer " + (l + 1) + " is not one: " + e.getMessage());
    }
  }

  /** The next capacity of a list of unknown length, within the width limit. */
  private int grow(JsonParser p, int n) throws RunFileException {
    if (n >= limits.maxWidth()) {
      throw fail(p, "a list longer than " + limits.maxWidth() + " values (the limit)");
    }
    return (int) Math.min(limits.maxWidth(), Math.max(64, 2L * n));
  }

  /** Counts n more numbers against the run's limit, before they are allocated. */
  private int reserve(JsonParser p, long n) throws RunFileException {
    if (numbers + n > limits.maxNumbers()) {
      throw fail(p, "the run holds more than " + limits.maxNumbers()
          + " numbers, the limit of what is read");
    }
    numbers += n;
    return (int) n;
  }

  private void expect(JsonParser p, JsonToken t, String field, String what)
      throws RunFileException {
    if (p.currentToken() != t) {
      throw fail(p, field + " must be " + what + ", not " + describe(p.currentToken()));
    }
  }

  double number(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return Double.NaN;
    }
    throw fail(p, field + " must be a number or null, not " + describe(t));
  }

  long integer(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw fail(p, field + " must be an integer, not " + describe(p.currentToken()));
    }
    try {
      return p.getLongValue();
    } catch (IOException e) {
      throw fail(p, field + " is out of range");
    }
  }

  boolean bool(JsonParser p, String field) throws RunFileException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw fail(p, field + " must be true or false, not " + describe(t));
    }
    return t == JsonToken.VALUE_TRUE;
  }

  /** A token in words, for messages. */
  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }
}
