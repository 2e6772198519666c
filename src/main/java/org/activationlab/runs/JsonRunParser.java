package org.activationlab.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;

/**
 * The JSON layouts of the statistics format, token by token (no tree of the file): a whole
 * document (version 1 or 2) or JSON Lines (a header line, one record a line, an optional end
 * line). Which one is decided by the content: a top object whose {@code layout} is {@code jsonl}
 * is a JSON Lines header.
 */
final class JsonRunParser {

  /** The format's name in {@code format}. */
  static final String FORMAT = "activation-lab/training-stats";

  /** Set to {@code true} to parse doubles with the JDK's parser (for the benchmark). */
  static final String PLAIN_DOUBLES = "activationlab.runs.plainDoubles";

  private static final JsonFactory FAST = factory(true);
  private static final JsonFactory PLAIN = factory(false);

  private static JsonFactory factory(boolean fastDoubles) {
    return JsonFactory.builder()
        .configure(StreamReadFeature.USE_FAST_DOUBLE_PARSER, fastDoubles)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json writes NaN
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1_000_000)
            .maxNestingDepth(64).build())
        .build();
  }

  static JsonParser parser(FileWindow in) throws IOException {
    JsonFactory f = Boolean.getBoolean(PLAIN_DOUBLES) ? PLAIN : FAST;
    JsonParser p = f.createParser(in);
    p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return p;
  }

  /** What a read of a whole file found; for JSON Lines, where to continue. */
  record Result(RecordedRun run, boolean jsonl, long consumed, RecordReader reader) {}

  private final Path file;
  private final Limits limits;

  JsonRunParser(Path file, Limits limits) {
    this.file = file;
    this.limits = limits;
  }

  /**
   * Reads the whole file (as large as it is now). For JSON Lines, stops at the end of the last
   * whole line.
   *
   * @param partial receives the reader as soon as the header is read, so a caller following the
   *     file keeps the records before a bad line
   */
  Result read(FileChannel channel, long size, RecordReader[] partial) throws IOException {
    FileWindow in = new FileWindow(channel, 0, FileWindow.lastLineEnd(channel, 0, size), size);
    try (JsonParser p = parser(in)) {
      try {
        return parse(p, in, partial);
      } catch (JsonEOFException e) {
        throw RunFileException.cutOff(file, "ends early at line " + e.getLocation()
            .getLineNr() + ": the JSON is cut off (a truncated file?)");
      } catch (StreamReadException e) {
        throw jacksonFailure(e, 0);
      }
    }
  }

  /** Jackson's complaint as one line at its location. */
  RunFileException jacksonFailure(StreamReadException e, long lineBase) {
    JsonLocation at = e.getLocation();
    String why = e.getOriginalMessage();
    why = why == null ? "not valid JSON" : why.lines().findFirst().orElse("not valid JSON");
    return new RunFileException(file, lineBase + (at == null ? 0 : at.getLineNr()),
        at == null ? 0 : at.getColumnNr(), "not valid JSON: " + why);
  }

  private Result parse(JsonParser p, FileWindow in, RecordReader[] partial) throws IOException {
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new RunFileException(file, 1, 0, "not a training statistics file (JSON that is not "
          + "an object)");
    }
    Header h = new Header();
    RecordReader reader = null;
    long divergedAtStep = -1;
    boolean sawRecords = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "format" -> {
          String f = text(p, "format");
          if (!FORMAT.equals(f)) {
            throw fail(p, "not a training statistics file: its format is \"" + f + "\", not \""
                + FORMAT + "\"");
          }
          h.format = f;
        }
        case "version" -> {
          if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
              || (p.getLongValue() != 1 && p.getLongValue() != 2)) {
            throw fail(p, "unknown version " + p.getText() + " (this reader knows 1 and 2)");
          }
          h.version = p.getIntValue();
        }
        case "layout" -> {
          String layout = text(p, "layout");
          if ("jsonl".equals(layout)) {
            in.linesOnly();
            h.jsonl = true;
          } else if (!"json".equals(layout)) {
            throw fail(p, "unknown layout \"" + layout + "\" (jsonl or json)");
          }
        }
        case "source" -> h.source = source(p);
        case "meta" -> h.meta(meta(p));
        case "scenario" -> h.meta(scenarioFacts(p));
        case "layers" -> {
          requireFormat(p, h, name);
          h.layers = layers(p);
        }
        case "records" -> {
          requireFormat(p, h, name);
          if (h.layers == null) {
            throw fail(p, "records come before layers");
          }
          if (h.jsonl) {
            throw fail(p, "a JSON Lines header with records in it");
          }
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(p, "records must be a list");
          }
          reader = new RecordReader(file, limits, h.start());
          partial[0] = reader;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            reader.readRecord(p);
          }
          sawRecords = true;
        }
        case "divergedAtStep" -> divergedAtStep = p.currentToken() == JsonToken.VALUE_NULL ? -1
            : p.getValueAsLong(-1);
        default -> p.skipChildren();
      }
    }
    if (h.format == null) {
      throw new RunFileException(file, 1, 0, "not a training statistics file (no \"format\": \""
          + FORMAT + "\")");
    }
    if (h.version == 0) {
      throw new RunFileException(file, 1, 0, "no version");
    }
    if (h.layers == null) {
      throw new RunFileException(file, 1, 0, "no layers");
    }
    if (!h.jsonl) {
      if (p.nextToken() != null) {
        throw fail(p, "more after the end of the JSON document");
      }
      RecordedRun run = sawRecords ? reader.run() : h.start();
      return new Result(run.finished(divergedAtStep), false, 0, null);
    }
    if (p.currentTokenLocation().getLineNr() != 1) {
      throw fail(p, "the JSON Lines header must be one line");
    }
    reader = new RecordReader(file, limits, h.start());
    partial[0] = reader;
    return lines(p, in, reader);
  }

  /**
   * The JSON Lines records after the parser's current token, to the window's end; the result's
   * run is finished if the end line was read.
   */
  Result lines(JsonParser p, FileWindow in, RecordReader reader) throws IOException {
    long lastLine = p.currentToken() == null ? 0 : p.currentTokenLocation().getLineNr();
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      long line = p.currentTokenLocation().getLineNr();
      if (line == lastLine) {
        throw fail(p, reader, "two JSON values on one line");
      }
      try {
        reader.readRecord(p);
      } catch (JsonEOFException e) {
        throw new RunFileException(file, reader.lineBase() + line, 0,
            "a record cut short: its JSON does not end on its line");
      }
      lastLine = p.currentTokenLocation().getLineNr();
      if (lastLine != line) {
        throw new RunFileException(file, reader.lineBase() + line, 0,
            "a record spans lines " + (reader.lineBase() + line) + "–" + (reader.lineBase()
                + lastLine) + " (a line cut short?)");
      }
    }
    // At the end, the parser is on the line after the last '\n': the lines read.
    long lines = p.currentLocation().getLineNr() - 1;
    reader.lineBase(reader.lineBase() + lines);
    RecordedRun run = reader.run();
    if (reader.ended()) {
      run = run.finished(reader.divergedAtStep());
    }
    return new Result(run, true, in.wholeEnd(), reader);
  }

  private RunFileException fail(JsonParser p, String reason) {
    JsonLocation at = p.currentTokenLocation();
    return new RunFileException(file, at.getLineNr(), at.getColumnNr(), reason);
  }

  private RunFileException fail(JsonParser p, RecordReader r, String reason) {
    return r.fail(p, reason);
  }

  private void requireFormat(JsonParser p, Header h, String field) throws RunFileException {
    if (h.format == null) {
      throw fail(p, "not a training statistics file (\"" + field + "\" before \"format\": \""
          + FORMAT + "\")");
    }
  }

  private String text(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(p, field + " must be text, not " + RecordReader.describe(p.currentToken()));
    }
    return p.getText();
  }

  private RecordedRun.Source source(JsonParser p) throws IOException {
    String s = text(p, "source");
    return switch (s) {
      case "activation-lab" -> RecordedRun.Source.ACTIVATION_LAB;
      case "pytorch-probe" -> RecordedRun.Source.PYTORCH_PROBE;
      default -> throw fail(p, "unknown source \"" + s
          + "\" (activation-lab or pytorch-probe)");
    };
  }

  /** Short texts, numbers and booleans of {@code meta}, as text; nested values skipped. */
  private Map<String, String> meta(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw fail(p, "meta must be an object, not " + RecordReader.describe(p.currentToken()));
    }
    Map<String, String> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v.isScalarValue() && v != JsonToken.VALUE_NULL && m.size() < 1000) {
        m.put(key, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return m;
  }

  /** A few facts of our scenario worth showing: its preset, data set and activation. */
  private Map<String, String> scenarioFacts(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw fail(p, "scenario must be an object, not "
          + RecordReader.describe(p.currentToken()));
    }
    Map<String, String> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v.isScalarValue() && v != JsonToken.VALUE_NULL
          && (key.equals("preset") || key.equals("dataset") || key.equals("activation"))) {
        m.put(key, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return m;
  }

  private List<RecordedLayer> layers(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw fail(p, "layers must be a list, not " + RecordReader.describe(p.currentToken()));
    }
    List<RecordedLayer> out = new ArrayList<>();
    long units = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int index = out.size() + 1;
      if (index > limits.maxLayers()) {
        throw fail(p, "more than " + limits.maxLayers() + " layers (the limit)");
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw fail(p, "layers[" + (index - 1) + "] must be an object, not "
            + RecordReader.describe(p.currentToken()));
      }
      String name = null;
      String kind = null;
      String type = "dense";
      String activation = null;
      long width = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        switch (key) {
          case "index" -> {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != index) {
              throw fail(p, "layer " + index + " has index " + p.getText() + " (layers must be "
                  + "numbered 1, 2, … in order)");
            }
          }
          case "name" -> name = text(p, "name");
          case "kind" -> kind = text(p, "kind");
          case "type" -> type = text(p, "type");
          case "activation" -> activation = text(p, "activation");
          case "width" -> {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
              throw fail(p, "width must be an integer ≥ 0, not " + p.getText());
            }
            width = p.getLongValue();
            if (width > limits.maxWidth()) {
              throw fail(p, "layer " + index + " is " + width + " units wide, more than the "
                  + "limit of " + limits.maxWidth());
            }
          }
          default -> p.skipChildren();
        }
      }
      units += width;
      if (units > limits.maxNumbers()) {
        throw fail(p, "the layers have more than " + limits.maxNumbers()
            + " units: one record would exceed the limit of numbers read");
      }
      out.add(new RecordedLayer(index, name, kind, type, (int) width, activation));
    }
    return out;
  }

  /** The header's fields as they are read. */
  private static final class Header {
    String format;
    int version;
    boolean jsonl;
    RecordedRun.Source source = RecordedRun.Source.ACTIVATION_LAB;
    final Map<String, String> meta = new LinkedHashMap<>();
    List<RecordedLayer> layers;

    void meta(Map<String, String> more) {
      meta.putAll(more);
    }

    RecordedRun start() {
      return RecordedRun.start(source, meta, layers);
    }
  }
}
