package org.activationlab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.activationlab.nn.DataPoints;
import org.activationlab.training.Scenario;

/**
 * A {@link Scenario} as a JSON object whose field names are {@link Scenario#KEYS}: the {@code lab}
 * part of scenario files, the {@code scenario} of training statistics and a {@code train
 * --config} file. Files are read through {@link ScenarioFile}, which bounds their size and depth.
 */
public final class ScenarioJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioJson() {}

  /**
   * The scenario as a JSON object; {@code activations} only when set per layer, {@code points}
   * only for custom data (a list of {@code [x, y, label]} or {@code [x, y]}), {@code features}
   * only when not the default x1,x2.
   */
  public static ObjectNode toJson(Scenario s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("dataset", s.dataset().id());
    DataPoints p = s.points();
    if (p != null) {
      ArrayNode rows = o.putArray("points");
      for (int i = 0; i < p.size(); i++) {
        ArrayNode row = rows.addArray();
        for (int k = 0; k < p.dimensions(); k++) {
          row.add(p.input(i, k));
        }
        if (p.classes() > 0) {
          row.add((int) p.target(i));
        } else {
          row.add(p.target(i));
        }
      }
    }
    o.put("samples", s.samples());
    o.put("noise", s.noise());
    o.put("testFraction", s.testFraction());
    if (!s.features().isDefault()) {
      o.put("features", s.features().spec());
    }
    ArrayNode h = o.putArray("hidden");
    s.hidden().forEach(h::add);
    o.put("activation", s.activation());
    if (!s.activations().isEmpty()) {
      ArrayNode a = o.putArray("activations");
      s.activations().forEach(a::add);
    }
    o.put("init", s.init().spec());
    o.put("biasInit", s.biasInit().spec());
    o.put("optimizer", s.optimizer().id());
    o.put("learningRate", s.learningRate());
    o.put("momentum", s.momentum());
    o.put("batchSize", s.batchSize());
    o.put("l2", s.l2());
    o.put("clip", s.clip());
    o.put("seed", s.seed());
    o.put("steps", s.steps());
    return o;
  }

  /**
   * Reads a JSON object of scenario fields over {@code base}: missing fields keep {@code base}'s
   * values; {@code hidden} and {@code activations} may be arrays or strings.
   *
   * @param unknownFields receives the names of unknown fields, which are then ignored (a file
   *     written by a newer version still opens, and the caller can say what was left out); null:
   *     unknown fields are refused
   * @throws IllegalArgumentException for invalid values (and unknown fields when strict), named
   */
  public static Scenario fromJson(JsonNode node, Scenario base, List<String> unknownFields) {
    List<String> keys = Scenario.KEYS;
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a scenario is a JSON object of fields: "
          + String.join(", ", keys));
    }
    Scenario.Builder b = base.toBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (!keys.contains(key) && unknownFields != null) {
        unknownFields.add(key);
        continue;
      }
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("unknown scenario field '" + key + "'; valid: "
            + String.join(", ", keys));
      }
      String text;
      if (key.equals("points")) {
        b.points(points(v));
        continue;
      }
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        text = String.join(key.equals("activations") ? ";" : ",", parts);
      } else if (v.isValueNode() && !v.isNull()) {
        text = v.asText();
      } else {
        throw new IllegalArgumentException("scenario field '" + key + "' must be a value");
      }
      b.set(key, text);
    }
    return b.build();
  }

  /**
   * The {@code points} field: a list of {@code [x, y, label]} or {@code [x, y]} rows, checked as
   * a CSV file is ({@link org.activationlab.nn.CsvData}); messages name the row (1-based) as
   * {@code points:ROW}.
   */
  static DataPoints points(JsonNode v) {
    if (!v.isArray()) {
      throw new IllegalArgumentException("points must be a list of [x, y, label] or [x, y] rows");
    }
    if (v.size() > DataPoints.MAX_POINTS) {
      throw new IllegalArgumentException("points has " + v.size() + " rows; at most "
          + DataPoints.MAX_POINTS);
    }
    StringBuilder text = new StringBuilder(v.size() * 24);
    int row = 0;
    for (JsonNode r : v) {
      row++;
      if (!r.isArray()) {
        throw new IllegalArgumentException("points:" + row + ": a row is a list [x, y, label] "
            + "or [x, y]");
      }
      int k = 0;
      for (JsonNode x : r) {
        if (!x.isNumber()) {
          throw new IllegalArgumentException("points:" + row + ": " + x + " is not a number");
        }
        text.append(k++ > 0 ? "," : "").append(x.isIntegralNumber() ? x.asText()
            : Double.toString(x.asDouble()));
      }
      text.append('\n');
    }
    return org.activationlab.nn.CsvData.parse(text.toString(), "points");
  }
}
