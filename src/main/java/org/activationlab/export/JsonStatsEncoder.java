package org.activationlab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Scenario;

/**
 * The JSON layout, one pretty-printed document written as it goes: {@code format}, {@code
 * version}, {@code scenario} and {@code layers} first, then each record into {@code records},
 * then {@code diverged} and {@code divergedAtStep}. The bytes are those the whole document built
 * as a tree and printed with Jackson's default pretty printer would have.
 */
final class JsonStatsEncoder implements StatsEncoder {

  static final ObjectMapper JSON = new ObjectMapper();

  private final JsonGenerator g;

  /** Writes to {@code out} (not closed: its owner closes it). */
  JsonStatsEncoder(OutputStream out) throws IOException {
    g = JSON.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(new DefaultPrettyPrinter());
  }

  @Override
  public void header(Scenario scenario, List<Layer> layers, int every) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", TrainingStatsWriter.FORMAT);
    g.writeNumberField("version", TrainingStatsWriter.VERSION);
    g.writeFieldName("scenario");
    g.writeTree(ScenarioJson.toJson(scenario));
    writeLayers(g, layers, false);
    g.writeArrayFieldStart("records");
  }

  @Override
  public void record(Record r) throws IOException {
    writeRecord(g, r, false);
  }

  @Override
  public void end(long divergedAtStep) throws IOException {
    g.writeEndArray();
    writeDivergence(g, divergedAtStep);
    g.writeEndObject();
    g.close();
  }

  /** {@code layers}; with {@code names} also each layer's {@code name} and {@code type}. */
  static void writeLayers(JsonGenerator g, List<Layer> layers, boolean names) throws IOException {
    g.writeArrayFieldStart("layers");
    for (Layer layer : layers) {
      g.writeStartObject();
      g.writeNumberField("index", layer.index());
      if (names) {
        g.writeStringField("name", Integer.toString(layer.index()));
      }
      g.writeStringField("kind", layer.kind());
      if (names) {
        g.writeStringField("type", "dense");
      }
      g.writeNumberField("width", layer.width());
      g.writeStringField("activation", layer.activation());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * One record object; {@code extras} adds each layer's {@code updateRatio} and {@code histogram}
   * (the JSON Lines layout).
   */
  static void writeRecord(JsonGenerator g, Record r, boolean extras) throws IOException {
    g.writeStartObject();
    g.writeNumberField("step", r.step());
    number(g, "loss", r.loss());
    number(g, "testLoss", r.testLoss());
    number(g, "accuracy", r.accuracy());
    g.writeArrayFieldStart("layers");
    for (LayerSnapshot lr : r.layers()) {
      g.writeStartObject();
      number(g, "gradMeanAbs", lr.gradMeanAbs());
      number(g, "gradWeightRms", lr.gradWeightRms());
      if (extras) {
        number(g, "updateRatio", lr.updateRatio());
      }
      number(g, "deadFraction", lr.deadFraction());
      number(g, "inactiveFraction", lr.inactiveFraction());
      number(g, "saturatedFraction", lr.saturatedFraction());
      number(g, "activationMean", lr.activationMean());
      number(g, "activationStd", lr.activationStd());
      g.writeArrayFieldStart("neuronGradMeanAbs");
      for (int j = 0; j < lr.width(); j++) {
        number(g, lr.neuronGrad(j));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("dead");
      for (int j = 0; j < lr.width(); j++) {
        g.writeBoolean(lr.isDead(j));
      }
      g.writeEndArray();
      if (extras) {
        writeHistogram(g, lr);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeHistogram(JsonGenerator g, LayerSnapshot lr) throws IOException {
    g.writeObjectFieldStart("histogram");
    g.writeNumberField("min", ProbeStatistics.HISTOGRAM_MIN);
    g.writeNumberField("max", ProbeStatistics.HISTOGRAM_MAX);
    g.writeArrayFieldStart("counts");
    for (int i = 0; i < lr.bins(); i++) {
      g.writeNumber(lr.histogram(i));
    }
    g.writeEndArray();
    g.writeNumberField("below", lr.below());
    g.writeNumberField("above", lr.above());
    g.writeEndObject();
  }

  /** {@code diverged} and {@code divergedAtStep} (null when the run did not diverge). */
  static void writeDivergence(JsonGenerator g, long divergedAtStep) throws IOException {
    g.writeBooleanField("diverged", divergedAtStep >= 0);
    if (divergedAtStep >= 0) {
      g.writeNumberField("divergedAtStep", divergedAtStep);
    } else {
      g.writeNullField("divergedAtStep");
    }
  }

  /** A finite number, or null (NaN, ±∞). */
  static void number(JsonGenerator g, String key, double v) throws IOException {
    g.writeFieldName(key);
    number(g, v);
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
