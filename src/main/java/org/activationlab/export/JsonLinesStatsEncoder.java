package org.activationlab.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.Scenario;

/**
 * The JSON Lines layout ({@code docs/formats.md}, "JSON Lines"): a header line, one line per
 * record (with each layer's {@code updateRatio} and {@code histogram}), an end line. Each line is
 * made in memory and handed to the stream in one write and flushed, so a reader following the
 * file sees whole lines and at most an unfinished last one.
 */
final class JsonLinesStatsEncoder implements StatsEncoder {

  static final String SOURCE = "activation-lab";

  private final OutputStream out;

  /** Writes to {@code out}, flushing after every line (not closed: its owner closes it). */
  JsonLinesStatsEncoder(OutputStream out) {
    this.out = out;
  }

  /** The lines' writer: makes a line in memory, then writes and flushes it. */
  @FunctionalInterface
  private interface Line {
    void write(JsonGenerator g) throws IOException;
  }

  private void line(Line content) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JsonStatsEncoder.JSON.createGenerator(buf)) {
      content.write(g);
    }
    buf.write('\n');
    buf.writeTo(out);
    out.flush();
  }

  @Override
  public void header(Scenario scenario, List<Layer> layers, int every) throws IOException {
    line(g -> {
      g.writeStartObject();
      g.writeStringField("format", TrainingStatsWriter.FORMAT);
      g.writeNumberField("version", TrainingStatsWriter.VERSION);
      g.writeStringField("layout", "jsonl");
      g.writeStringField("source", SOURCE);
      if (every > 0) {
        g.writeObjectFieldStart("meta");
        g.writeNumberField("every", every);
        g.writeEndObject();
      }
      g.writeFieldName("scenario");
      g.writeTree(ScenarioJson.toJson(scenario));
      JsonStatsEncoder.writeLayers(g, layers, true);
      g.writeEndObject();
    });
  }

  @Override
  public void record(Record r) throws IOException {
    line(g -> JsonStatsEncoder.writeRecord(g, r, true));
  }

  @Override
  public void end(long divergedAtStep) throws IOException {
    line(g -> {
      g.writeStartObject();
      g.writeBooleanField("end", true);
      JsonStatsEncoder.writeDivergence(g, divergedAtStep);
      g.writeEndObject();
    });
  }
}
